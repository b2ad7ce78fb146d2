import { describe, expect, it } from 'vitest';
import { readJsonLd } from '../../../lib/extract/json-ld';

describe('readJsonLd', () => {
  it('reads authors from a plain Article with an array of Person objects', () => {
    const info = readJsonLd([
      JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'Article',
        headline: 'A piece',
        author: [
          { '@type': 'Person', name: 'Olena Marchenko' },
          { '@type': 'Person', name: 'Sam Okafor' },
        ],
        datePublished: '2015-11-02',
        keywords: 'Ukraine, Labour movement',
      }),
    ]);
    expect(info.authorNames).toEqual(['Olena Marchenko', 'Sam Okafor']);
    expect(info.headline).toBe('A piece');
    expect(info.datePublished).toEqual(['2015-11-02']);
    expect(info.keywords).toEqual(['Ukraine', 'Labour movement']);
  });

  it('reads a recipe as the page’s piece: its author, date, keywords and category', () => {
    const info = readJsonLd([
      JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'Recipe',
        name: 'Mandarinen-Schmand-Kuchen',
        author: { '@type': 'Person', name: 'jesusfreak' },
        datePublished: '2006-10-10',
        recipeCategory: 'Frucht',
        keywords: ['Backen', 'Vegetarisch'],
      }),
    ]);
    expect(info.authorNames).toEqual(['jesusfreak']);
    expect(info.datePublished).toEqual(['2006-10-10']);
    expect(info.keywords).toEqual(['Backen', 'Vegetarisch']);
    expect(info.sections).toEqual(['Frucht']);
  });

  it('follows @graph, @id references and givenName/familyName', () => {
    const info = readJsonLd([
      JSON.stringify({
        '@graph': [
          { '@type': 'Person', '@id': '#p1', name: 'Ilse van der Berg' },
          { '@type': 'WebPage', name: 'Page title', author: { name: 'Page Author' } },
          {
            '@type': ['NewsArticle'],
            author: [{ '@id': '#p1' }, { givenName: 'Kwame', familyName: 'Mensah' }],
            publisher: { '@type': 'Organization', name: 'The Periscope' },
          },
        ],
      }),
    ]);
    expect(info.authorNames).toEqual(['Ilse van der Berg', 'Kwame Mensah']);
    expect(info.publisherName).toBe('The Periscope');
  });

  it('finds an article nested in mainEntity and keeps plain-string authors apart', () => {
    const info = readJsonLd([
      JSON.stringify({
        '@type': 'WebPage',
        mainEntity: {
          '@type': 'BlogPosting',
          creator: 'Ana García y Luis Pérez',
          keywords: ['Siria', 'Asad'],
        },
      }),
    ]);
    expect(info.authorStrings).toEqual(['Ana García y Luis Pérez']);
    expect(info.authorNames).toEqual([]);
    expect(info.keywords).toEqual(['Siria', 'Asad']);
  });

  it('falls back to the WebPage author and the WebSite name', () => {
    const info = readJsonLd([
      JSON.stringify([
        { '@type': 'WebSite', name: 'Solidarity Notebook' },
        { '@type': 'WebPage', author: 'Rosa Lindqvist' },
      ]),
    ]);
    expect(info.authorStrings).toEqual(['Rosa Lindqvist']);
    expect(info.publisherName).toBe('Solidarity Notebook');
  });

  it('survives broken scripts, comment wrappers and cycles', () => {
    const cyclic: Record<string, unknown> = { '@type': 'Article', author: { name: 'Jane Doe' } };
    cyclic.self = cyclic;
    expect(() =>
      readJsonLd(['{ broken', '', '<!-- {"@type":"Article","author":"Jane Doe"} -->']),
    ).not.toThrow();
    expect(readJsonLd(['<!-- {"@type":"Article","author":"Jane Doe"} -->']).authorStrings).toEqual([
      'Jane Doe',
    ]);
    expect(readJsonLd(['{ broken']).authorNames).toEqual([]);
  });
});
