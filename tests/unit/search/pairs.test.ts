import { describe, expect, test } from 'vitest';
import {
  applyPairDelta,
  pairKeyParts,
  pairKeysOf,
  pairRowsOfKeys,
} from '../../../lib/search/pairs';

describe('debate keys', () => {
  test('any tag id survives a key, however it is spelt', () => {
    const ids = ['12:3', 'p1:a', 'a b', 'Борис', '"quoted"', '0'];
    for (const author of ids) {
      for (const theme of ids) {
        const [key] = pairKeysOf({ authorIds: [author], themeIds: [theme] }, []).slice(-1);
        expect(pairKeyParts(key!)).toEqual(['p', author, theme]);
      }
    }
  });

  test('a tag listed twice counts once; a change that nets to nothing touches no row', () => {
    const keys = pairKeysOf({ authorIds: ['a', 'a'], themeIds: ['t'] }, [
      { authorIds: [], themeIds: [] },
    ]);
    expect(pairRowsOfKeys(keys)).toEqual([
      { author: 'a', pieces: { '': 1, t: 1 }, passages: { '': 1, t: 1 } },
      { author: '', pieces: { t: 1 }, passages: { t: 1 } },
    ]);
    const rows = new Map(pairRowsOfKeys(keys).map((row) => [row.author, row]));
    const gone = new Map(keys.map((key) => [key, -1]));
    expect(applyPairDelta(rows, gone)).toEqual({ put: [], deleted: ['a', ''] });
  });
});
