/**
 * Organising tags at the size of a large collection (20,000 pieces, 100,000 passages, indexed),
 * in fake-indexeddb under Node: merging two authors of 2,000 pieces each, and adding a theme to
 * 1,000 chosen pieces. Each is timed beside its floor, timed in the same run: the same rows
 * written with plain Dexie `bulkPut` in one transaction (no reading, no checks, no index).
 * Target: ≤ 1.5 × the floor.
 *
 * Run alone: `npm run bench -- tags` (BENCH_TAGS_SCALE=0.1 for a quick run).
 */
import 'fake-indexeddb/auto';
import { CommonplaceDB } from '../lib/collection/database';
import { addTagToPieces, mergeTags, removeTagFromPieces, undoMerge } from '../lib/collection/tags';
import type { PassageRow, PieceRow, TagRow } from '../lib/model/records';
import { indexPieceRows } from '../lib/search';
import { tagKey } from '../lib/tags/normalize';
import { mergedIds } from '../lib/tags/references';
import { generateCorpus, writeCorpusRows } from './corpus';
import { benchRow, type BenchRow, type BenchSuite, type RowArgs } from './types';

const SCALE = Number(process.env.BENCH_TAGS_SCALE ?? '1');
const PIECES = Math.round(20_000 * SCALE);
const PASSAGES = Math.round(100_000 * SCALE);
const PER_AUTHOR = Math.round(2_000 * SCALE);
const CHOSEN = Math.round(1_000 * SCALE);
const ROUNDS = 3;
const NOTE = `best of ${ROUNDS}; fake-indexeddb in Node: times our code, not a browser's storage`;

function author(id: string, name: string): TagRow {
  return {
    id,
    kind: 'author',
    name,
    key: tagKey(name),
    aliases: [],
    aliasKeys: [],
    color: null,
    personName: null,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
}

async function best(rounds: number, run: () => Promise<void>, reset: () => Promise<void>) {
  let fastest = Infinity;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await run();
    fastest = Math.min(fastest, performance.now() - start);
    await reset();
  }
  return fastest;
}

export async function runTagsBenchmark(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const row = (...args: RowArgs) => rows.push(benchRow('tags', ...args));
  const log = (message: string) => console.error(`[tags] ${message}`);
  const db = new CommonplaceDB(`bench-tags-${Date.now()}`);
  try {
    // The collection: the corpus, with two spellings of one author on PER_AUTHOR pieces each
    // (and on a fifth of their passages, as the person quoted).
    const corpus = generateCorpus({ pieces: PIECES, passages: PASSAGES, seed: 14 });
    const a = author('bench-a', 'B. Example');
    const b = author('bench-b', 'Boris Example');
    corpus.tags.push(a, b);
    corpus.pieces.forEach((piece, i) => {
      if (i < 2 * PER_AUTHOR) piece.authorIds = [...piece.authorIds, i < PER_AUTHOR ? a.id : b.id];
    });
    const byPiece = new Map(corpus.pieces.map((p) => [p.id, p]));
    corpus.passages.forEach((passage, i) => {
      const carrier = byPiece.get(passage.pieceId)!;
      const tag = carrier.authorIds.find((id) => id === a.id || id === b.id);
      if (tag && i % 5 === 0) passage.authorIds = [tag];
    });
    let t = performance.now();
    await writeCorpusRows(db, corpus, 2000);
    await indexPieceRows(db, corpus);
    log(`collection written and indexed in ${Math.round(performance.now() - t)} ms`);

    // Merge: the first spelling into the second, undone between rounds.
    const pieces = await db.pieces.where('authorIds').equals(a.id).toArray();
    const passages = await db.passages.where('authorIds').equals(a.id).toArray();
    const stamp = new Date().toISOString();
    const mergedPieces: PieceRow[] = pieces.map((p) => ({
      ...p,
      authorIds: mergedIds(p.authorIds, a.id, b.id),
      updatedAt: stamp,
    }));
    const mergedPassages: PassageRow[] = passages.map((p) => ({
      ...p,
      authorIds: mergedIds(p.authorIds, a.id, b.id),
      updatedAt: stamp,
    }));
    const floor = await best(
      ROUNDS,
      () =>
        db.transaction('rw', [db.pieces, db.passages, db.tags], async () => {
          await db.pieces.bulkPut(mergedPieces);
          await db.passages.bulkPut(mergedPassages);
          await db.tags.delete(a.id);
          await db.tags.put({ ...b, aliases: [a.name], aliasKeys: [a.key] });
        }),
      () =>
        db.transaction('rw', [db.pieces, db.passages, db.tags], async () => {
          await db.pieces.bulkPut(pieces);
          await db.passages.bulkPut(passages);
          await db.tags.bulkPut([a, b]);
        }),
    );
    const sizes = `${pieces.length} pieces, ${passages.length} passages rewritten`;
    row(`floor: plain bulkPut of a merge's rows (${sizes})`, floor, 'ms', { note: NOTE });
    let merge: Awaited<ReturnType<typeof mergeTags>> | undefined;
    const merging = await best(
      ROUNDS,
      async () => {
        merge = await mergeTags(db, a.id, b.id);
      },
      () => undoMerge(db, merge!),
    );
    row('merge two authors (one transaction, facet counts kept)', merging, 'ms', {
      target: Math.round(1.5 * floor),
      note: `${NOTE}; 1.5 × the floor above`,
    });
    t = performance.now();
    merge = await mergeTags(db, a.id, b.id);
    const mergeOnce = performance.now() - t;
    t = performance.now();
    await undoMerge(db, merge);
    row('undo of that merge', performance.now() - t, 'ms', {
      note: `one run; the merge before it took ${Math.round(mergeOnce)} ms`,
    });

    // Bulk tagging: a new theme on CHOSEN pieces, taken off between rounds.
    const chosen = (await db.pieces.orderBy('capturedAt').reverse().limit(CHOSEN).toArray()).map(
      (p) => p.id,
    );
    const chosenRows = await db.pieces.bulkGet(chosen);
    const themeId = 'bench-theme';
    const tagged = chosenRows.map((p) => ({ ...p!, themeIds: [...p!.themeIds, themeId] }));
    const untagged = chosenRows.map((p) => p!);
    const bulkFloor = await best(
      ROUNDS,
      () => db.transaction('rw', [db.pieces], () => db.pieces.bulkPut(tagged).then(() => {})),
      () => db.transaction('rw', [db.pieces], () => db.pieces.bulkPut(untagged).then(() => {})),
    );
    row(`floor: plain bulkPut of ${CHOSEN} pieces with a theme more`, bulkFloor, 'ms', {
      note: NOTE,
    });
    let theme: TagRow | undefined;
    const bulk = await best(
      ROUNDS,
      async () => {
        theme = (await addTagToPieces(db, chosen, 'theme', 'Bench theme')).tag;
      },
      async () => {
        await removeTagFromPieces(db, chosen, theme!.id);
      },
    );
    row(`add a theme to ${CHOSEN} chosen pieces`, bulk, 'ms', {
      target: Math.round(1.5 * bulkFloor),
      note: `${NOTE}; 1.5 × the floor above; rows checked against their schema, counts kept`,
    });
  } finally {
    await db.delete();
  }
  return rows;
}

export const tagsBench: BenchSuite = { suite: 'tags', run: runTagsBenchmark };
