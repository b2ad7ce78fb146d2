import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Backup } from '../../../lib/backup/format';
import { mergeBackupsWithSummary } from '../../../lib/backup/merge';
import { validateBackup } from '../../../lib/backup/validate';
import { ImportFormatError, importHypothesis, importWebAnnotations } from '../../../lib/import';
import { nameUuid } from '../../../lib/import/ids';
import { exampleBackup } from '../factories';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

function expectValid(backup: Backup): void {
  const result = validateBackup(backup);
  expect(result.ok ? [] : result.errors).toEqual([]);
}

const NOW = new Date('2025-05-01T09:00:00Z');

describe('import of Web Annotations', () => {
  const fixture = read('tests/fixtures/export/web-annotations.jsonld');

  it('turns the fixture into passages on known and new pages', () => {
    const base = exampleBackup();
    const { backup, summary } = importWebAnnotations(fixture, base, { now: NOW });
    expectValid(backup);
    expect(summary).toEqual({
      annotations: 6,
      passages: 4,
      newPieces: 1,
      matchedPieces: 2,
      newThemes: 1,
      matchedThemes: 2,
      skipped: [
        {
          index: 2,
          id: 'https://annotations.example.net/anno/3',
          reason: 'no target with a source and a selector',
        },
        {
          index: 5,
          id: 'https://annotations.example.net/anno/6',
          reason: 'not a web address: ftp://files.example.org/notes.txt',
        },
      ],
    });
    const solidarity = base.pieces.find((p) => p.title === 'Solidarity after the crisis')!;
    const first = backup.passages.find((p) => p.pieceId === solidarity.id)!;
    expect(first.quote).toBe(
      'They disappeared because the places where people met each other every day were closed, one after another.',
    );
    expect(first.note).toBe('Compare with the 1990s union membership figures.');
    expect(first.selectors).toHaveLength(2);
    expect(first.createdAt).toBe('2024-10-02T09:15:00Z');
    expect(first.updatedAt).toBe('2024-10-03T11:00:00Z');
    // "Solidarność" is an alias of the existing theme; "Mutual aid" is new.
    const themes = first.themeIds.map((id) => backup.tags.find((t) => t.id === id)!.name);
    expect(themes).toEqual(['Solidarity', 'Mutual aid']);

    // The new page: tracking parameters and fragment dropped, a bookmark without a copy.
    const walking = backup.pieces.find((p) => p.url === 'https://example.com/blog/on-walking')!;
    expect(walking).toMatchObject({
      pageKind: 'bookmark',
      pageUrl: 'https://example.com/blog/on-walking?utm_campaign=autumn#map',
      title: 'https://example.com/blog/on-walking',
      wordCount: 0,
      contentHash: '',
      capturedAt: '2024-10-04T18:40:12+02:00',
    });
    expect(backup.contents).toEqual([]);
    const onWalking = backup.passages.filter((p) => p.pieceId === walking.id);
    expect(onWalking.map((p) => p.quote)).toEqual([
      'Every city is a text, and walking is how we read it 🚶‍♀️',
      'the map is not the walk',
    ]);
    expect(onWalking.map((p) => p.note)).toEqual([
      'Walking as a way of reading a city — «la flânerie».',
      'Note the order of things & places.\n\nSecond thought.',
    ]);
    // A tagging annotation whose body has no purpose tags the passage.
    const cairo = backup.passages.find((p) => p.quote.startsWith('المدينة'))!;
    expect(cairo.themeIds).toEqual([base.tags.find((t) => t.name === 'Cities')!.id]);
    expect(cairo.note).toBe('');
  });

  it('merges into the collection, and a second import changes nothing', () => {
    const base = exampleBackup();
    const { backup } = importWebAnnotations(fixture, base, { now: NOW });
    const once = mergeBackupsWithSummary(base, backup);
    expectValid(once.backup);
    expect(once.summary.passages.added).toBe(4);
    expect(once.summary.pieces.added).toBe(1);
    expect(once.summary.pieces.updated).toBe(0);
    expect(once.summary.tags.added).toBe(1);
    const again = importWebAnnotations(fixture, once.backup, { now: new Date() });
    expect(again.summary.newPieces).toBe(0);
    expect(again.summary.newThemes).toBe(0);
    const twice = mergeBackupsWithSummary(once.backup, again.backup);
    for (const table of ['tags', 'pieces', 'contents', 'passages'] as const) {
      expect(twice.summary[table].added).toBe(0);
      expect(twice.summary[table].updated).toBe(0);
    }
  });

  it('reads a single annotation, a page, an array and a @graph', () => {
    const doc = JSON.parse(fixture) as { first: { items: unknown[] } };
    const one = doc.first.items[0];
    const context = exampleBackup();
    expect(importWebAnnotations(one, context).summary.passages).toBe(1);
    expect(importWebAnnotations(doc.first, context).summary.passages).toBe(4);
    expect(importWebAnnotations(doc.first.items, context).summary.passages).toBe(4);
    expect(
      importWebAnnotations({ '@graph': [one, { type: 'Person' }] }, context).summary.passages,
    ).toBe(1);
  });

  it('refuses what is not Web Annotations', () => {
    expect(() => importWebAnnotations('{not json', {})).toThrow(ImportFormatError);
    expect(() => importWebAnnotations('{"type":"Person"}', {})).toThrow(/not Web Annotations/);
    expect(() => importWebAnnotations('42', {})).toThrow(ImportFormatError);
    expect(() =>
      importWebAnnotations({ type: 'AnnotationCollection', first: 'https://x.org/page1' }, {}),
    ).toThrow(/pages elsewhere/);
  });

  it('skips junk annotations one by one and still validates', () => {
    const junk = [
      null,
      'text',
      { type: 'Annotation' },
      { type: 'Annotation', target: { source: 'https://x.org/', selector: { type: 'Nope' } } },
      {
        type: 'Annotation',
        target: { source: 'https://x.org/', selector: { type: 'TextQuoteSelector', exact: '  ' } },
      },
      {
        type: 'Annotation',
        created: 'yesterday',
        body: [{ value: 42 }, { type: 'TextualBody', value: 'x'.repeat(20), purpose: 'tagging' }],
        target: {
          source: 'https://x.org/a',
          selector: [
            { type: 'TextQuoteSelector', exact: 'kept' },
            { type: 'Deep', value: JSON.parse('['.repeat(40) + ']'.repeat(40)) },
          ],
        },
      },
    ];
    const { backup, summary } = importWebAnnotations(junk, {}, { now: NOW });
    expectValid(backup);
    expect(summary.passages).toBe(1);
    expect(summary.skipped.map((s) => s.index)).toEqual([0, 1, 2, 3, 4]);
    expect(backup.passages[0]!.selectors).toEqual([{ type: 'TextQuoteSelector', exact: 'kept' }]);
    expect(backup.passages[0]!.createdAt).toBe(NOW.toISOString());
  });
});

describe('import of Hypothesis exports', () => {
  const fixture = read('tests/fixtures/export/hypothesis-export.json');

  it('turns annotations into passages, page notes into bookmark notes, and skips replies', () => {
    const base = exampleBackup();
    const { backup, summary } = importHypothesis(fixture, base, { now: NOW });
    expectValid(backup);
    expect(summary).toEqual({
      annotations: 6,
      passages: 4,
      newPieces: 2,
      matchedPieces: 2,
      newThemes: 4,
      matchedThemes: 2,
      skipped: [
        { index: 3, id: 'd4RsMHc4Ee-2hJ8kL0pQ1w', reason: 'a reply to another annotation' },
      ],
    });
    const theme = (id: string) => backup.tags.find((t) => t.id === id)!.name;

    // A highlight on a piece of the collection (found without its tracking parameters).
    const solidarity = base.pieces.find((p) => p.title === 'Solidarity after the crisis')!;
    const highlight = backup.passages.find((p) => p.pieceId === solidarity.id)!;
    expect(highlight).toMatchObject({
      id: nameUuid('commonplace-import:hypothesis:Xq3Y7Hc1Ee-4a0N4m3Vb2A'),
      quote: 'A movement that wants to last has to rebuild those places first',
      note: '',
      themeIds: [],
      textFragment: null,
      createdAt: '2024-09-05T14:02:11.482913+00:00',
    });
    // Hypothesis's RangeSelector (an XPath into the live page) is left out.
    expect(highlight.selectors.map((s) => (s as { type: string }).type)).toEqual([
      'TextPositionSelector',
      'TextQuoteSelector',
    ]);
    expect(backup.pieces.find((p) => p.id === solidarity.id)).toEqual(solidarity);

    // An annotation on a new page: a bookmark titled from the document, with the page note.
    const night = backup.pieces.find(
      (p) => p.url === 'https://example.net/longreads/the-night-library',
    )!;
    expect(night).toMatchObject({
      pageKind: 'bookmark',
      title: 'The night library — Example Longreads',
      note: 'Page note: read the whole thing again in winter.',
      createdAt: '2024-09-12T21:30:40.551902+00:00',
    });
    expect(night.themeIds.map(theme)).toEqual(['Libraries']);
    const annotation = backup.passages.find((p) => p.pieceId === night.id)!;
    expect(annotation.note).toContain('**Beautiful.**');
    expect(annotation.themeIds.map(theme)).toEqual(['Memory', 'Reading at night', 'to-read']);
    expect(annotation.updatedAt).toBe('2024-09-13T07:12:55.640281+00:00');

    // A PDF, filed under its web address.
    const pdf = backup.pieces.find((p) => p.url.endsWith('.pdf'))!;
    expect(pdf.url).toBe('https://papers.example.edu/wp/union-density-1990s.pdf');
    expect(pdf.title).toBe('Union density in the 1990s (working paper)');

    // "urbanism" is an alias of Cities: one theme.
    const cairo = backup.passages.find((p) => p.quote.startsWith('في الحارة'))!;
    expect(cairo.themeIds.map(theme)).toEqual(['Cities']);
  });

  it('merges, and importing the same file again changes nothing', () => {
    const base = exampleBackup();
    const first = mergeBackupsWithSummary(
      base,
      importHypothesis(fixture, base, { now: NOW }).backup,
    );
    expectValid(first.backup);
    expect(first.summary.passages.added).toBe(4);
    expect(first.summary.pieces.added).toBe(2);
    const second = mergeBackupsWithSummary(
      first.backup,
      importHypothesis(fixture, first.backup).backup,
    );
    for (const table of ['tags', 'pieces', 'passages'] as const) {
      expect(second.summary[table].added).toBe(0);
      expect(second.summary[table].updated).toBe(0);
    }
  });

  it('does not import a passage the collection already has', () => {
    const base = exampleBackup();
    const existing = base.passages[0]!;
    const piece = base.pieces.find((p) => p.id === existing.pieceId)!;
    const doc = {
      export_date: '2024-11-02T16:20:45.918Z',
      annotations: [
        {
          id: 'dup',
          uri: piece.url,
          text: 'same words',
          tags: [],
          target: [
            { source: piece.url, selector: [{ type: 'TextQuoteSelector', exact: existing.quote }] },
          ],
          created: '2024-11-01T10:00:00.000000+00:00',
          updated: '2024-11-01T10:00:00.000000+00:00',
        },
      ],
    };
    const { summary } = importHypothesis(doc, base);
    expect(summary.passages).toBe(0);
    expect(summary.skipped[0]!.reason).toMatch(/already in the collection/);
  });

  it('refuses what is not a Hypothesis export', () => {
    expect(() => importHypothesis('{"rows": 3}', {})).toThrow(/not a Hypothesis export/);
    expect(() => importHypothesis('', {})).toThrow(ImportFormatError);
  });
});

describe('stable ids', () => {
  it('are version-8 UUIDs that depend only on the name', () => {
    const id = nameUuid('commonplace-import:piece:https://x.org/');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(nameUuid('commonplace-import:piece:https://x.org/')).toBe(id);
    const many = new Set(Array.from({ length: 10_000 }, (_, i) => nameUuid(`name ${i}`)));
    expect(many.size).toBe(10_000);
  });
});
