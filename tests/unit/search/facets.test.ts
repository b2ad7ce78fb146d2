import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { applyBackup } from '../../../lib/backup/import-apply';
import { collectBackup } from '../../../lib/backup/references';
import { deletePiece, restorePiece, savePiece, updatePiece } from '../../../lib/collection/pieces';
import { VERSION_1_STORES } from '../../../lib/db/schema';
import { CommonplaceDB } from '../../../lib/collection/database';
import { facetCounts } from '../../../lib/library/view';
import { SEARCH_STORES } from '../../../lib/search/schema';
import { facetMaps } from '../../../lib/search/facets';
import { random } from '../../support/random';
import { freshDatabase, makeExtraction } from '../factories';
import { putPiece } from './helpers';

/** The counts kept with the index, next to the same counts taken over every piece. */
async function keptAndCounted(db: CommonplaceDB) {
  const state = await db.searchState.get('index');
  return {
    kept: facetMaps(state?.facets ?? {}),
    counted: facetCounts(await db.pieces.toArray()),
  };
}

const AUTHORS = [
  'Boris Kagarlitsky',
  'Christopher Ford',
  'Ilya Budraitskis',
  'Volodymyr Ishchenko',
];
const THEMES = ['Russian imperialism', 'Left debates', 'Ukraine', 'Labour'];
const SITES = ['LeftEast', 'Links', null];

describe('facet counts kept with the index', () => {
  test('follow every kind of write: save, resave, edit, delete, undo, import', async () => {
    const next = random(11);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const some = (list: readonly string[]) => list.filter(() => next() < 0.4);
    /** Saves a page at one of `addresses` URLs (saving one again updates its piece). */
    const saveSome = (target: CommonplaceDB, addresses: number, note: string, at?: Date) =>
      savePiece(
        target,
        makeExtraction({
          url: `https://example.org/${Math.floor(next() * addresses)}`,
          siteName: pick(SITES),
        }),
        { authors: some(AUTHORS), themes: some(THEMES), note },
        at,
      );
    const db = freshDatabase();
    const ops: string[] = [];
    for (let step = 0; step < 60; step++) {
      const ids = (await db.pieces.toCollection().primaryKeys()) as string[];
      const roll = next();
      if (roll < 0.4 || ids.length === 0) {
        ops.push('save');
        await saveSome(db, 8, '');
      } else if (roll < 0.6) {
        ops.push('edit');
        await updatePiece(db, pick(ids), {
          title: 'Edited',
          publishedTime: null,
          authors: some(AUTHORS),
          themes: some(THEMES),
          note: 'edited',
        });
      } else if (roll < 0.8) {
        ops.push('delete');
        const gone = await deletePiece(db, pick(ids));
        // Undo, as the library offers it, right after the deletion.
        if (gone && next() < 0.5) {
          const { kept, counted } = await keptAndCounted(db);
          expect(kept).toEqual(counted);
          ops.push('undo');
          await restorePiece(db, gone);
        }
      } else {
        ops.push('import');
        // Another collection, with pieces of its own and some at the same addresses.
        const other = freshDatabase();
        for (let i = 0; i < 3; i++) {
          await saveSome(other, 12, 'imported', new Date(Date.now() + 60_000));
        }
        await applyBackup(db, await collectBackup(other, null));
      }
      const { kept, counted } = await keptAndCounted(db);
      expect(kept, `after ${ops.join(', ')}`).toEqual(counted);
    }
    // The walk did each kind of write.
    expect(new Set(ops)).toEqual(new Set(['save', 'edit', 'delete', 'undo', 'import']));
    const { kept } = await keptAndCounted(db);
    expect(kept.authors.size + kept.themes.size).toBeGreaterThan(0);
  });

  test('an Undo of a deletion puts the piece back over what was written since', async () => {
    const db = freshDatabase();
    const page = makeExtraction({ url: 'https://example.org/p', siteName: 'LeftEast' });
    const piece = await savePiece(db, page, { authors: [AUTHORS[0]!], themes: [], note: '' });
    const gone = (await deletePiece(db, piece.id))!;
    await restorePiece(db, gone);
    await updatePiece(db, piece.id, {
      title: 'Edited',
      publishedTime: null,
      authors: [AUTHORS[1]!],
      themes: [THEMES[0]!],
      note: '',
    });
    // The Undo offered earlier, taken again: the row as deleted replaces the edited one.
    await restorePiece(db, gone);
    const { kept, counted } = await keptAndCounted(db);
    expect(kept).toEqual(counted);
    expect([...kept.authors.values()]).toEqual([1]);
    expect(kept.themes.size).toBe(0);
  });

  test('opening a version-2 database counts the pieces it holds', async () => {
    const name = `facets-${crypto.randomUUID()}`;
    // Version 2 as the app made it: an index without facet counts.
    const v2 = new Dexie(name);
    v2.version(1).stores(VERSION_1_STORES);
    v2.version(2).stores(SEARCH_STORES);
    const db2 = v2 as unknown as CommonplaceDB;
    const first = await putPiece(db2, { title: 'One', authors: ['Boris Kagarlitsky'] });
    const second = await putPiece(db2, {
      title: 'Two',
      authors: ['Boris Kagarlitsky', 'Ilya Budraitskis'],
      themes: ['Russian imperialism'],
    });
    await v2.table('searchState').put({
      id: 'index',
      indexId: 'old',
      generation: 1,
      nextDoc: 2,
      nextSeg: 0,
      segments: [],
      dead: [],
      docCount: 2,
      tailDocs: 0,
      tailPostings: 0,
    });
    await v2.table('searchDocs').bulkPut([
      { pieceId: first.id, docs: [0], passageIds: [] },
      { pieceId: second.id, docs: [1], passageIds: [] },
    ]);
    v2.close();

    const db = new CommonplaceDB(name);
    await db.open();
    expect(db.verno).toBe(4);
    const { kept, counted } = await keptAndCounted(db);
    expect(kept).toEqual(counted);
    expect([...kept.authors.values()].sort()).toEqual([1, 2]);
    expect([...kept.themes.values()]).toEqual([1]);
    expect(await db.searchDocs.get(second.id)).toEqual({
      pieceId: second.id,
      docs: [1],
      passageIds: [],
      passageTags: [],
    });
  });

  test('docs rows that copied their piece’s facet keys (as written before) are not misread', async () => {
    const name = `facets-${crypto.randomUUID()}`;
    const fresh = new CommonplaceDB(`${name}-now`);
    const saved = await savePiece(
      fresh,
      makeExtraction({ url: 'https://example.org/a', siteName: 'LeftEast' }),
      { authors: ['Boris Kagarlitsky'], themes: ['Ukraine'], note: '' },
    );
    await savePiece(fresh, makeExtraction({ url: 'https://example.org/b' }), {
      authors: ['Ilya Budraitskis'],
      themes: [],
      note: '',
    });
    const expected = await keptAndCounted(fresh);
    // The same rows with a `facets` field in each docs row, as written before, here stale.
    const old = new CommonplaceDB(name);
    for (const table of old.tables) {
      const rows = await fresh.table(table.name).toArray();
      if (table.name === 'searchDocs') {
        for (const row of rows) row.facets = ['a:stale', 't:stale'];
      }
      await table.bulkPut(rows);
    }
    fresh.close();
    const db = old;
    expect(await keptAndCounted(db)).toEqual(expected);
    // Retagging after the upgrade counts from the piece rows.
    await updatePiece(db, saved.id, {
      title: saved.title,
      publishedTime: null,
      authors: ['Ilya Budraitskis'],
      themes: [],
      note: '',
    });
    const after = await keptAndCounted(db);
    expect(after.kept).toEqual(after.counted);
    expect([...after.kept.authors.values()]).toEqual([2]);
  });
});
