import { describe, expect, test } from 'vitest';
import { tagByTypedName, tagTableRows } from '../../../lib/library/tag-table';
import { parseView, viewOfTag, viewToSearch } from '../../../lib/library/view';
import { tag } from './helpers';

const tags = [
  { ...tag('imp', 'Russian imperialism'), color: '#aa0000' },
  tag('syria', 'Syria'),
  {
    ...tag('kag', 'Boris Kagarlitsky', 'author'),
    aliases: ['B. Kagarlitsky'],
    aliasKeys: ['b kagarlitsky'],
  },
  tag('ford', 'Christopher Ford', 'author'),
];
const counts = new Map([
  ['kag', { pieces: 3, passages: 7 }],
  ['imp', { pieces: 1, passages: 0 }],
]);

describe('tagTableRows', () => {
  test('the tags of a kind A–Z with their counts, nothing carried counting 0', () => {
    const authors = tagTableRows(tags, 'author', counts);
    expect(authors.map((r) => [r.name, r.pieces, r.passages])).toEqual([
      ['Boris Kagarlitsky', 3, 7],
      ['Christopher Ford', 0, 0],
    ]);
    expect(authors[0]!.aliases).toEqual(['B. Kagarlitsky']);
    expect(authors[0]!.color).toBeNull();
  });
  test('themes carry their highlight colour, chosen or from the palette', () => {
    const themes = tagTableRows(tags, 'theme', counts);
    expect(themes.map((r) => r.name)).toEqual(['Russian imperialism', 'Syria']);
    expect(themes[0]!.color).toBe('#aa0000');
    expect(themes[1]!.color).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('tagByTypedName', () => {
  test('finds a tag of the kind by its name or an alias, whatever the case and spacing', () => {
    expect(tagByTypedName(tags, 'author', ' boris   KAGARLITSKY')?.id).toBe('kag');
    expect(tagByTypedName(tags, 'author', 'B. Kagarlitsky')?.id).toBe('kag');
    expect(tagByTypedName(tags, 'theme', 'Boris Kagarlitsky')).toBeUndefined();
    expect(tagByTypedName(tags, 'author', '  ')).toBeUndefined();
  });
});

describe('the Tags panel in the view', () => {
  test('is kept in the query string, and a tag’s pieces are the list filtered to it alone', () => {
    const view = parseView('?panel=tags&q=war');
    expect(view.panel).toBe('tags');
    expect(viewToSearch(view)).toBe('?q=war&panel=tags');
    expect(parseView('?panel=other').panel).toBeNull();
    const shown = { ...view, ...viewOfTag({ id: 'kag', kind: 'author' }) };
    expect(viewToSearch(shown)).toBe('?authors=kag');
  });
});
