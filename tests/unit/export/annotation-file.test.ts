import { describe, expect, it } from 'vitest';
import { importAnnotations } from '../../../lib/import';
import type { CommonplaceDB } from '../../../lib/collection/database';
import { rebuildSearchIndex } from '../../../lib/search';
import { emptyBackup, fill, makePassage, makePiece, makeTag, newDb } from '../backup/helpers';

const PAGE = 'https://example.org/essays/walking';

/** A page with one passage and a theme, among `others` pieces of 5 passages each. */
async function collection(others: number): Promise<CommonplaceDB> {
  const backup = emptyBackup();
  backup.tags.push(makeTag('theme', 'Walking', 't-walking', 1));
  backup.pieces.push(makePiece('p-page', PAGE, 2));
  backup.passages.push(makePassage('q-page', 'p-page', 3));
  for (let i = 0; i < others; i++) {
    const id = `p-other-${String(i).padStart(3, '0')}`;
    backup.pieces.push(makePiece(id, `https://example.org/other/${i}`, 4));
    for (let j = 0; j < 5; j++) backup.passages.push(makePassage(`${id}-q${j}`, id, 5));
  }
  const db = newDb();
  await fill(db, backup);
  await rebuildSearchIndex(db);
  return db;
}

/** Counts the rows read from `pieces` and `passages` (keys alone are not rows). */
function countReads(db: CommonplaceDB): { pieces: number; passages: number } {
  const reads = { pieces: 0, passages: 0 };
  for (const table of ['pieces', 'passages'] as const) {
    db[table].hook('reading', (row) => {
      reads[table]++;
      return row;
    });
  }
  return reads;
}

const annotation = (source: string, exact: string, tags: string[] = []) => ({
  type: 'Annotation',
  created: '2024-10-02T09:15:00Z',
  target: { source, selector: [{ type: 'TextQuoteSelector', exact }] },
  body: tags.map((value) => ({ type: 'TextualBody', purpose: 'tagging', value })),
});

describe('importAnnotations', () => {
  it('meets the pages it names through the import prefetch, without reading whole tables', async () => {
    const db = await collection(60);
    const reads = countReads(db);
    const file = [
      annotation(`${PAGE}?utm_source=newsletter`, 'the quoted words'),
      annotation(PAGE, 'a new quote', ['walking']),
      annotation('https://example.net/new-page', 'on a page not saved yet'),
    ];
    const { summary, skipped } = await importAnnotations(db, JSON.stringify(file));

    expect(skipped).toBe(1); // the same quote on the same page is already there
    expect(summary.pieces.added).toBe(1);
    expect(summary.passages.added).toBe(2);
    const onPage = await db.passages.where('pieceId').equals('p-page').toArray();
    expect(onPage.map((p) => p.quote).sort()).toEqual(['a new quote', 'the quoted words']);
    expect(onPage.find((p) => p.quote === 'a new quote')!.themeIds).toEqual(['t-walking']);
    // 61 pieces and 301 passages in the database: only the matched page and its passages are read.
    expect(reads.pieces).toBeLessThanOrEqual(4);
    expect(reads.passages).toBeLessThanOrEqual(6);
  });

  it('reads a Hypothesis export as Hypothesis', async () => {
    const db = await collection(2);
    const file = {
      export_date: '2024-10-05T10:00:00Z',
      annotations: [
        {
          id: 'h1',
          uri: PAGE,
          text: 'A note',
          tags: ['Walking'],
          created: '2024-10-02T09:15:00Z',
          updated: '2024-10-02T09:15:00Z',
          target: [{ source: PAGE, selector: [{ type: 'TextQuoteSelector', exact: 'a step' }] }],
        },
      ],
    };
    const { summary, skipped } = await importAnnotations(db, JSON.stringify(file));
    expect({ skipped, pieces: summary.pieces.added, passages: summary.passages.added }).toEqual({
      skipped: 0,
      pieces: 0,
      passages: 1,
    });
    const [passage] = await db.passages
      .where('pieceId')
      .equals('p-page')
      .and((p) => p.quote === 'a step')
      .toArray();
    expect(passage).toMatchObject({ note: 'A note', themeIds: ['t-walking'] });
  });

  it('meets a piece by the address it was clipped at when its canonical URL differs', async () => {
    const backup = emptyBackup();
    const clippedAt = 'https://example.org/?p=12';
    backup.pieces.push(
      makePiece('p-slug', 'https://example.org/essays/a-slug', 2, { pageUrl: clippedAt }),
      makePiece('p-elsewhere', 'https://example.com/essays/a-slug', 2),
    );
    const db = newDb();
    await fill(db, backup);
    await rebuildSearchIndex(db);
    const reads = countReads(db);
    const file = [annotation(clippedAt, 'marked on the short address')];
    const { summary } = await importAnnotations(db, JSON.stringify(file));
    expect(summary.pieces.added).toBe(0);
    const passages = await db.passages.where('pieceId').equals('p-slug').toArray();
    expect(passages.map((p) => p.quote)).toEqual(['marked on the short address']);
    // Only the pieces of the page's own site are read to find it.
    expect(reads.pieces).toBeLessThanOrEqual(2);
  });
});
