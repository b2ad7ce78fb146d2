import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { exportDossier, Slugger } from '../../../lib/export/dossier';
import { Collection } from '../../../lib/export/model';
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

/** Headings and their anchors as GitHub would make them, in document order. */
function anchors(headings: Array<{ level: number; text: string }>): Map<string, string> {
  const slugger = new GithubSlugger();
  const result = new Map<string, string>();
  for (const heading of headings) {
    const slug = slugger.slug(heading.text);
    if (heading.level <= 2) result.set(slug, heading.text);
  }
  return result;
}

describe('Markdown dossier', () => {
  for (const groupBy of ['author', 'theme'] as const) {
    it(`groups by ${groupBy} with contents that link to every group`, () => {
      const backup = hostileCollection(20);
      const collection = new Collection(backup);
      const text = exportDossier(backup, { groupBy });
      const { data, body } = splitFrontMatter(text);
      expect(data).toEqual({
        title: `Commonplace — by ${groupBy}`,
        exported: backup.exportedAt.slice(0, 10),
        pieces: backup.pieces.length,
        passages: backup.passages.length,
      });
      const tokens = parseMarkdown(body);
      expectNoMarkup(tokens);
      const { headings, links, quotes, paragraphs } = blocks(tokens);
      expect(headings[0]).toEqual({ level: 1, text: `Commonplace — by ${groupBy}` });
      expect(headings[1]).toEqual({ level: 2, text: 'Contents' });

      // Groups: one per tag of the kind that is used, plus "No …" for pieces without one.
      const groups = headings
        .filter((h) => h.level === 2)
        .slice(1)
        .map((h) => h.text);
      const field = groupBy === 'author' ? 'authorIds' : 'themeIds';
      const used = new Set([...backup.pieces, ...backup.passages].flatMap((row) => row[field]));
      const names = backup.tags.filter((t) => used.has(t.id)).map((t) => flat(t.name));
      const none = backup.pieces.some((p) => p[field].length === 0);
      expect([...groups].sort()).toEqual(
        [...names, ...(none ? [groupBy === 'author' ? 'No author' : 'No theme'] : [])].sort(),
      );

      // Contents: one link per group, to the anchor GitHub gives its heading.
      const toc = links.filter((l) => l.startsWith('#'));
      expect(toc).toHaveLength(groups.length);
      const targets = anchors(headings);
      expect(toc.map((l) => targets.get(decodeURIComponent(l.slice(1))))).toEqual(groups);

      // Every passage is quoted at least once, and every piece is there.
      const quoted = new Set(quotes.map((q) => q.slice(0, -1).map(squeeze).join('\n\n')));
      for (const passage of backup.passages) {
        expect(quoted.has(expectedParagraphs(passage.quote).map(squeeze).join('\n\n'))).toBe(true);
      }
      const titles = new Set(headings.filter((h) => h.level === 3).map((h) => h.text));
      for (const piece of backup.pieces) {
        expect(titles.has(flat(piece.title) || flat(piece.url))).toBe(true);
      }
      const all = squeeze(paragraphs.join('\n\n'));
      for (const piece of backup.pieces) {
        expect(all).toContain(squeeze(expectedParagraphs(piece.note).join('\n\n')));
        for (const passage of collection.passages(piece.id)) {
          expect(all).toContain(squeeze(expectedParagraphs(passage.note).join('\n\n')));
        }
      }
    });
  }

  it('puts a piece under each author, and under an author only its passages carry', () => {
    const backup = exampleBackup();
    // A passage of Le Guin's piece attributed to Kagarlitsky.
    const passage = backup.passages.find((p) => p.quote.startsWith('A novel is'))!;
    passage.authorIds = [backup.tags.find((t) => t.name === 'Boris Kagarlitsky')!.id];
    const text = exportDossier(backup, { groupBy: 'author' });
    const sections = text.split('\n## ').slice(2);
    const section = (name: string) => sections.find((s) => s.startsWith(name + '\n'))!;
    const boris = section('Boris Kagarlitsky');
    expect(boris).toContain('### Solidarity after the crisis');
    expect(boris).toContain('### Why we keep archives');
    expect(boris).toContain('### The Carrier Bag Theory of Fiction');
    expect(boris).toContain('> A novel is a medicine bundle');
    expect(section('The Editors')).toContain('### Why we keep archives');
    expect(section('No author')).toContain('### Walking the old tram lines');
    // Pieces in a group by publication date.
    expect(boris.indexOf('Carrier Bag')).toBeLessThan(boris.indexOf('Solidarity after'));
    expect(text).toContain('- [Boris Kagarlitsky](#boris-kagarlitsky) (3 pieces, 3 passages)');
  });

  it('makes anchors the way GitHub does', () => {
    const ours = new Slugger();
    const theirs = new GithubSlugger();
    for (const heading of [
      'Contents',
      'Ursula K. Le Guin',
      'Ursula K. Le Guin',
      'Language & translation',
      'Борис Кагарлицкий',
      'نجيب محفوظ',
      '#hashtag & <b>bold</b>',
      '👩🏽‍🔬 Emoji Person',
      'Contents',
      'contents-1',
      'A_b-c d',
    ]) {
      expect(ours.slug(heading)).toBe(theirs.slug(heading));
    }
  });

  it('reports progress and says so when the collection is empty', () => {
    const backup = hostileCollection(6);
    const seen: number[] = [];
    exportDossier(backup, { groupBy: 'theme', onProgress: (p) => seen.push(p.done / p.total) });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    const empty = exportDossier(
      { ...backup, tags: [], pieces: [], passages: [], contents: [] },
      { groupBy: 'author' },
    );
    expect(empty).toContain('Nothing to show: the collection is empty.');
  });
});
