import { describe, expect, test } from 'vitest';
import { pieceKeyOf, piecesOfRows, type Row } from '../../../lib/library/rows';
import { keysBetween, tagsOnPieces, toggledKey, withKeys } from '../../../lib/library/selection';
import { piece, tag } from './helpers';

const a = piece('a', { authorIds: ['kag'], themeIds: ['war'] });
const b = piece('b', { themeIds: ['left', 'war'] });
const c = piece('c');
// Grouped: a header, then a piece listed twice (under two groups).
const rows: Row[] = [
  { kind: 'group', key: 'g-1', label: 'War', count: 2 },
  { kind: 'piece', key: 'war-a', piece: a },
  { kind: 'piece', key: 'war-b', piece: b },
  { kind: 'group', key: 'g-2', label: 'Left', count: 1 },
  { kind: 'piece', key: 'left-b', piece: b },
  { kind: 'piece', key: 'none-c', piece: c },
];

describe('choosing rows', () => {
  test('a range in either direction, headers skipped, a piece listed twice chosen once', () => {
    expect(keysBetween(rows, 0, 2, pieceKeyOf)).toEqual(['a', 'b']);
    expect(keysBetween(rows, 5, 3, pieceKeyOf)).toEqual(['b', 'c']);
    expect(keysBetween(rows, -4, 99, pieceKeyOf)).toEqual(['a', 'b', 'b', 'c']);
    expect(piecesOfRows(rows, new Set(['b', 'c', 'gone'])).map((p) => p.id)).toEqual(['b', 'c']);
    expect(piecesOfRows(rows).length).toBe(3);
  });
  test('adding and toggling', () => {
    const chosen = withKeys(new Set(['a']), ['b', 'a']);
    expect([...chosen]).toEqual(['a', 'b']);
    expect([...toggledKey(chosen, 'a')]).toEqual(['b']);
    expect([...toggledKey(chosen, 'c')]).toEqual(['a', 'b', 'c']);
  });
  test('the tags on the chosen pieces, authors first, each A–Z', () => {
    const byId = new Map(
      [tag('war', 'War'), tag('left', 'Left'), tag('kag', 'Kagarlitsky', 'author')].map((t) => [
        t.id,
        t,
      ]),
    );
    expect(tagsOnPieces([a, b, c], byId).map((t) => t.name)).toEqual([
      'Kagarlitsky',
      'Left',
      'War',
    ]);
  });
});
