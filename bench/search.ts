/**
 * Search at the size of a large collection: 20,000 pieces with stored copies (3–8 KB of text
 * each) and 100,000 passages (bench/corpus.ts). Measures indexing everything, the index's size,
 * and query latency over ~200 keystrokes of realistic queries typed letter by letter, each
 * measured from the keystroke to the hits with their snippets (what the list paints).
 *
 * `runSearchBenchmark` uses whatever IndexedDB the page has, so it also runs in Chromium (bundle
 * this file into a page and call it); `searchBench.run()` (Node) uses fake-indexeddb, an
 * IndexedDB in JavaScript kept in memory, whose costs are not a browser's.
 *
 * Run alone: `npm run bench -- search` (BENCH_SEARCH_SCALE=0.1 for a quick run).
 */
import Dexie from 'dexie';
import { CommonplaceDB } from '../lib/collection/database';
import {
  forgetSearchCache,
  indexPiece,
  indexPieceRows,
  rebuildSearchIndex,
  searchPassages,
  searchPieces,
} from '../lib/search';
import { SEARCH_INDEX_TABLES, type IndexTimings } from '../lib/search/writer';
import { BLOCK_CACHE_BYTES } from '../lib/search/cache';
import { corpusWords, emptySize, generateCorpus, measureBatch, writeCorpusRows } from './corpus';
import { benchRow, type BenchRow, type BenchSuite, type RowArgs } from './types';

export interface SearchBenchOptions {
  pieces?: number;
  passages?: number;
  seed?: number;
  /** Where it runs, for the notes (e.g. 'fake-indexeddb in Node', 'Chromium'). */
  engine?: string;
  log?: (line: string) => void;
}

const MB = 2 ** 20;

/** Realistic queries, typed a letter at a time: every prefix is one keystroke. */
export function keystrokeQueries(seed: number): string[] {
  const { common, rare } = corpusWords(seed);
  const phrases = [
    'kagarlitsky',
    'russian imp',
    'solidarity memory',
    'Résistance',
    'strasse',
    'революция',
    'christopher ford',
    'the crisis of',
    'labour movement',
    'kyiv',
    common[150]!,
    common[600]!,
    common[1500]!,
    rare[3]!,
    rare[500]!,
    `${common[120]} ${rare[40]!.slice(0, 4)}`,
  ];
  const queries: string[] = [];
  for (const phrase of phrases) {
    for (let i = 1; i <= phrase.length; i++) queries.push(phrase.slice(0, i));
  }
  return queries;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function runSearchBenchmark(options: SearchBenchOptions = {}): Promise<BenchRow[]> {
  const pieces = options.pieces ?? 20_000;
  const passages = options.passages ?? 100_000;
  const seed = options.seed ?? 7;
  const engine = options.engine ?? 'IndexedDB';
  const log = options.log ?? (() => {});
  const scale = `${pieces.toLocaleString('en-US')} pieces, ${passages.toLocaleString('en-US')} passages`;
  const rows: BenchRow[] = [];
  const row = (...args: RowArgs) => rows.push(benchRow('search', ...args));

  const db = new CommonplaceDB(`bench-search-${Date.now()}`);
  try {
    // The collection in memory, then written without the index.
    const size = emptySize();
    let t = performance.now();
    const corpus = generateCorpus({ pieces, passages, seed });
    measureBatch(corpus, size);
    log(`corpus generated in ${Math.round(performance.now() - t)} ms`);
    t = performance.now();
    await writeCorpusRows(db, corpus, 1000);
    const setupMs = performance.now() - t;
    log(`corpus written in ${Math.round(setupMs)} ms`);
    row(`corpus: stored copies' text (${scale})`, size.textBytes / MB, 'MB');
    row("corpus: stored copies' HTML", size.htmlBytes / MB, 'MB');
    row('corpus: passages (quotes and notes)', size.passageBytes / MB, 'MB');
    row('corpus: all rows as JSON', size.jsonBytes / MB, 'MB');

    // What an import adds: indexing the rows it has just written, from memory.
    let timings: IndexTimings | undefined;
    t = performance.now();
    await indexPieceRows(db, corpus, (progress) => (timings = progress.timings));
    const importMs = performance.now() - t;
    const split = (timings: IndexTimings | undefined) =>
      timings === undefined
        ? 'no timings'
        : `analyse ${Math.round(timings.analyse)}, build ${Math.round(timings.build)}, ` +
          `write ${Math.round(timings.write)}, read ${Math.round(timings.read)} ms`;
    row(`index everything from rows in memory (import; ${scale})`, importMs, 'ms', {
      note: `${engine}; one transaction; ${split(timings)}`,
    });
    // What an upgrade or a rebuild does: read every piece, copy and passage back, then index.
    t = performance.now();
    await rebuildSearchIndex(db, (progress) => {
      timings = progress.timings;
      if (progress.done % 5000 === 0) log(`indexed ${progress.done}/${progress.total}`);
    });
    const indexMs = performance.now() - t;
    row(`rebuild: read back and index everything (${scale})`, indexMs, 'ms', {
      note: `${engine}; one transaction (schema upgrade, rebuildSearchIndex); ${split(timings)}`,
    });

    const counts: string[] = [];
    let indexBytes = 0;
    for (const name of SEARCH_INDEX_TABLES) {
      const table = db.table(name);
      counts.push(`${name} ${await table.count()}`);
    }
    await db.searchBlocks.each((block) => {
      indexBytes += block.data.byteLength + block.terms.reduce((n, term) => n + term.length, 0);
      indexBytes += block.dfs.byteLength + block.offsets.byteLength;
    });
    await db.searchSegments.each((s) => {
      indexBytes += s.docs.byteLength + s.docPiece.byteLength + s.docLength.byteLength;
      indexBytes += s.passageIds.length + s.pieceIds.length + s.capturedAt.byteLength;
    });
    const state = await db.searchState.get('index');
    row('index size', indexBytes / MB, 'MB', { note: `rows: ${counts.join(', ')}` });
    row('index: documents (pieces + passages)', state?.docCount ?? 0, 'count', {
      note: `${state?.segments.length ?? 0} segments`,
    });

    const heapBeforeSearch = heapUsed();
    // Keystrokes, each query as typed, with the caches of a library page that stays open; then
    // every query again with empty caches (the first search after the page opens).
    const queries = keystrokeQueries(seed);
    const typed: number[] = [];
    const cold: number[] = [];
    let hitsSeen = 0;
    let slowest = { ms: 0, query: '' };
    forgetSearchCache(db.name);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < queries.length; i++) {
        const query = queries[i]!;
        if (round === 1) forgetSearchCache(db.name);
        const start = performance.now();
        const hits = await searchPieces(db, query, { limit: 20 });
        const ms = performance.now() - start;
        (round === 0 ? typed : cold).push(ms);
        hitsSeen += hits.length;
        if (round === 0 && ms > slowest.ms) slowest = { ms, query };
      }
    }
    const heapAfter = heapUsed();
    typed.sort((a, b) => a - b);
    cold.sort((a, b) => a - b);
    const note = `${queries.length} keystrokes of ${engine}; 20 hits with snippets`;
    row('keystroke → hits p50 (typing)', percentile(typed, 50), 'ms', { note });
    row('keystroke → hits p95 (typing)', percentile(typed, 95), 'ms', {
      target: 50,
      note: `${note}; slowest "${slowest.query}" ${Math.round(slowest.ms)} ms`,
    });
    row('first search after opening the page p50', percentile(cold, 50), 'ms', {
      note: 'every query with empty caches: segment headers and blocks read, view built',
    });
    row('first search after opening the page p95', percentile(cold, 95), 'ms');
    log(`average hits per query: ${round(hitsSeen / (2 * queries.length))}`);

    const passageTimes: number[] = [];
    for (const query of queries) {
      const start = performance.now();
      await searchPassages(db, query, { limit: 20 });
      passageTimes.push(performance.now() - start);
    }
    passageTimes.sort((a, b) => a - b);
    row('searchPassages p95 (typing)', percentile(passageTimes, 95), 'ms', { note });

    // Keeping current: re-indexing one piece (what a save adds), then the next keystroke.
    const ids = (await db.pieces.limit(30).primaryKeys()) as string[];
    const updates: number[] = [];
    const after: number[] = [];
    for (const id of ids) {
      let start = performance.now();
      await indexPiece(db, id);
      updates.push(performance.now() - start);
      start = performance.now();
      await searchPieces(db, 'russian imp', { limit: 20 });
      after.push(performance.now() - start);
    }
    updates.sort((a, b) => a - b);
    after.sort((a, b) => a - b);
    row('re-index one piece p95 (in its save)', percentile(updates, 95), 'ms');
    row('first keystroke after a save p95', percentile(after, 95), 'ms', {
      note: 'the view of live documents is rebuilt once per change',
    });
    if (heapBeforeSearch > 0) {
      row('JS heap growth while searching', (heapAfter - heapBeforeSearch) / MB, 'MB', {
        note: `search caches (segment headers, ≤ ${BLOCK_CACHE_BYTES / 2 ** 20} MB of blocks, view of live documents) + garbage`,
      });
    }
    row('setup: writing the collection (not a target)', setupMs, 'ms');
  } finally {
    db.close();
    forgetSearchCache(db.name);
    await Dexie.delete(db.name);
  }
  return rows;
}

function heapUsed(): number {
  const memory = (globalThis as { process?: { memoryUsage(): { heapUsed: number } } }).process;
  return memory ? memory.memoryUsage().heapUsed : 0;
}

/** fake-indexeddb for Dexie, when there is no IndexedDB (Node). */
async function ensureIndexedDB(): Promise<void> {
  if (Dexie.dependencies.indexedDB) return;
  const fake = await import('fake-indexeddb');
  Dexie.dependencies.indexedDB = fake.indexedDB;
  Dexie.dependencies.IDBKeyRange = fake.IDBKeyRange;
}

export const searchBench: BenchSuite = {
  suite: 'search',
  async run(): Promise<BenchRow[]> {
    await ensureIndexedDB();
    const scale = Number(
      (globalThis as { process?: { env: Record<string, string> } }).process?.env
        .BENCH_SEARCH_SCALE ?? '1',
    );
    return runSearchBenchmark({
      pieces: Math.round(20_000 * scale),
      passages: Math.round(100_000 * scale),
      engine: 'fake-indexeddb in Node',
      log: (line) => console.error(line),
    });
  },
};
