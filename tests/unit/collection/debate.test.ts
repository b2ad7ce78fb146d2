import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { importBackup } from '../../../lib/backup/import-file';
import type { CommonplaceDB } from '../../../lib/collection/database';
import { CommonplaceDB as Database } from '../../../lib/collection/database';
import {
  readDebateCounts,
  readPieceConnections,
  readPieceLinks,
} from '../../../lib/collection/debate';
import { addPassage, deletePassage, updatePassage } from '../../../lib/collection/passages';
import { deletePiece, restorePiece, savePiece, updatePiece } from '../../../lib/collection/pieces';
import {
  addTagToPieces,
  deleteTag,
  mergeTags,
  removeTagFromPieces,
  undoMerge,
  undoTagDeletion,
} from '../../../lib/collection/tags';
import { VERSION_1_STORES } from '../../../lib/db/schema';
import type { PieceRow, TagRow } from '../../../lib/model/records';
import {
  readFacetCounts,
  rebuildSearchIndex,
  searchPassages,
  type PairCountsRow,
} from '../../../lib/search';
import { exportBackupBlob } from '../../../lib/backup/export-stream';
import type { Backup } from '../../../lib/backup/format';
import { SEARCH_STORES } from '../../../lib/search/schema';
import { EXAMPLE_BACKUP, freshDatabase, makeExtraction } from '../factories';
import { readFileSync } from 'node:fs';

const url = (n: number) => `https://left.example/2015/${n}/`;

function clip(
  db: CommonplaceDB,
  n: number,
  authors: string[],
  themes: string[] = [],
  links: string[] = [],
) {
  const anchors = links.map((href) => `<a href="${href}">a link</a>`).join(' ');
  return savePiece(
    db,
    makeExtraction({
      url: url(n),
      pageUrl: `${url(n)}?utm_source=feed`,
      title: `Piece ${n}`,
      contentHtml: `<p>Text of piece ${n}. ${anchors}</p>`,
    }),
    { authors, themes, note: '' },
  );
}

const quote = (pieceId: string, authors: string[] = [], themes: string[] = []) => ({
  pieceId,
  selectors: [{ type: 'TextQuoteSelector' as const, exact: 'influence' }],
  quote: 'influence',
  textFragment: null,
  note: '',
  authors,
  themes,
});

async function tagNamed(db: CommonplaceDB, name: string): Promise<TagRow> {
  const tag = (await db.tags.toArray()).find((t) => t.name === name);
  if (!tag) throw new Error(`no tag ${name}`);
  return tag;
}

const sorted = (rows: PairCountsRow[]) =>
  [...rows].sort((a, b) => (a.author < b.author ? -1 : a.author > b.author ? 1 : 0));

/** The counts kept through every change (debate and facets) equal those a rebuild makes. */
async function expectKeptAsRebuilt(db: CommonplaceDB) {
  const kept = sorted(await readDebateCounts(db, null));
  const facets = await readFacetCounts(db);
  await rebuildSearchIndex(db);
  expect(kept).toEqual(sorted(await readDebateCounts(db, null)));
  expect(facets).toEqual(await readFacetCounts(db));
  return kept;
}

async function cell(db: CommonplaceDB, author: string, theme: string) {
  const rows = await readDebateCounts(db, null);
  const a = await tagNamed(db, author);
  const t = await tagNamed(db, theme);
  const row = rows.find((r) => r.author === a.id);
  return { pieces: row?.pieces[t.id] ?? 0, passages: row?.passages[t.id] ?? 0 };
}

describe('the debate counts kept with the index', () => {
  test('follow clips, passages, edits, merges, deletions, bulk tagging and their undos', async () => {
    const db = freshDatabase();
    const a = await clip(db, 1, ['B. Kagarlitsky'], ['Novorossiya']);
    const b = await clip(db, 2, ['Boris Kagarlitsky', 'Ilya Budraitskis'], ['Novorossiya']);
    const c = await clip(db, 3, ['Christopher Ford'], ['Left debates']);
    const quoted = await addPassage(db, quote(c.id, ['B. Kagarlitsky']));
    await addPassage(db, quote(c.id));
    await addPassage(db, quote(a.id, [], ['Left debates']));
    expect(await cell(db, 'B. Kagarlitsky', 'Left debates')).toEqual({ pieces: 0, passages: 2 });
    expect(await cell(db, 'Christopher Ford', 'Left debates')).toEqual({ pieces: 1, passages: 1 });
    await expectKeptAsRebuilt(db);

    const short = await tagNamed(db, 'B. Kagarlitsky');
    const full = await tagNamed(db, 'Boris Kagarlitsky');
    const merge = await mergeTags(db, short.id, full.id);
    expect(await cell(db, 'Boris Kagarlitsky', 'Novorossiya')).toEqual({
      pieces: 2,
      passages: 0,
    });
    expect(await cell(db, 'Boris Kagarlitsky', 'Left debates')).toEqual({
      pieces: 0,
      passages: 2,
    });
    await expectKeptAsRebuilt(db);
    // Edits made after the merge stay when it is undone.
    await updatePassage(db, quoted.id, { authors: [], themes: ['Novorossiya'], note: '' });
    await updatePiece(db, b.id, {
      title: 'Piece 2',
      publishedTime: null,
      authors: ['Ilya Budraitskis'],
      themes: ['Novorossiya', 'Left debates'],
      note: '',
    });
    await expectKeptAsRebuilt(db);
    await undoMerge(db, merge);
    expect(await cell(db, 'B. Kagarlitsky', 'Novorossiya')).toEqual({ pieces: 1, passages: 0 });
    await expectKeptAsRebuilt(db);

    const removal = await deleteTag(db, (await tagNamed(db, 'Novorossiya')).id);
    await expectKeptAsRebuilt(db);
    await undoTagDeletion(db, removal);
    expect(await cell(db, 'Christopher Ford', 'Novorossiya')).toEqual({ pieces: 0, passages: 1 });
    await expectKeptAsRebuilt(db);

    const { tag } = await addTagToPieces(db, [a.id, b.id, c.id], 'theme', 'Debate 2015');
    expect(await cell(db, 'Christopher Ford', 'Debate 2015')).toEqual({ pieces: 1, passages: 1 });
    await removeTagFromPieces(db, [c.id], tag.id);
    await expectKeptAsRebuilt(db);

    await deletePassage(db, quoted.id);
    const deleted = await deletePiece(db, c.id);
    expect(await cell(db, 'Christopher Ford', 'Left debates')).toEqual({ pieces: 0, passages: 0 });
    await expectKeptAsRebuilt(db);
    await restorePiece(db, deleted!);
    expect(await cell(db, 'Christopher Ford', 'Left debates')).toEqual({ pieces: 1, passages: 1 });
    await expectKeptAsRebuilt(db);
  });

  test('an import that moves a passage to another piece counts it once, on that piece', async () => {
    const db = freshDatabase();
    const one = await clip(db, 1, ['Boris Kagarlitsky'], ['Novorossiya']);
    const two = await clip(db, 2, ['Christopher Ford'], ['Left debates']);
    const moved = await addPassage(db, quote(one.id));
    const backup = JSON.parse(await (await exportBackupBlob(db)).text()) as Backup;
    const row = backup.passages.find((p) => p.id === moved.id)!;
    row.pieceId = two.id;
    row.updatedAt = new Date(Date.now() + 60_000).toISOString();
    await importBackup(db, JSON.stringify(backup));
    expect((await db.passages.get(moved.id))?.pieceId).toBe(two.id);
    expect(await cell(db, 'Christopher Ford', 'Left debates')).toEqual({ pieces: 1, passages: 1 });
    expect(await cell(db, 'Boris Kagarlitsky', 'Novorossiya')).toEqual({ pieces: 1, passages: 0 });
    expect((await searchPassages(db, 'influence')).map((h) => h.passageId)).toEqual([moved.id]);
    await expectKeptAsRebuilt(db);
  });

  test('an import is counted, and the counts of some pieces are those of their rows', async () => {
    const db = freshDatabase();
    await importBackup(db, readFileSync(EXAMPLE_BACKUP, 'utf8'));
    const kept = await expectKeptAsRebuilt(db);
    expect(kept.length).toBeGreaterThan(1);
    const pieces = await db.pieces.toArray();
    expect(sorted(await readDebateCounts(db, pieces))).toEqual(kept);
    const one = pieces.find((p) => p.authorIds.length > 0 && p.themeIds.length > 0)!;
    const ofOne = await readDebateCounts(db, [one]);
    const row = ofOne.find((r) => r.author === one.authorIds[0]);
    expect(row?.pieces[one.themeIds[0]!]).toBe(1);
    expect(ofOne.find((r) => r.author === '')?.pieces[one.themeIds[0]!]).toBe(1);
  });
});

describe('connections between saved pieces', () => {
  const ids = (pieces: PieceRow[]) => pieces.map((p) => p.id);

  test('links to and from, matched by address, each pair once, itself ignored, kept current', async () => {
    const db = freshDatabase();
    // Piece 1 links to piece 2 (not saved yet) twice, in another spelling, and to itself.
    const one = await clip(
      db,
      1,
      ['Boris Kagarlitsky'],
      [],
      [
        'https://www.left.example/2015/2',
        `${url(2)}?utm_campaign=x#reply`,
        url(1),
        'https://elsewhere.example/',
      ],
    );
    expect(await readPieceConnections(db, one.id)).toEqual({ linksTo: [], linkedFrom: [] });
    const two = await clip(db, 2, ['Christopher Ford'], [], [url(3)]);
    expect(ids((await readPieceConnections(db, one.id)).linksTo)).toEqual([two.id]);
    expect(ids((await readPieceConnections(db, two.id)).linkedFrom)).toEqual([one.id]);
    expect((await readPieceConnections(db, one.id)).linkedFrom).toEqual([]);
    const three = await clip(db, 3, ['Ilya Budraitskis'], [], [url(1)]);
    expect(await readPieceLinks(db)).toEqual(
      expect.arrayContaining([
        [one.id, two.id],
        [two.id, three.id],
        [three.id, one.id],
      ]),
    );
    expect(await readPieceLinks(db)).toHaveLength(3);

    // Clipped again without the link: gone.
    await clip(db, 1, ['Boris Kagarlitsky']);
    expect((await readPieceConnections(db, two.id)).linkedFrom).toEqual([]);
    // A deleted piece is linked from nothing and links to nothing.
    await deletePiece(db, three.id);
    expect((await readPieceConnections(db, one.id)).linkedFrom).toEqual([]);
    expect((await readPieceConnections(db, two.id)).linksTo).toEqual([]);
    expect(await readPieceLinks(db)).toEqual([]);
  });
});

describe('upgrade to version 4', () => {
  test('counts the debate and reads the links of what a version-3 database holds', async () => {
    const name = `debate-${crypto.randomUUID()}`;
    const fresh = new Database(name);
    const a = await clip(fresh, 1, ['Boris Kagarlitsky'], ['Novorossiya'], [url(2)]);
    const b = await clip(fresh, 2, ['Christopher Ford'], ['Novorossiya']);
    await addPassage(fresh, quote(b.id, ['Boris Kagarlitsky']));
    const expected = sorted(await readDebateCounts(fresh, null));

    // The same rows in a database as version 3 left it: no debate tables, docs rows without
    // their keys.
    const old = `${name}-v3`;
    const v3 = new Dexie(old);
    v3.version(1).stores(VERSION_1_STORES);
    v3.version(2).stores(SEARCH_STORES);
    v3.version(3).stores({});
    await v3.open();
    for (const table of v3.tables) {
      let rows = await fresh.table(table.name).toArray();
      // b without a stored copy (as an import may leave a piece): still linked to.
      if (table.name === 'contents') rows = rows.filter((row) => row.pieceId !== b.id);
      if (table.name === 'searchDocs') {
        for (const row of rows) {
          delete row.passageTags;
        }
      }
      await table.bulkPut(rows);
    }
    fresh.close();
    v3.close();

    const db = new Database(old);
    await db.open();
    expect(expected.length).toBeGreaterThan(1);
    expect(sorted(await readDebateCounts(db, null))).toEqual(expected);
    expect(await readPieceLinks(db)).toEqual([[a.id, b.id]]);
  });
});
