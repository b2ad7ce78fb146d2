import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { validateBackup } from '../../../lib/backup/validate';
import type { Backup } from '../../../lib/backup/format';
import { exportMarkdownZip } from '../../../lib/export/vault';
import { passageUrl } from '../../../lib/export/fragment';
import { Collection } from '../../../lib/export/model';
import { tagSlug } from '../../../lib/tags/normalize';
import { hostileCollection } from './hostile';
import {
  blocks,
  expectNoMarkup,
  expectedParagraphs,
  flat,
  parseMarkdown,
  splitFrontMatter,
  squeeze,
} from './parse';
import { exampleBackup } from '../factories';

async function vault(backup: Backup, authorPages = true) {
  const zip = await exportMarkdownZip(backup, { authorPages });
  const files = unzipSync(zip);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

// eslint-disable-next-line no-control-regex -- control characters are the point
const WINDOWS_UNSAFE = /[<>:"\\|?*\u0000-\u001f]/;

describe('Markdown zip (Obsidian vault)', () => {
  it('holds one file per piece and one per author, under safe unique names', async () => {
    const backup = hostileCollection(24);
    expect(validateBackup(backup).ok).toBe(true);
    const files = await vault(backup);
    const names = Object.keys(files);
    const pieces = names.filter((n) => n.startsWith('Commonplace/Pieces/'));
    const authors = names.filter((n) => n.startsWith('Commonplace/Authors/'));
    expect(pieces).toHaveLength(backup.pieces.length);
    expect(authors).toHaveLength(backup.tags.filter((t) => t.kind === 'author').length);
    expect(pieces.length + authors.length).toBe(names.length);

    const bases = names.map((n) => n.split('/').pop()!);
    expect(new Set(bases.map((b) => b.toLowerCase())).size).toBe(bases.length);
    for (const base of bases) {
      expect(base).toMatch(/\.md$/);
      const stem = base.slice(0, -3);
      expect(stem).not.toMatch(WINDOWS_UNSAFE);
      expect(stem).not.toMatch(/[/#^[\]]/);
      expect(stem).not.toMatch(/^[.\s]|[.\s]$/);
      expect(stem).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
      expect(stem).not.toMatch(
        /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
      );
      expect(new TextEncoder().encode(stem).length).toBeLessThanOrEqual(120);
    }
    // Reserved names get a suffix; an author and a piece never share a name.
    expect(names).toContain('Commonplace/Authors/CON_.md');
    expect(names).toContain('Commonplace/Pieces/CON_ (2).md');
  });

  it('writes front matter that YAML 1.1 and 1.2 readers both parse back exactly', async () => {
    const backup = hostileCollection(24);
    const collection = new Collection(backup);
    const files = await vault(backup);
    const byUrl = new Map<string, Record<string, unknown>>();
    for (const [name, text] of Object.entries(files)) {
      if (!name.startsWith('Commonplace/Pieces/')) continue;
      const { data } = splitFrontMatter(text);
      byUrl.set(data.url as string, data);
    }
    expect(byUrl.size).toBe(backup.pieces.length);
    for (const piece of backup.pieces) {
      const data = byUrl.get(piece.url)!;
      expect(Object.keys(data)).toEqual([
        'title',
        'authors',
        'themes',
        'tags',
        'site',
        'url',
        'published',
        'captured',
      ]);
      expect(data.title).toBe(flat(piece.title));
      const authors = data.authors as string[];
      expect(authors).toHaveLength(piece.authorIds.length);
      collection.tagsOf(piece.authorIds).forEach((tag, i) => {
        expect(authors[i]).toMatch(/^\[\[[^[\]|]+(\|[^[\]|]+)?\]\]$/);
        const shown = authors[i]!.slice(2, -2).split('|').pop()!;
        expect(shown.replace(/\s+/g, ' ')).toBe(
          flat(tag.name)
            .replace(/[[\]|]/g, ' ')
            .replace(/\s+/g, ' ')
            .trim(),
        );
      });
      expect(data.themes).toEqual(collection.tagsOf(piece.themeIds).map((t) => flat(t.name)));
      for (const tag of data.tags as string[]) {
        expect(tag).toMatch(/^[\p{L}\p{N}_-]+$/u);
        expect(tag).toMatch(/[^0-9-]/);
      }
      expect((data.tags as string[]).map((t) => t.replace(/^_/, ''))).toEqual(
        collection
          .tagsOf(piece.themeIds)
          .map((t) => tagSlug(t.name))
          .filter(Boolean),
      );
      expect(data.site).toBe(piece.siteName === null ? null : flat(piece.siteName));
      expect(data.published).toBe(piece.publishedTime);
      expect(data.captured).toBe(piece.capturedAt);
    }
  });

  it('keeps every note and quote as text, with a link to each passage', async () => {
    const backup = hostileCollection(24);
    const collection = new Collection(backup);
    const files = await vault(backup);
    const byUrl = new Map<string, string>();
    for (const [name, text] of Object.entries(files)) {
      if (!name.startsWith('Commonplace/Pieces/')) continue;
      const { data, body } = splitFrontMatter(text);
      byUrl.set(data.url as string, body);
    }
    for (const piece of backup.pieces) {
      const tokens = parseMarkdown(byUrl.get(piece.url)!);
      expectNoMarkup(tokens);
      const { quotes, paragraphs, headings, links } = blocks(tokens);
      expect(headings[0]).toEqual({ level: 1, text: flat(piece.title) || flat(piece.url) });
      const passages = collection.passages(piece.id);
      expect(headings.slice(1).map((h) => h.text)).toEqual([
        ...(expectedParagraphs(piece.note).length ? ['Note'] : []),
        ...(passages.length ? ['Passages'] : []),
      ]);
      expect(headings.every((h) => h.level <= 2)).toBe(true);
      // The piece note, as paragraphs.
      const text = squeeze(paragraphs.join('\n\n'));
      expect(text).toContain(squeeze(expectedParagraphs(piece.note).join('\n\n')));
      // Each passage: its quote in a blockquote, ending with the link line.
      expect(quotes).toHaveLength(passages.length);
      passages.forEach((passage, i) => {
        const quote = quotes[i]!;
        expect(quote.slice(0, -1).map(squeeze)).toEqual(
          expectedParagraphs(passage.quote).map(squeeze),
        );
        expect(quote[quote.length - 1]).toMatch(
          /^— Open at the passage · marked \d{4}-\d{2}-\d{2}$/,
        );
        expect(text).toContain(squeeze(expectedParagraphs(passage.note).join('\n\n')));
      });
      // Links: the page (once) and each passage, percent-encoded where Markdown would stop.
      const web = links.filter((l) => !l.startsWith('../'));
      expect(web).toHaveLength(passages.length + 1);
      expect(decodeURI(web[0]!)).toBe(decodeURI(piece.url.replace(/ /g, '%20')));
      passages.forEach((passage, i) => {
        const url = passageUrl(piece.url, passage);
        expect(web[i + 1]).toContain(url.slice(url.indexOf(':~:text=')));
        expect(web[i + 1]).toMatch(
          /^https:\/\/example\.org\/\d+\/a%28b%29c%20d\?q=%22x%22&y=%3Cz%3E#frag-\d+:~:text=[^\s()<>]+$/,
        );
      });
    }
  });

  it('links authors and pieces only to files that exist', async () => {
    const files = await vault(hostileCollection(24));
    const names = new Set(Object.keys(files));
    const authorStems = new Set(
      [...names]
        .filter((n) => n.includes('/Authors/'))
        .map((n) => n.split('/').pop()!.slice(0, -3)),
    );
    let wikilinks = 0;
    let links = 0;
    for (const [name, text] of Object.entries(files)) {
      const { data, body } = splitFrontMatter(text);
      for (const link of (data.authors as string[] | undefined) ?? []) {
        expect(authorStems.has(link.slice(2, -2).split('|')[0]!)).toBe(true);
        wikilinks++;
      }
      const { links: hrefs } = blocks(parseMarkdown(body));
      for (const href of hrefs.filter((h) => h.startsWith('../'))) {
        const target = decodeURIComponent(
          new URL(href, `https://vault.test/${name}`).pathname.slice(1),
        );
        expect(names.has(target)).toBe(true);
        links++;
      }
    }
    expect(wikilinks).toBe(48);
    expect(links).toBeGreaterThan(48);
  });

  it('writes author pages with aliases and the pieces by the author', async () => {
    const files = await vault(exampleBackup());
    const page = files['Commonplace/Authors/Boris Kagarlitsky.md']!;
    const { data, body } = splitFrontMatter(page);
    expect(data).toEqual({ aliases: ['Борис Кагарлицкий', 'B. Kagarlitsky'] });
    expect(body).toContain(
      '- [Solidarity after the crisis](../Pieces/Solidarity%20after%20the%20crisis.md)',
    );
    expect(body).toContain('- [Why we keep archives](../Pieces/Why%20we%20keep%20archives.md)');
    const piece = files['Commonplace/Pieces/Solidarity after the crisis.md']!;
    expect(piece).toContain('\nBy [Boris Kagarlitsky](../Authors/Boris%20Kagarlitsky.md)\n');
  });

  it('opens as the example shows, and leaves author pages out on request', async () => {
    const files = await vault(exampleBackup(), false);
    expect(Object.keys(files).sort()).toEqual([
      'Commonplace/Pieces/Solidarity after the crisis.md',
      'Commonplace/Pieces/The Carrier Bag Theory of Fiction.md',
      'Commonplace/Pieces/The danger of a single story.md',
      'Commonplace/Pieces/Walking the old tram lines.md',
      'Commonplace/Pieces/Why we keep archives.md',
      'Commonplace/Pieces/أزقّة القاهرة مدينة تكتب نفسها.md',
    ]);
    const text = files['Commonplace/Pieces/Solidarity after the crisis.md']!;
    expect(text).toBe(
      [
        '---',
        'title: Solidarity after the crisis',
        'authors:',
        '  - "[[Boris Kagarlitsky]]"',
        'themes:',
        '  - Solidarity',
        '  - Memory',
        'tags:',
        '  - solidarity',
        '  - memory',
        'site: Example Review',
        'url: https://example.org/essays/solidarity-after-the-crisis',
        'published: "2023-11-09T10:30:00+00:00"',
        'captured: "2024-09-02T08:14:05.000Z"',
        '---',
        '',
        '# Solidarity after the crisis',
        '',
        '[Example Review](https://example.org/essays/solidarity-after-the-crisis) · published 2023-11-09 · captured 2024-09-02',
        '',
        'By Boris Kagarlitsky',
        '',
        '## Note',
        '',
        'Pairs well with Le Guin on "the carrier bag". Check the 1990s figures against the ILO series.',
        '',
        '## Passages',
        '',
        '> what holds people together is rarely an ideology; it is the habit of helping, learned in small places',
        '>',
        '> — [Open at the passage](https://example.org/essays/solidarity-after-the-crisis#:~:text=what%20holds%20people%20together) · marked 2024-09-02',
        '',
        'The thesis, in one line.',
        '',
        'Tags: #solidarity',
        '',
        '> the canteen, the reading room, the late bus home',
        '>',
        '> — [Open at the passage](https://example.org/essays/solidarity-after-the-crisis#:~:text=the%20canteen%2C%20the%20reading) · marked 2024-09-02',
        '',
      ].join('\n'),
    );
  });

  it('reports progress up to the total and makes an empty zip for an empty collection', async () => {
    const backup = hostileCollection(6);
    const seen: Array<[number, number]> = [];
    await exportMarkdownZip(backup, { onProgress: (p) => seen.push([p.done, p.total]) });
    const total = backup.pieces.length + backup.tags.filter((t) => t.kind === 'author').length;
    expect(seen[0]).toEqual([0, total]);
    expect(seen[seen.length - 1]).toEqual([total, total]);
    const empty = await exportMarkdownZip({
      ...backup,
      tags: [],
      pieces: [],
      passages: [],
      contents: [],
    });
    expect(Object.keys(unzipSync(empty))).toEqual([]);
  });
});
