import { describe, expect, test } from 'vitest';
import {
  answersBetween,
  debateTable,
  LANE_POINTS,
  NO_DEBATE_FILTER,
  timeline,
  viewOfCell,
  viewOfPoint,
} from '../../../lib/library/debate';
import { filterPassages, parseView, viewFilter, viewToSearch } from '../../../lib/library/view';
import type { PassageRow, PieceRow } from '../../../lib/model/records';
import { pairKeysOf, pairRowsOfKeys } from '../../../lib/search/pairs';
import { passage as makePassage, piece as makePiece, tag } from './helpers';

const TAGS = [
  tag('kag', 'Boris Kagarlitsky', 'author'),
  tag('bud', 'Ilya Budraitskis', 'author'),
  tag('ford', 'Christopher Ford', 'author'),
  tag('imp', 'Russian imperialism'),
  tag('left', 'Left debates'),
];
const tagsById = new Map(TAGS.map((t) => [t.id, t]));

let n = 0;
function piece(authorIds: string[], themeIds: string[], publishedTime: string | null = null) {
  n++;
  return makePiece(`p${n}`, { title: `Piece ${n}`, authorIds, themeIds, publishedTime });
}

function passage(of: PieceRow, authorIds: string[] = [], themeIds: string[] = []): PassageRow {
  n++;
  return makePassage(`q${n}`, of.id, {
    authorIds,
    themeIds,
    createdAt: `2024-01-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`,
  });
}

describe('the debate table', () => {
  // Kagarlitsky on imperialism twice (once with Budraitskis), Ford on the left debates; a
  // passage of Ford's piece quotes Kagarlitsky, one of Kagarlitsky's quotes Ford; a passage has
  // its own theme.
  const a = piece(['kag'], ['imp']);
  const b = piece(['kag', 'bud', 'kag'], ['imp', 'left']);
  const c = piece(['ford'], ['left']);
  const d = piece([], ['imp']);
  const passages = [
    passage(a),
    passage(a, [], ['left']),
    passage(c, ['kag']),
    passage(c),
    passage(d),
    passage(b, ['ford']),
  ];
  const byPiece = (p: PieceRow) => passages.filter((q) => q.pieceId === p.id);
  const counts = pairRowsOfKeys([a, b, c, d].flatMap((p) => pairKeysOf(p, byPiece(p))));

  test('a piece counts under its authors and themes, a passage under its own when it has any', () => {
    const table = debateTable(counts, tagsById, 'pieces');
    const cell = (author: string, theme: string) =>
      table.rows.find((r) => r.author.id === author)?.cell(theme);
    expect(cell('kag', 'imp')).toEqual({ pieces: 2, passages: 1 });
    expect(cell('kag', 'left')).toEqual({ pieces: 1, passages: 2 });
    expect(cell('bud', 'imp')).toEqual({ pieces: 1, passages: 0 });
    expect(cell('ford', 'left')).toEqual({ pieces: 1, passages: 2 });
    expect(cell('ford', 'imp')).toEqual({ pieces: 0, passages: 1 });
    expect(cell('bud', 'left')).toEqual({ pieces: 1, passages: 0 });
    // Row totals count each piece and passage once, whatever its themes.
    expect(table.rows.map((r) => [r.author.id, r.total])).toEqual([
      ['kag', { pieces: 2, passages: 3 }],
      ['ford', { pieces: 1, passages: 2 }],
      ['bud', { pieces: 1, passages: 0 }],
    ]);
    // Columns count pieces without an author too (d).
    expect(table.columns.map((c) => [c.theme.id, c.total])).toEqual([
      ['imp', { pieces: 3, passages: 3 }],
      ['left', { pieces: 2, passages: 4 }],
    ]);
  });

  test('sorts by total of passages, or by name', () => {
    const byPassages = debateTable(counts, tagsById, 'passages');
    expect(byPassages.rows.map((r) => r.author.id)).toEqual(['kag', 'ford', 'bud']);
    expect(byPassages.columns.map((c) => c.theme.id)).toEqual(['left', 'imp']);
    const byName = debateTable(counts, tagsById, 'name');
    expect(byName.rows.map((r) => r.author.name)).toEqual([
      'Boris Kagarlitsky',
      'Christopher Ford',
      'Ilya Budraitskis',
    ]);
  });

  test('a tag that is gone is left out', () => {
    const without = new Map(tagsById);
    without.delete('bud');
    without.delete('left');
    const table = debateTable(counts, without, 'pieces');
    expect(table.rows.map((r) => r.author.id)).toEqual(['kag', 'ford']);
    expect(table.columns.map((c) => c.theme.id)).toEqual(['imp']);
  });

  test("a cell's link lists exactly the passages it counts", () => {
    const view = viewOfCell(
      'kag',
      'left',
      { pieces: 1, passages: 2 },
      {
        site: null,
        from: '2015-01-01',
        to: null,
      },
    );
    expect(parseView(viewToSearch(view))).toEqual(view);
    expect(view).toMatchObject({ view: 'pieces', dateField: 'published', from: '2015-01-01' });
    const piecesById = new Map([a, b, c, d].map((p) => [p.id, p]));
    const all = { ...view, view: 'passages' as const, from: null };
    const listed = filterPassages(passages, piecesById, all).map((q) => q.id);
    expect(listed.sort()).toEqual([passages[1]!.id, passages[2]!.id].sort());
    // The library's own rule (the passage's tags and its piece's) lists more.
    const either = filterPassages(passages, piecesById, { ...all, passageTags: 'either' });
    expect(either.length).toBe(3);
    expect(viewOfCell('kag', 'left', { pieces: 0, passages: 2 }, all).view).toBe('passages');
  });
});

describe('who answers whom', () => {
  test('a link between pieces counts for every pair of their authors, once, never oneself', () => {
    const x = piece(['kag'], []);
    const y = piece(['ford', 'bud'], []);
    const z = piece(['kag'], []);
    const byId = new Map([x, y, z].map((p) => [p.id, p]));
    const answers = answersBetween(
      [
        [x.id, y.id],
        [z.id, y.id],
        [y.id, x.id],
        [x.id, z.id], // Kagarlitsky answering himself
        [x.id, 'gone'],
      ],
      byId,
    );
    expect(answers).toEqual([
      { from: 'kag', to: 'ford', pieces: 2 },
      { from: 'kag', to: 'bud', pieces: 2 },
      { from: 'ford', to: 'kag', pieces: 1 },
      { from: 'bud', to: 'kag', pieces: 1 },
    ]);
  });
});

describe('the timeline', () => {
  const piecesOf = (lane: { points: { pieces: PieceRow[] }[] }) =>
    lane.points.flatMap((point) => point.pieces.map((p) => p.id));

  test('one lane per tag, oldest first; undated pieces apart, once', () => {
    const early = piece(['kag'], ['imp'], '2014-03-01T00:00:00Z');
    const late = piece(['kag', 'ford'], ['imp'], '2016-03-01T00:00:00Z');
    const undated = piece(['kag', 'ford'], [], null);
    const line = timeline([late, undated, early], [tagsById.get('kag')!, tagsById.get('ford')!]);
    expect(line.lanes.map((l) => [l.tag.id, piecesOf(l)])).toEqual([
      ['kag', [early.id, late.id]],
      ['ford', [late.id]],
    ]);
    expect(line.undated).toEqual([undated]);
    // Few pieces: a point each, at its date.
    expect(line.lanes[0]!.points.map((p) => [p.pieces.length, p.at])).toEqual([
      [1, 0],
      [1, 1],
    ]);
    expect(timeline([undated], [tagsById.get('kag')!]).span).toBeNull();
  });

  test('a lane of many pieces: at most LANE_POINTS points, each the library view of its pieces', () => {
    // 600 pieces over three years, several a day on some days, at any time of day.
    const pieces: PieceRow[] = [];
    for (let i = 0; i < 600; i++) {
      const day = new Date(Date.UTC(2021, 0, 1) + Math.floor((i * i) % 1096) * 86_400_000);
      const at = new Date(day.getTime() + ((i * 7919) % 86_400) * 1000);
      pieces.push(piece(['kag'], i % 2 ? ['imp'] : [], at.toISOString()));
    }
    const other = piece(['ford'], ['imp'], '2022-06-01T10:00:00Z');
    const kag = tagsById.get('kag')!;
    const imp = tagsById.get('imp')!;
    const line = timeline([...pieces, other], [kag, imp]);
    for (const [lane, tag] of [
      [line.lanes[0]!, kag],
      [line.lanes[1]!, imp],
    ] as const) {
      expect(lane.points.length).toBeLessThanOrEqual(LANE_POINTS);
      expect(lane.points.length).toBeGreaterThan(LANE_POINTS / 2);
      const shown = lane.points.map((point) => {
        const listed = [...pieces, other].filter(
          viewFilter(viewOfPoint(tag, point, NO_DEBATE_FILTER)),
        );
        expect(new Set(listed.map((p) => p.id))).toEqual(new Set(point.pieces.map((p) => p.id)));
        return point.at;
      });
      // In order along the track, within it.
      expect(shown).toEqual([...shown].sort((a, b) => a - b));
      expect(Math.min(...shown)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...shown)).toBeLessThanOrEqual(1);
    }
    expect(piecesOf(line.lanes[0]!)).toHaveLength(600);
    expect(piecesOf(line.lanes[1]!)).toHaveLength(301);
  });
});
