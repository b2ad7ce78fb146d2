import { describe, expect, test } from 'vitest';
import { facetEntries, siteEntries, tagNamesOfKind, toggled } from '../../../lib/library/facets';
import type { FacetCounts } from '../../../lib/search/facets';
import { tag } from './helpers';

const tags = [
  { ...tag('imp', 'Russian imperialism'), color: '#AA0000' },
  tag('syria', 'Syria'),
  tag('campism', 'Campism'),
  tag('kag', 'Boris Kagarlitsky', 'author'),
];
const counts: FacetCounts = {
  authors: new Map([['kag', 1]]),
  themes: new Map([
    ['syria', 2],
    ['imp', 2],
  ]),
  sites: new Map([
    ['USC', 3],
    ['LeftEast', 1],
  ]),
};

describe('facetEntries', () => {
  test('the counted tags of the kind, most pieces first, then A–Z', () => {
    expect(facetEntries(tags, counts, 'theme', [])).toEqual([
      { id: 'imp', name: 'Russian imperialism', count: 2, color: '#AA0000' },
      { id: 'syria', name: 'Syria', count: 2, color: null },
    ]);
    expect(facetEntries(tags, counts, 'author', []).map((e) => e.id)).toEqual(['kag']);
  });
  test('a chosen tag stays listed with no pieces, so it can be unchosen', () => {
    expect(facetEntries(tags, counts, 'theme', ['campism']).at(-1)).toEqual({
      id: 'campism',
      name: 'Campism',
      count: 0,
      color: null,
    });
  });
});

test('siteEntries keeps the order of the counts', () => {
  expect(siteEntries(counts.sites)).toEqual([
    { name: 'USC', count: 3 },
    { name: 'LeftEast', count: 1 },
  ]);
});

test('tagNamesOfKind', () => {
  expect(tagNamesOfKind(tags, 'author')).toEqual(['Boris Kagarlitsky']);
});

test('toggled adds an id, or takes it out', () => {
  expect(toggled(['a'], 'b')).toEqual(['a', 'b']);
  expect(toggled(['a', 'b'], 'a')).toEqual(['b']);
});
