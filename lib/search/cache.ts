// Long file: a search's memory (blocks, snapshots, live documents) changes together with the index's generation.
/**
 * What a search holds in memory between keystrokes, per database: segment headers and blocks
 * (immutable, so cached by index id and segment number; blocks in a least-recently-used cache of
 * bounded size), and the live documents numbered 0..n ("slots") for the scoring
 * arrays, rebuilt when the index's generation changes. It also keeps, for their generation,
 * which pieces carry each tag, every piece's title and note, and the texts of the last few
 * hundred snippets (bodies and quotes of recent top hits); bodies are never read to search.
 */
import Dexie, { type Table } from 'dexie';
import type { TagRow } from '../model/records';
import { compareTerms } from './segment';
import type { SearchBlockRow, SearchSegmentRow, SearchStateRow, SearchTailRow } from './types';
import { passageIdsOf, pieceIdsOf } from './writer';

/**
 * Bytes of blocks kept between searches, per database (as counted: postings, and 16 per term).
 * 20,000 pieces with 100,000 passages make about 35 MB so counted: all of it stays in memory.
 */
export const BLOCK_CACHE_BYTES = 40 * 1024 * 1024;

export interface SegmentSlots {
  header: SearchSegmentRow;
  /** Slot of the segment's first document. */
  base: number;
}

export interface TailPostings {
  slots: number[];
  meta: number[];
}

export interface TailSlots {
  base: number;
  /** Distinct terms, sorted. */
  terms: string[];
  postings: Map<string, TailPostings>;
}

export interface LiveDocs {
  generation: number;
  segments: SegmentSlots[];
  tail: TailSlots;
  slotCount: number;
  /** Piece ordinal of each slot, -1 for a deleted document. */
  slotPiece: Int32Array;
  /** 0 = a piece's own document, 1 = a passage. */
  slotKind: Uint8Array;
  slotLength: Uint16Array;
  avgPieceLength: number;
  avgPassageLength: number;
  liveDocs: number;
  pieceIds: string[];
  ordinalOf(pieceId: string): number | undefined;
  /** ms, per piece ordinal (0 when unknown). */
  capturedAt: Float64Array;
  /** Slots of each piece's passages: `pieceSlots[pieceSlotStart[p] .. pieceSlotStart[p+1])`. */
  pieceSlotStart: Int32Array;
  pieceSlots: Int32Array;
  /** Passage id of a slot ('' for a piece's own document). */
  passageIdOf(slot: number): string;
  /** Slot of each live passage (built on first use). */
  passageSlots(): Map<string, number>;
  /**
   * Pieces (ordinals) or passages (slots) carrying a tag, as read for earlier searches. Valid as
   * long as the live documents: every write of a piece or passage changes the index's generation.
   */
  tagHits: Map<string, number[]>;
  /** Texts read for snippets (see query.ts), valid as long as the live documents. */
  snippetTexts: Map<string, unknown>;
  /** Title and note of pieces, read ahead for snippets (see query.ts), valid as long as the live documents. */
  pieceTexts: Map<string, PieceTexts>;
  /** `prepareSearch` has read ahead for these live documents (or is doing so). */
  readAhead: boolean;
}

export interface PieceTexts {
  title: string;
  note: string;
}

interface DbCache {
  indexId: string;
  headers: Map<number, SearchSegmentRow>;
  blocks: Map<string, SearchBlockRow>;
  blockBytes: number;
  base?: Base;
  live: LiveDocs | undefined;
}

const caches = new Map<string, DbCache>();
const MAX_DATABASES = 4;

export function cacheFor(dbName: string, state: SearchStateRow): DbCache {
  let cache = caches.get(dbName);
  if (!cache || cache.indexId !== state.indexId) {
    cache = {
      indexId: state.indexId,
      headers: new Map(),
      blocks: new Map(),
      blockBytes: 0,
      live: undefined,
    };
  }
  // Most recently used last; forget the databases not searched for longest.
  caches.delete(dbName);
  caches.set(dbName, cache);
  while (caches.size > MAX_DATABASES) caches.delete(caches.keys().next().value!);
  return cache;
}

/** Whether `cache` is still the one kept for the database (no rebuild, no forgetting since). */
export function isCurrentCache(dbName: string, cache: DbCache): boolean {
  return caches.get(dbName) === cache;
}

/**
 * The index's state row and the tags as last read, per database, kept until a write to either
 * (in this page or another page of the extension: Dexie tells of both), so that a keystroke whose
 * blocks and texts are cached reads nothing from IndexedDB.
 */
export interface Snapshot {
  state: SearchStateRow;
  tags: TagRow[];
}

const snapshots = new Map<string, Snapshot>();
/** Writes to the state row or the tags seen, per database: a snapshot read across one is stale. */
const writesSeen = new Map<string, number>();
let listening = false;

function listenForWrites(): void {
  if (listening) return;
  listening = true;
  Dexie.on('storagemutated', (parts) => {
    for (const part of Object.keys(parts)) {
      // `all`: everything may have changed (a page restored from the back-forward cache).
      const written = part === 'all' ? null : /^idb:\/\/(.+)\/(searchState|tags)\//.exec(part);
      if (part !== 'all' && !written) continue;
      const names = written ? [written[1]!] : [...writesSeen.keys(), ...snapshots.keys()];
      for (const name of names) {
        snapshots.delete(name);
        writesSeen.set(name, (writesSeen.get(name) ?? 0) + 1);
      }
    }
  });
}

/** The snapshot of a database, if no write happened since it was taken. */
export function snapshotOf(dbName: string): Snapshot | undefined {
  listenForWrites();
  return snapshots.get(dbName);
}

/** Call before reading a snapshot; pass the result to `keepSnapshot`. */
export function writesSoFar(dbName: string): number {
  listenForWrites();
  return writesSeen.get(dbName) ?? 0;
}

/** Drops the snapshot of a database (it proved stale). */
export function forgetSnapshot(dbName: string): void {
  snapshots.delete(dbName);
}

/** Keeps a snapshot read after `writesSoFar` said `before`, unless a write came in between. */
export function keepSnapshot(dbName: string, snapshot: Snapshot, before: number): void {
  if ((writesSeen.get(dbName) ?? 0) === before) snapshots.set(dbName, snapshot);
}

/** Forgets what is cached for a database (tests, or after deleting it). */
export function forgetSearchCache(dbName?: string): void {
  if (dbName === undefined) {
    caches.clear();
    snapshots.clear();
  } else {
    caches.delete(dbName);
    snapshots.delete(dbName);
  }
}

const blockKey = (seg: number, block: number) => `${seg}:${block}`;

/** Blocks by `seg:block`, from the cache or read in one request. */
export async function loadBlocks(
  cache: DbCache,
  table: Table<SearchBlockRow, [number, number]>,
  wanted: [number, number][],
): Promise<Map<string, SearchBlockRow>> {
  const found = new Map<string, SearchBlockRow>();
  const missing: [number, number][] = [];
  for (const [seg, block] of wanted) {
    const key = blockKey(seg, block);
    if (found.has(key)) continue;
    const hit = cache.blocks.get(key);
    if (hit) {
      cache.blocks.delete(key);
      cache.blocks.set(key, hit);
      found.set(key, hit);
    } else if (!missing.some(([s, b]) => s === seg && b === block)) missing.push([seg, block]);
  }
  if (missing.length > 0) {
    const rows = await table.bulkGet(missing);
    rows.forEach((row, i) => {
      if (!row) throw new Error(`search index: block ${missing[i]!.join(':')} is missing`);
      const key = blockKey(row.seg, row.block);
      found.set(key, row);
      cache.blocks.set(key, row);
      cache.blockBytes += row.data.byteLength + row.terms.length * 16;
    });
    for (const [key, row] of cache.blocks) {
      if (cache.blockBytes <= BLOCK_CACHE_BYTES) break;
      if (found.has(key)) continue;
      cache.blocks.delete(key);
      cache.blockBytes -= row.data.byteLength + row.terms.length * 16;
    }
  }
  return found;
}

/** Whether reading more blocks would push others out of the cache. */
export function blockCacheFull(cache: DbCache): boolean {
  return cache.blockBytes >= BLOCK_CACHE_BYTES * 0.95;
}

export function getBlock(blocks: Map<string, SearchBlockRow>, seg: number, block: number) {
  return blocks.get(blockKey(seg, block))!;
}

/** The live documents of the index at `state`'s generation. */
export async function loadLiveDocs(
  cache: DbCache,
  state: SearchStateRow,
  segments: Table<SearchSegmentRow, number>,
  tail: Table<SearchTailRow, number>,
): Promise<LiveDocs> {
  if (cache.live && cache.live.generation === state.generation) return cache.live;
  const missing = state.segments.filter((seg) => !cache.headers.has(seg));
  if (missing.length > 0) {
    const rows = await segments.bulkGet(missing);
    rows.forEach((row, i) => {
      if (!row) throw new Error(`search index: segment ${missing[i]} is missing`);
      cache.headers.set(row.seg, row);
    });
  }
  const live = new Set(state.segments);
  for (const seg of cache.headers.keys()) if (!live.has(seg)) cache.headers.delete(seg);
  const key = state.segments.join(',');
  if (!cache.base || cache.base.key !== key) {
    cache.base = buildBase(
      key,
      state.segments.map((seg) => cache.headers.get(seg)!),
    );
  }
  const tailRows = state.tailDocs > 0 ? await tail.toArray() : [];
  cache.live = buildLiveDocs(state, cache.base, tailRows);
  return cache.live;
}

/** What the sealed segments say, whatever was deleted since: rebuilt when segments change. */
interface Base {
  key: string;
  segments: SegmentSlots[];
  slotCount: number;
  slotPiece: Int32Array;
  slotKind: Uint8Array;
  slotLength: Uint16Array;
  /** capturedAt of the piece, on a piece's own document (NaN elsewhere). */
  slotCaptured: Float64Array;
  pieceIds: string[];
  pieceOrdinal: Map<string, number>;
}

function buildBase(key: string, headers: SearchSegmentRow[]): Base {
  const slotCount = headers.reduce((n, h) => n + h.docs.length, 0);
  const slotPiece = new Int32Array(slotCount);
  const slotKind = new Uint8Array(slotCount);
  const slotLength = new Uint16Array(slotCount);
  const slotCaptured = new Float64Array(slotCount).fill(NaN);
  const pieceIds: string[] = [];
  const pieceOrdinal = new Map<string, number>();
  const segments: SegmentSlots[] = [];
  let slot = 0;
  for (const header of headers) {
    segments.push({ header, base: slot });
    const ords = pieceIdsOf(header).map((id) => {
      let ord = pieceOrdinal.get(id);
      if (ord === undefined) {
        ord = pieceIds.length;
        pieceOrdinal.set(id, ord);
        pieceIds.push(id);
      }
      return ord;
    });
    const passages = passageIdsOf(header);
    slotLength.set(header.docLength, slot);
    for (let local = 0; local < header.docs.length; local++, slot++) {
      const piece = header.docPiece[local]!;
      slotPiece[slot] = ords[piece]!;
      if (passages[local] === '') slotCaptured[slot] = header.capturedAt[piece] || 0;
      else slotKind[slot] = 1;
    }
  }
  return {
    key,
    segments,
    slotCount,
    slotPiece,
    slotKind,
    slotLength,
    slotCaptured,
    pieceIds,
    pieceOrdinal,
  };
}

/** The base with what changed since: deleted documents out, the tail's documents in. */
function buildLiveDocs(state: SearchStateRow, base: Base, tailRows: SearchTailRow[]): LiveDocs {
  const sealed = base.slotCount;
  const slotCount = sealed + tailRows.length;
  const slotPiece = new Int32Array(slotCount);
  slotPiece.set(base.slotPiece);
  const slotKind = new Uint8Array(slotCount);
  slotKind.set(base.slotKind);
  const slotLength = new Uint16Array(slotCount);
  slotLength.set(base.slotLength);
  const segments = base.segments;

  // Deleted documents: find their slots by binary search in each segment's document numbers.
  for (const doc of state.dead) {
    for (const segment of segments) {
      const docs = segment.header.docs;
      let lo = 0;
      let hi = docs.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (docs[mid]! < doc) lo = mid + 1;
        else hi = mid;
      }
      if (lo < docs.length && docs[lo] === doc) {
        slotPiece[segment.base + lo] = -1;
        break;
      }
    }
  }

  // Pieces first seen in the tail get ordinals after the base's.
  const extraIds: string[] = [];
  const extraOrdinal = new Map<string, number>();
  const ordinalOf = (id: string): number | undefined =>
    base.pieceOrdinal.get(id) ?? extraOrdinal.get(id);
  const postings = new Map<string, TailPostings>();
  tailRows.sort((a, b) => a.doc - b.doc);
  const tailCaptured: number[] = [];
  tailRows.forEach((row, i) => {
    const slot = sealed + i;
    let ord = ordinalOf(row.pieceId);
    if (ord === undefined) {
      ord = base.pieceIds.length + extraIds.length;
      extraOrdinal.set(row.pieceId, ord);
      extraIds.push(row.pieceId);
    }
    slotPiece[slot] = ord;
    slotKind[slot] = row.passageId === '' ? 0 : 1;
    slotLength[slot] = Math.min(row.length, 0xffff);
    tailCaptured.push(row.capturedAt);
    const terms = row.terms === '' ? [] : row.terms.split(' ');
    terms.forEach((term, k) => {
      let list = postings.get(term);
      if (!list) {
        list = { slots: [], meta: [] };
        postings.set(term, list);
      }
      list.slots.push(slot);
      list.meta.push(row.meta[k]!);
    });
  });
  const pieceIds = extraIds.length > 0 ? [...base.pieceIds, ...extraIds] : base.pieceIds;
  const pieceCount = pieceIds.length;

  // Per live document: capture times, lengths, passages of each piece.
  const captured = new Float64Array(pieceCount);
  const counts = new Int32Array(pieceCount + 1);
  let pieceLength = 0;
  let pieceDocs = 0;
  let passageLength = 0;
  let passageDocs = 0;
  for (let s = 0; s < slotCount; s++) {
    const ord = slotPiece[s]!;
    if (ord < 0) continue;
    if (slotKind[s] === 0) {
      captured[ord] = s < sealed ? base.slotCaptured[s]! : tailCaptured[s - sealed]!;
      pieceLength += slotLength[s]!;
      pieceDocs++;
    } else {
      counts[ord + 1]!++;
      passageLength += slotLength[s]!;
      passageDocs++;
    }
  }
  for (let p = 0; p < pieceCount; p++) counts[p + 1]! += counts[p]!;
  const pieceSlotStart = counts.slice();
  const fill = counts.slice(0, pieceCount);
  const pieceSlots = new Int32Array(counts[pieceCount]!);
  for (let s = 0; s < slotCount; s++) {
    if (slotKind[s] === 1 && slotPiece[s]! >= 0) pieceSlots[fill[slotPiece[s]!]!++] = s;
  }

  const passageIdOf = (s: number): string => {
    if (s >= sealed) return tailRows[s - sealed]!.passageId;
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (segments[mid]!.base <= s) lo = mid;
      else hi = mid - 1;
    }
    const segment = segments[lo]!;
    return passageIdsOf(segment.header)[s - segment.base]!;
  };
  let passageMap: Map<string, number> | undefined;
  const passageSlots = () => {
    if (!passageMap) {
      passageMap = new Map();
      for (let s = 0; s < slotCount; s++) {
        if (slotKind[s] === 1 && slotPiece[s]! >= 0) passageMap.set(passageIdOf(s), s);
      }
    }
    return passageMap;
  };

  return {
    generation: state.generation,
    segments,
    tail: { base: sealed, terms: [...postings.keys()].sort(compareTerms), postings },
    slotCount,
    slotPiece,
    slotKind,
    slotLength,
    avgPieceLength: pieceDocs > 0 ? pieceLength / pieceDocs : 1,
    avgPassageLength: passageDocs > 0 ? passageLength / passageDocs : 1,
    liveDocs: pieceDocs + passageDocs,
    pieceIds,
    ordinalOf,
    capturedAt: captured,
    pieceSlotStart,
    pieceSlots,
    passageIdOf,
    passageSlots,
    tagHits: new Map(),
    snippetTexts: new Map(),
    pieceTexts: new Map(),
    readAhead: false,
  };
}
