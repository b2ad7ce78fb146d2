import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { VERSION_1_STORES } from '../../../lib/db/schema';
import { CommonplaceDB } from '../../../lib/collection/database';
import {
  SEARCH_TABLES,
  indexPassage,
  indexPiece,
  indexPieceRows,
  indexPieces,
  readFacetCounts,
  rebuildSearchIndex,
  removePassageFromIndex,
  removePieceFromIndex,
  searchPassages,
  searchPieces,
} from '../../../lib/search';
import { MAX_SEGMENTS, TAIL_MAX_POSTINGS, TAIL_PIECES } from '../../../lib/search/writer';
import { freshDatabase } from '../factories';
import { putPassage, putPiece } from './helpers';

const FILLER = 'Ordinary words about a city and its people.';
const idsOf = async (db: CommonplaceDB, query: string) =>
  (await searchPieces(db, query, { limit: 10_000 })).map((h) => h.pieceId).sort();

describe('keeping the index current', () => {
  test('a re-indexed piece is found by its new words only', async () => {
    const db = freshDatabase();
    const piece = await putPiece(db, { title: 'Old title', text: `${FILLER} Zeppelin.` });
    await indexPiece(db, piece.id);
    expect(await idsOf(db, 'zeppelin')).toEqual([piece.id]);
    await putPiece(db, { id: piece.id, title: 'New title', text: `${FILLER} Dirigible.` });
    await indexPiece(db, piece.id);
    expect(await idsOf(db, 'zeppelin')).toEqual([]);
    expect(await idsOf(db, 'old')).toEqual([]);
    expect(await idsOf(db, 'dirigible new')).toEqual([piece.id]);
  });

  test('authors and themes found again follow a change of a piece or passage tags', async () => {
    const db = freshDatabase();
    const piece = await putPiece(db, {
      title: 'One',
      text: FILLER,
      authors: ['Boris Kagarlitsky'],
      passages: [{ id: 'q-1', quote: 'a quote', themes: ['Labour'] }],
    });
    const other = await putPiece(db, { title: 'Two', text: FILLER });
    await indexPieces(db, [piece.id, other.id]);
    // Searched once: what carries each tag is now remembered for this state of the index.
    expect(await idsOf(db, 'kagarlitsky')).toEqual([piece.id]);
    expect((await searchPassages(db, 'labour')).map((h) => h.passageId)).toEqual(['q-1']);

    await putPiece(db, { id: other.id, title: 'Two', text: FILLER, authors: ['Kagarlitsky'] });
    await putPiece(db, { id: piece.id, title: 'One', text: FILLER });
    await indexPieces(db, [piece.id, other.id]);
    expect(await idsOf(db, 'kagarlitsky')).toEqual([other.id]);
    await putPassage(db, other.id, { id: 'q-2', quote: 'another', themes: ['Labour'] });
    await indexPassage(db, 'q-2');
    expect((await searchPassages(db, 'labour')).map((h) => h.passageId).sort()).toEqual([
      'q-1',
      'q-2',
    ]);
  });

  test('a removed piece is no longer found, nor its passages', async () => {
    const db = freshDatabase();
    const a = await putPiece(db, {
      title: 'Memory',
      text: FILLER,
      passages: [{ quote: 'memory' }],
    });
    const b = await putPiece(db, { title: 'Memory too', text: FILLER });
    await indexPieces(db, [a.id, b.id]);
    await removePieceFromIndex(db, a);
    expect(await idsOf(db, 'memory')).toEqual([b.id]);
    expect(await searchPassages(db, 'memory')).toEqual([]);
  });

  test('indexing a piece that no longer exists, given its row as indexed, removes it', async () => {
    const db = freshDatabase();
    const a = await putPiece(db, { title: 'Memory', text: FILLER, authors: ['Ann Example'] });
    await indexPiece(db, a.id);
    await db.pieces.delete(a.id);
    await indexPiece(db, a.id, a);
    expect(await idsOf(db, 'memory')).toEqual([]);
    expect((await readFacetCounts(db)).authors.size).toBe(0);
  });

  test('a piece deleted without its row as indexed is refused: its counts cannot be taken off', async () => {
    const db = freshDatabase();
    const a = await putPiece(db, { title: 'Memory', text: FILLER, authors: ['Ann Example'] });
    await indexPiece(db, a.id);
    await db.pieces.delete(a.id);
    await expect(indexPiece(db, a.id)).rejects.toThrow(/without its row as indexed/);
    expect(await idsOf(db, 'memory')).toEqual([a.id]);
  });

  test('passages added, changed and removed one at a time', async () => {
    const db = freshDatabase();
    const piece = await putPiece(db, { title: 'A piece', text: FILLER });
    await indexPiece(db, piece.id);
    const passage = await putPassage(db, piece.id, { id: 'pa-1', quote: 'a quoted zeppelin' });
    await indexPassage(db, passage.id);
    expect((await searchPassages(db, 'zeppelin')).map((h) => h.passageId)).toEqual(['pa-1']);
    const [hit] = await searchPieces(db, 'zeppelin');
    expect(hit).toMatchObject({ pieceId: piece.id, fields: ['passage'], passageIds: ['pa-1'] });

    await db.passages.put({ ...passage, note: 'about airships' });
    await indexPassage(db, passage.id);
    expect((await searchPassages(db, 'airships zeppelin')).map((h) => h.passageId)).toEqual([
      'pa-1',
    ]);

    await db.passages.delete(passage.id);
    await removePassageFromIndex(db, passage);
    expect(await searchPassages(db, 'zeppelin')).toEqual([]);
    expect(await searchPieces(db, 'zeppelin')).toEqual([]);
    expect(await idsOf(db, 'piece')).toEqual([piece.id]);
  });

  test('indexing works inside the transaction that writes the piece', async () => {
    const db = freshDatabase();
    const piece = await db.transaction('rw', [...SEARCH_TABLES, 'tags'], async () => {
      const written = await putPiece(db, { title: 'Atomic', text: FILLER });
      await indexPiece(db, written.id);
      return written;
    });
    expect(await idsOf(db, 'atomic')).toEqual([piece.id]);

    // A failed transaction leaves neither the piece nor its index entries.
    await expect(
      db.transaction('rw', [...SEARCH_TABLES, 'tags'], async () => {
        const written = await putPiece(db, { title: 'Doomed', text: FILLER });
        await indexPiece(db, written.id);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await idsOf(db, 'doomed')).toEqual([]);
  });

  test('a transaction without the index tables is refused, not half-done', async () => {
    const db = freshDatabase();
    const piece = await putPiece(db, { title: 'Refused', text: FILLER });
    await expect(db.transaction('rw', db.pieces, () => indexPiece(db, piece.id))).rejects.toThrow();
  });

  test('indexing from rows in memory finds the same as reading them back', async () => {
    const db = freshDatabase();
    const piece = await putPiece(db, {
      title: 'From rows',
      text: `${FILLER} Zeppelin.`,
      passages: [{ id: 'r-1', quote: 'airship', note: 'noted' }],
    });
    await indexPieceRows(db, {
      pieces: [piece],
      contents: [(await db.contents.get(piece.id))!],
      passages: await db.passages.toArray(),
    });
    expect(await idsOf(db, 'zeppelin rows')).toEqual([piece.id]);
    expect((await searchPassages(db, 'airship noted')).map((h) => h.passageId)).toEqual(['r-1']);
  });
});

describe('segments, tail and merges', () => {
  /** Pieces with `words` distinct words each (w<i>_<k>), and a shared word. */
  async function manyPieces(db: CommonplaceDB, count: number, words: number, from = 0) {
    const ids: string[] = [];
    for (let i = from; i < from + count; i++) {
      const text = Array.from({ length: words }, (_, k) => `w${i}x${k}`).join(' ');
      ids.push(
        (
          await putPiece(db, {
            id: `m-${String(i).padStart(4, '0')}`,
            title: `Piece ${i}`,
            text: `${text} common`,
            passages: [{ id: `mp-${i}`, quote: `w${i}x0 common` }],
          })
        ).id,
      );
    }
    return ids;
  }

  async function sameAsRebuilt(db: CommonplaceDB, queries: string[]): Promise<void> {
    const incremental = [];
    for (const q of queries) incremental.push(await idsOf(db, q));
    await rebuildSearchIndex(db);
    for (const [i, q] of queries.entries()) expect(await idsOf(db, q), q).toEqual(incremental[i]);
  }

  test('saves one at a time fill the tail, which is sealed into segments', async () => {
    const db = freshDatabase();
    const perPiece = 2000;
    const count = Math.ceil(TAIL_MAX_POSTINGS / perPiece) + 3;
    const ids = await manyPieces(db, count, perPiece);
    for (const id of ids) await indexPiece(db, id);
    const state = (await db.searchState.get('index'))!;
    expect(state.segments.length).toBeGreaterThanOrEqual(1);
    expect(state.tailPostings).toBeLessThanOrEqual(TAIL_MAX_POSTINGS);
    expect(await idsOf(db, 'common')).toEqual([...ids].sort());
    expect(await idsOf(db, 'w3x1999')).toEqual([ids[3]]);
    expect((await searchPassages(db, 'w5x0')).map((h) => h.passageId)).toEqual(['mp-5']);
    // Re-save pieces whose documents are sealed, remove others: still right.
    await putPiece(db, { id: ids[0], title: 'Renamed', text: 'fresh words' });
    await indexPiece(db, ids[0]!);
    const second = (await db.pieces.get(ids[1]!))!;
    await db.pieces.delete(second.id);
    await removePieceFromIndex(db, second);
    // ids[0] keeps its passage, which has the word.
    expect(await idsOf(db, 'common')).toEqual(ids.filter((id) => id !== ids[1]).sort());
    expect(await idsOf(db, 'fresh')).toEqual([ids[0]]);
    await sameAsRebuilt(db, ['common', 'fresh', 'w2x5', 'w1x5', 'piece', 'w0x0']);
  });

  test('too many segments are merged; deleted documents go in the merge', async () => {
    const db = freshDatabase();
    const batch = TAIL_PIECES + 1;
    const all: string[] = [];
    for (let round = 0; round <= MAX_SEGMENTS; round++) {
      const ids = await manyPieces(db, batch, 5, round * batch);
      await indexPieces(db, ids);
      all.push(...ids);
      if (round === 2) {
        const first = (await db.pieces.get(ids[0]!))!;
        await db.pieces.delete(first.id);
        await removePieceFromIndex(db, first);
      }
    }
    const state = (await db.searchState.get('index'))!;
    expect(state.segments.length).toBeLessThanOrEqual(MAX_SEGMENTS);
    const removed = all[2 * batch]!;
    expect(state.dead).toEqual([]);
    expect(await idsOf(db, 'common')).toEqual(all.filter((id) => id !== removed).sort());
    await sameAsRebuilt(db, ['common', 'w40x1', 'piece 4', 'w34x0']);
  });
});

describe('schema upgrade', () => {
  test('opening a version-1 database builds the index of what it holds', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    // The database as version 1 of the app made it.
    const v1 = new Dexie(name);
    v1.version(1).stores(VERSION_1_STORES);
    const piece = await putPiece(v1 as unknown as CommonplaceDB, {
      title: 'Before the upgrade',
      text: `${FILLER} Zeppelin.`,
      authors: ['Boris Kagarlitsky'],
      passages: [{ id: 'up-1', quote: 'an old passage' }],
    });
    await putPiece(v1 as unknown as CommonplaceDB, { title: 'Another', text: FILLER });
    v1.close();

    const db = new CommonplaceDB(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.searchDocs.count()).toBe(2);
    expect(await idsOf(db, 'zeppelin upgra')).toEqual([piece.id]);
    expect(await idsOf(db, 'kagarlitsky')).toEqual([piece.id]);
    expect((await searchPassages(db, 'old passage')).map((h) => h.passageId)).toEqual(['up-1']);
    // The data itself is untouched.
    expect(await db.pieces.count()).toBe(2);
    expect((await db.contents.get(piece.id))?.textContent).toContain('Zeppelin');
  });

  test('a new database starts at version 4 with an empty index', async () => {
    const db = freshDatabase();
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.searchState.count()).toBe(0);
  });
});
