import { describe, expect, test } from 'vitest';
import { random } from '../../support/random';
import {
  DEFAULT_VIEW,
  effectiveSort,
  facetCounts,
  filterPassages,
  filterPieces,
  filterTagged,
  groupPieces,
  listsEveryPieceNewestFirst,
  parseView,
  sameFilters,
  sortPieces,
  tagPieces,
  viewToSearch,
  type LibraryView,
} from '../../../lib/library/view';
import { passage, piece, tag, view } from './helpers';

const pieces = [
  piece('a', {
    themeIds: ['imp', 'syria'],
    authorIds: ['kag'],
    siteName: 'USC',
    publishedTime: '2015-09-18T09:00:00+00:00',
    capturedAt: '2026-03-01T00:00:00.000Z',
    title: 'Why Russia backs Assad',
  }),
  piece('b', {
    themeIds: ['imp'],
    authorIds: ['batou'],
    siteName: 'USC',
    publishedTime: '2015-09-07T09:00:00+00:00',
    capturedAt: '2026-02-01T00:00:00.000Z',
    title: 'Putin, the War in Ukraine',
  }),
  piece('c', {
    themeIds: ['syria'],
    authorIds: ['kag', 'batou'],
    siteName: 'RS21',
    publishedTime: null,
    capturedAt: '2026-04-01T00:00:00.000Z',
    title: 'ábc first by accent',
  }),
  piece('d', { siteName: null, capturedAt: '2026-01-15T00:00:00.000Z', title: 'Zed' }),
];
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);

describe('view in the URL', () => {
  test('the default view is the bare library', () => {
    expect(viewToSearch(DEFAULT_VIEW)).toBe('');
    expect(parseView('')).toEqual(DEFAULT_VIEW);
  });

  test('a full view survives the round trip', () => {
    const full = view({
      q: 'kagarlitsky «red» & co',
      themes: ['imp', 'syria'],
      themeMode: 'any',
      authors: ['kag'],
      site: 'Ukraine Solidarity Campaign',
      from: '2015-01-01',
      to: '2015-12-31',
      dateField: 'published',
      sort: 'title',
      group: 'theme',
      view: 'passages',
      piece: 'a',
    });
    expect(parseView(viewToSearch(full))).toEqual(full);
  });

  test('malformed values fall back to defaults', () => {
    expect(
      parseView('?themeMode=some&sort=loud&group=x&view=y&from=2015-1-1&to=tomorrow&dateField=z'),
    ).toEqual(view({ sort: 'captured' }));
  });

  test('sorting is by relevance while searching unless chosen', () => {
    expect(effectiveSort(view({}))).toBe('captured');
    expect(effectiveSort(view({ q: 'kag' }))).toBe('relevance');
    expect(effectiveSort(view({ q: 'kag', sort: 'title' }))).toBe('title');
  });
});

describe('filterPieces', () => {
  test.each<[Partial<LibraryView>, string[]]>([
    [{}, ['a', 'b', 'c', 'd']],
    [{ themes: ['imp'] }, ['a', 'b']],
    [{ themes: ['imp', 'syria'] }, ['a']],
    [{ themes: ['imp', 'syria'], themeMode: 'any' }, ['a', 'b', 'c']],
    [{ authors: ['kag'] }, ['a', 'c']],
    [{ authors: ['kag'], themes: ['imp'] }, ['a']],
    [{ site: 'USC' }, ['a', 'b']],
    [{ dateField: 'published', from: '2015-09-10' }, ['a']],
    [{ dateField: 'published', to: '2015-09-07' }, ['b']],
    [{ from: '2026-02-01', to: '2026-03-01' }, ['a', 'b']],
    [{ themes: ['nothing'] }, []],
  ])('%j → %j', (filters, expected) => {
    expect(ids(filterPieces(pieces, view(filters)))).toEqual(expected);
  });

  test('search matches restrict the set', () => {
    expect(ids(filterPieces(pieces, view({ themes: ['imp'] }), new Set(['b', 'c'])))).toEqual([
      'b',
    ]);
  });
});

describe('sortPieces', () => {
  test('clipped: newest first', () => {
    expect(ids(sortPieces(pieces, 'captured'))).toEqual(['c', 'a', 'b', 'd']);
  });
  test('published: newest first, undated last (by clipping date)', () => {
    expect(ids(sortPieces(pieces, 'published'))).toEqual(['a', 'b', 'c', 'd']);
  });
  test('title: A–Z, accents and case folded', () => {
    expect(ids(sortPieces(pieces, 'title'))).toEqual(['c', 'b', 'a', 'd']);
  });
  test('relevance: best score first, ties newest first', () => {
    const scores = new Map([
      ['b', 5],
      ['d', 5],
      ['a', 1],
    ]);
    expect(ids(sortPieces(pieces, 'relevance', scores))).toEqual(['b', 'd', 'a', 'c']);
  });
  test('clipped at the same time: the greater id first (as the capturedAt index reads backwards)', () => {
    const same = ['m', 'z', 'a'].map((id) => piece(id));
    expect(ids(sortPieces(same, 'captured'))).toEqual(['z', 'm', 'a']);
  });
  test('does not change its input', () => {
    const copy = [...pieces];
    sortPieces(pieces, 'title');
    expect(pieces).toEqual(copy);
  });
});

describe('groupPieces', () => {
  const tags = new Map([
    ['imp', tag('imp', 'Russian imperialism')],
    ['syria', tag('syria', 'Syria')],
    ['kag', tag('kag', 'Boris Kagarlitsky', 'author')],
    ['batou', tag('batou', 'Jean Batou', 'author')],
  ]);
  test('by theme: a piece with two themes is under both; no theme last', () => {
    const groups = groupPieces(pieces, 'theme', tags);
    expect(groups.map((g) => [g.label, ids(g.pieces)])).toEqual([
      ['Russian imperialism', ['a', 'b']],
      ['Syria', ['a', 'c']],
      ['No theme', ['d']],
    ]);
  });
  test('by author', () => {
    const groups = groupPieces(pieces, 'author', tags);
    expect(groups.map((g) => [g.label, ids(g.pieces)])).toEqual([
      ['Boris Kagarlitsky', ['a', 'c']],
      ['Jean Batou', ['b', 'c']],
      ['No author', ['d']],
    ]);
  });
});

test('facetCounts counts authors, themes and sites', () => {
  const counts = facetCounts(pieces);
  expect(Object.fromEntries(counts.themes)).toEqual({ imp: 2, syria: 2 });
  expect(Object.fromEntries(counts.authors)).toEqual({ kag: 2, batou: 2 });
  expect(Object.fromEntries(counts.sites)).toEqual({ USC: 2, RS21: 1 });
});

describe('filterPassages', () => {
  const byId = new Map(pieces.map((p) => [p.id, p]));
  const passages = [
    passage('p1', 'd', { themeIds: ['imp'] }),
    passage('p22', 'b'),
    passage('p333', 'c', { authorIds: ['quoted'] }),
    passage('orphan-piece', 'gone'),
  ];
  test('a passage carries its own tags and its piece’s', () => {
    expect(ids(filterPassages(passages, byId, view({ themes: ['imp'] })))).toEqual(['p22', 'p1']);
    expect(ids(filterPassages(passages, byId, view({ authors: ['quoted'] })))).toEqual(['p333']);
  });
  test('site and dates are the piece’s; passages of deleted pieces are left out', () => {
    expect(ids(filterPassages(passages, byId, view({ site: 'USC' })))).toEqual(['p22']);
    expect(ids(filterPassages(passages, byId, view({})))).toEqual(['p333', 'p22', 'p1']);
  });
  test('search matches restrict the set', () => {
    expect(ids(filterPassages(passages, byId, view({}), new Set(['p1'])))).toEqual(['p1']);
  });
});

describe('listsEveryPieceNewestFirst', () => {
  test('only the plain list: no search, filter, grouping, other order, passages or open piece', () => {
    expect(listsEveryPieceNewestFirst(DEFAULT_VIEW)).toBe(true);
    expect(listsEveryPieceNewestFirst(view({ sort: 'captured', q: '  ' }))).toBe(true);
    const changes: Partial<LibraryView>[] = [
      { q: 'kag' },
      { themes: ['imp'] },
      { authors: ['ford'] },
      { site: 'Site' },
      { from: '2026-01-01' },
      { to: '2026-01-01' },
      { group: 'author' },
      { sort: 'title' },
      { sort: 'published' },
      { view: 'passages' },
      { piece: 'a' },
    ];
    for (const change of changes) expect(listsEveryPieceNewestFirst(view(change))).toBe(false);
  });
});

describe('filterTagged', () => {
  test('gives what filterPieces gives, in the same order, for any mix of filters', () => {
    const next = random(5);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const THEMES = ['imp', 'syria', 'labour', 'left', 'war'];
    const AUTHORS = ['ford', 'kag', 'bud'];
    const some = (list: string[], p: number) => list.filter(() => next() < p);
    const all = Array.from({ length: 300 }, (_, i) =>
      piece(`p${i}`, {
        themeIds: some(THEMES, 0.3),
        // A repeated id, as an old import may have left it.
        authorIds: i % 50 === 0 ? ['kag', 'kag'] : some(AUTHORS, 0.4),
        siteName: pick(['Site', 'Other', null]),
        capturedAt: new Date(Date.UTC(2025, 0, 1 + (i % 90))).toISOString(),
      }),
    );
    const tagged = tagPieces(sortPieces(all, 'captured'));
    let narrowed = 0;
    for (let round = 0; round < 300; round++) {
      const v = view({
        themes: some([...THEMES, 'unknown'], 0.25),
        themeMode: pick(['all', 'any'] as const),
        authors: some(AUTHORS, 0.25),
        site: pick(['Site', null, null]),
        from: pick([null, null, '2025-02-01']),
        to: pick([null, null, '2025-03-01']),
      });
      const expected = filterPieces(tagged.pieces, v);
      const got = filterTagged(tagged, v);
      expect(ids(got), JSON.stringify(v)).toEqual(ids(expected));
      if (got.length > 0 && got.length < all.length) narrowed++;
    }
    expect(narrowed).toBeGreaterThan(100);
    // No filter: the list itself, not a copy.
    expect(filterTagged(tagged, view({}))).toBe(tagged.pieces);
  });
});

test('sameFilters looks at the filters only', () => {
  const filtered = view({ themes: ['imp'], site: 'USC' });
  expect(sameFilters(filtered, { ...filtered, q: 'kag', sort: 'title', piece: 'a' })).toBe(true);
  for (const change of [{ themes: ['imp', 'syria'] }, { themeMode: 'any' as const }, { to: 'x' }]) {
    expect(sameFilters(filtered, { ...filtered, ...change })).toBe(false);
  }
});
