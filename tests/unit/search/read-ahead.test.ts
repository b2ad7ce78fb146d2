import { afterEach, describe, expect, test, vi } from 'vitest';
import { forgetSearchCache, indexPieces, prepareSearch, searchPieces } from '../../../lib/search';
import { keepSnapshot, snapshotOf, writesSoFar } from '../../../lib/search/cache';
import { CommonplaceDB } from '../../../lib/collection/database';
import { freshDatabase } from '../factories';
import { putPiece } from './helpers';

afterEach(() => vi.restoreAllMocks());

const WORDS = 'memory archive exile strike union war peace city street paper'.split(' ');

describe('prepareSearch with readAhead', () => {
  test('reads blocks, tags and titles ahead: searches then read none, and find the same', async () => {
    const db = freshDatabase();
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const piece = await putPiece(db, {
        title: `${WORDS[i % 10]} ${WORDS[(i * 3) % 10]}`,
        text: Array.from({ length: 80 }, (_, k) => `${WORDS[(i + k) % 10]}${k % 7}`).join(' '),
        authors: [i % 2 ? 'Boris Kagarlitsky' : 'Ilya Budraitskis'],
      });
      ids.push(piece.id);
    }
    await indexPieces(db, ids);
    expect(await db.searchBlocks.count()).toBeGreaterThan(0);
    const queries = ['m', 'me', 'memory st', 'kagar', 'union3', 'budr'];
    const before = [];
    for (const q of queries) before.push(await searchPieces(db, q, { limit: 100 }));

    forgetSearchCache(db.name);
    await prepareSearch(db, { readAhead: true });
    const blockReads = vi.spyOn(Object.getPrototypeOf(db.searchBlocks), 'bulkGet');
    const tagReads = vi.spyOn(Object.getPrototypeOf(db.pieces.toCollection()), 'primaryKeys');
    const after = [];
    for (const q of queries) after.push(await searchPieces(db, q, { limit: 100 }));
    expect(after).toEqual(before);
    // Blocks, and the pieces whose titles and notes give snippets, are all in memory.
    const read = blockReads.mock.contexts.map((table: { name: string }) => table.name);
    expect(read.filter((name) => name === 'searchBlocks' || name === 'pieces')).toEqual([]);
    expect(tagReads).not.toHaveBeenCalled();
  });
});

describe('what a search keeps between keystrokes', () => {
  test('the state row and tags are read again only after a write, from any connection', async () => {
    const db = freshDatabase();
    const piece = await putPiece(db, { title: 'Memory', text: 'A city of strikes.' });
    await indexPieces(db, [piece.id]);
    expect((await searchPieces(db, 'memory')).map((h) => h.pieceId)).toEqual([piece.id]);

    const stateReads = vi.spyOn(Object.getPrototypeOf(db.searchState), 'get');
    await searchPieces(db, 'memor');
    expect(stateReads).not.toHaveBeenCalled();

    // Another connection to the same database (as the popup or the background would write).
    const other = new CommonplaceDB(db.name);
    await putPiece(other, { id: piece.id, title: 'Archive', text: 'A city of strikes.' });
    await indexPieces(other, [piece.id]);
    expect(await searchPieces(db, 'memory')).toEqual([]);
    expect((await searchPieces(db, 'archive')).map((h) => h.pieceId)).toEqual([piece.id]);
    expect(stateReads).toHaveBeenCalled();
    other.close();
  });
});

test('a search from a stale snapshot (a write not told of yet) runs again from a fresh read', async () => {
  const db = freshDatabase();
  const ids: string[] = [];
  for (let i = 0; i < 40; i++) {
    ids.push((await putPiece(db, { title: `Memory ${i}`, text: 'A city of strikes.' })).id);
  }
  await indexPieces(db, ids);
  await searchPieces(db, 'memory');
  const stale = snapshotOf(db.name)!;
  expect(stale).toBeDefined();
  // Segments merged away by another page, whose notice has not come yet: the kept state still
  // names a segment that is gone.
  forgetSearchCache(db.name);
  const gone = { ...stale.state, generation: -1, segments: [...stale.state.segments, 99] };
  keepSnapshot(db.name, { ...stale, state: gone }, writesSoFar(db.name));
  expect(await searchPieces(db, 'memory', { limit: 100 })).toHaveLength(40);
  expect(snapshotOf(db.name)?.state.segments).toEqual(stale.state.segments);
});
