import { describe, expect, test } from 'vitest';
import { listRows, pieceOfRow } from '../../../lib/library/rows';
import { passage, piece, tag } from './helpers';

const tagsById = new Map([tag('kag', 'Boris Kagarlitsky', 'author')].map((t) => [t.id, t]));
const pieces = [piece('a', { authorIds: ['kag'] }), piece('b')];
const passages = [passage('p1', 'a')];
const keys = (rows: { key: string }[]) => rows.map((r) => r.key);

describe('listRows', () => {
  test('the passages view lists passages', () => {
    const rows = listRows('passages', 'author', pieces, passages, tagsById);
    expect(rows).toEqual([{ kind: 'passage', key: 'p1', passage: passages[0] }]);
  });
  test('ungrouped, a row per piece, made once per list', () => {
    const rows = listRows('pieces', 'none', pieces, passages, tagsById);
    expect(keys(rows)).toEqual(['a', 'b']);
    expect(listRows('pieces', 'none', pieces, [], tagsById)).toBe(rows);
  });
  test('grouped, a header with its count before the pieces of each group', () => {
    const rows = listRows('pieces', 'author', pieces, passages, tagsById);
    expect(rows[0]).toEqual({ kind: 'group', key: 'g-kag', label: 'Boris Kagarlitsky', count: 1 });
    expect(keys(rows)).toEqual(['g-kag', 'kag-a', 'g-', '-b']);
  });
});

test('a piece row opens its piece, a passage row its piece, a header nothing', () => {
  const [header, row] = listRows('pieces', 'author', pieces, [], tagsById);
  const [passageRow] = listRows('passages', 'none', [], passages, tagsById);
  expect([header, row, passageRow].map((r) => pieceOfRow(r!))).toEqual([null, 'a', 'a']);
});
