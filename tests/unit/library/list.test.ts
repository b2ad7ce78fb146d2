import { describe, expect, test } from 'vitest';
import {
  findOpenPiece,
  piecesOfPassages,
  shownCounts,
  shownPieces,
  tagNames,
  type SearchMatches,
} from '../../../lib/library/list';
import { facetCounts, sortPieces, tagPieces } from '../../../lib/library/view';
import { passage, piece, tag, view } from './helpers';

const pieces = [
  piece('a', { themeIds: ['imp'], capturedAt: '2026-03-01T00:00:00.000Z' }),
  piece('b', { capturedAt: '2026-02-01T00:00:00.000Z' }),
  piece('c', { themeIds: ['imp'], capturedAt: '2026-01-01T00:00:00.000Z' }),
];
const byId = new Map(pieces.map((p) => [p.id, p]));
const ordered = tagPieces(sortPieces(pieces, 'captured'));
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);

describe('shownPieces', () => {
  test('without a search, the filtered list in its order', () => {
    expect(ids(shownPieces(ordered, byId, view({ themes: ['imp'] }), null, 'captured'))).toEqual([
      'a',
      'c',
    ]);
  });
  test('while searching, the filtered matches in the order asked (ranked for relevance)', () => {
    const search: SearchMatches = {
      pieceHits: new Map([
        ['c', null],
        ['a', null],
        ['gone', null],
      ]),
      scores: new Map([
        ['c', 2],
        ['a', 1],
      ]),
      passageIds: new Set(),
    };
    const filters = view({ themes: ['imp'] });
    expect(ids(shownPieces(ordered, byId, filters, search, 'relevance'))).toEqual(['c', 'a']);
    expect(ids(shownPieces(ordered, byId, filters, search, 'captured'))).toEqual(['a', 'c']);
  });
});

test('shownCounts: the collection’s counts when it is shown whole, else the shown pieces’', () => {
  const whole = facetCounts(pieces);
  expect(shownCounts(pieces, pieces, whole)).toBe(whole);
  expect(shownCounts(pieces.slice(1), pieces, whole).themes).toEqual(new Map([['imp', 1]]));
});

test('findOpenPiece: from every piece once read, from the first screen until then', () => {
  const firstScreen = { pieces: [pieces[0]!], total: 3, counts: facetCounts(pieces) };
  expect(findOpenPiece(null, byId, firstScreen)).toBeUndefined();
  expect(findOpenPiece('c', byId, firstScreen)).toBe(pieces[2]);
  expect(findOpenPiece('a', null, firstScreen)).toBe(pieces[0]);
  expect(findOpenPiece('c', null, firstScreen)).toBeUndefined();
});

test('piecesOfPassages lists each piece once', () => {
  expect(piecesOfPassages([passage('p1', 'a'), passage('p2', 'b'), passage('p3', 'a')])).toEqual([
    'a',
    'b',
  ]);
});

test('tagNames keeps the order of the ids and leaves out unknown ones', () => {
  const tagsById = new Map([tag('x', 'X'), tag('y', 'Y')].map((t) => [t.id, t]));
  expect(tagNames(['y', 'gone', 'x'], tagsById)).toEqual(['Y', 'X']);
});
