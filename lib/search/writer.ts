// Long file: the index's write paths (tail, segments, merges, compaction) keep one invariant of the state row.
/**
 * Keeping the index current: adding, replacing and removing the documents of pieces and passages,
 * sealing the tail into a segment, merging segments. Every function here runs inside a read-write
 * transaction that includes `SEARCH_TABLES` (see ./index.ts for the public wrappers).
 */
import Dexie, { type Table } from 'dexie';
import type { ContentRow, PassageRow, PieceRow } from '../model/records';
import { analysePassage, analysePiece, type Analysed } from './analyze';
import { linkTargets, selfKeysOf } from '../connections/links';
import { countFacets, facetKeysOf } from './facets';
import {
  addPairKeys,
  applyPairDelta,
  pairKeyParts,
  pairKeysOf,
  passageTagsOf,
  type PairCountsRow,
} from './pairs';
import { compareTerms, decodePostings, SegmentBuilder, type DocInfo } from './segment';
import {
  FIELD_BODY,
  FIELD_NOTE,
  FIELD_TITLE,
  type SearchBlockRow,
  type SearchDocsRow,
  type SearchLinksRow,
  type SearchSegmentRow,
  type SearchStateRow,
  type SearchTailRow,
} from './types';

/** The index's own tables. */
export const SEARCH_INDEX_TABLES = [
  'searchState',
  'searchSegments',
  'searchBlocks',
  'searchTail',
  'searchDocs',
  'searchPairs',
  'searchLinks',
] as const;

/**
 * Tables a read-write transaction must include to call `indexPiece`, `indexPieces`,
 * `removePieceFromIndex`, `indexPassage` or `removePassageFromIndex` inside it: the index's
 * tables and the rows it reads (pieces, their stored copies and passages).
 */
export const SEARCH_TABLES = ['pieces', 'contents', 'passages', ...SEARCH_INDEX_TABLES] as const;

/** Tables a search reads. */
export const SEARCH_READ_TABLES = [...SEARCH_TABLES, 'tags'] as const;

/** Pieces read and analysed per step of a bulk indexing. */
export const INDEX_CHUNK = 250;
/** A bulk indexing writes a segment each time this many postings have gathered. */
export const SEGMENT_POSTINGS = 2_000_000;
/** Up to this many pieces, indexing goes to the tail (a few rows) rather than a new segment. */
export const TAIL_PIECES = 16;
/** The tail is sealed into a segment once it holds this many postings. */
export const TAIL_MAX_POSTINGS = 40_000;
/** Above this many segments, the smallest are merged (never into one above 2 × SEGMENT_POSTINGS). */
export const MAX_SEGMENTS = 12;
/** A segment with this share of deleted documents is rewritten without them. */
export const MAX_DEAD_SHARE = 0.3;

export interface SearchTables {
  pieces: Table<PieceRow, string>;
  contents: Table<ContentRow, string>;
  passages: Table<PassageRow, string>;
  state: Table<SearchStateRow, string>;
  segments: Table<SearchSegmentRow, number>;
  blocks: Table<SearchBlockRow, [number, number]>;
  tail: Table<SearchTailRow, number>;
  docs: Table<SearchDocsRow, string>;
  pairs: Table<PairCountsRow, string>;
  links: Table<SearchLinksRow, string>;
}

/** A database or a transaction (an upgrade's, say): anything that hands out tables by name. */
export interface TableSource {
  table(name: string): Table;
}

export function searchTables(source: TableSource): SearchTables {
  return {
    pieces: source.table('pieces'),
    contents: source.table('contents'),
    passages: source.table('passages'),
    state: source.table('searchState'),
    segments: source.table('searchSegments'),
    blocks: source.table('searchBlocks'),
    tail: source.table('searchTail'),
    docs: source.table('searchDocs'),
    pairs: source.table('searchPairs'),
    links: source.table('searchLinks'),
  };
}

/** Where an indexing's time went so far (ms), step by step. */
export interface IndexTimings {
  read: number;
  analyse: number;
  build: number;
  write: number;
}

export interface IndexProgress {
  done: number;
  total: number;
  timings: IndexTimings;
}

const noTimings = (): IndexTimings => ({ read: 0, analyse: 0, build: 0, write: 0 });

export function newState(): SearchStateRow {
  return {
    id: 'index',
    indexId: crypto.randomUUID(),
    generation: 0,
    nextDoc: 0,
    nextSeg: 0,
    segments: [],
    dead: [],
    docCount: 0,
    tailDocs: 0,
    tailPostings: 0,
    facets: {},
  };
}

export async function readState(t: SearchTables): Promise<SearchStateRow> {
  return (await t.state.get('index')) ?? newState();
}

async function saveState(t: SearchTables, state: SearchStateRow): Promise<void> {
  state.generation++;
  await t.state.put(state);
}

const capturedMs = (piece: PieceRow) => {
  const ms = Date.parse(piece.capturedAt);
  return Number.isNaN(ms) ? 0 : ms;
};

/** Removes every document of these pieces (tail rows go; sealed documents are marked dead). */
async function removeDocs(
  t: SearchTables,
  state: SearchStateRow,
  docNumbers: number[],
): Promise<void> {
  if (docNumbers.length === 0) return;
  const inTail = await t.tail.bulkGet(docNumbers);
  const tailDocs: number[] = [];
  inTail.forEach((row, i) => {
    if (row) {
      tailDocs.push(row.doc);
      state.tailDocs--;
      state.tailPostings -= row.meta.length;
    } else state.dead.push(docNumbers[i]!);
  });
  if (tailDocs.length > 0) await t.tail.bulkDelete(tailDocs);
  state.docCount -= docNumbers.length;
}

/**
 * Removes pieces' documents and links; what they were counted under (`counted`: each one's row as
 * it was indexed) is taken off the facet counts and `pairs`.
 */
async function removePieces(
  t: SearchTables,
  state: SearchStateRow,
  pieceIds: readonly string[],
  counted: ReadonlyMap<string, PieceRow>,
  pairs: Map<string, number>,
): Promise<void> {
  const rows = await t.docs.bulkGet([...pieceIds]);
  const numbers = rows.flatMap((row) => row?.docs ?? []);
  await removeDocs(t, state, numbers);
  for (const row of rows) {
    if (!row) continue;
    const piece = counted.get(row.pieceId);
    // A caller that rewrote or deleted a piece gives its row as indexed: counts never drift.
    if (!piece) throw new Error(`The index holds piece ${row.pieceId} without its row as indexed.`);
    uncount(state, pairs, piece, row);
  }
  const found = rows.filter((row) => row !== undefined).map((row) => row.pieceId);
  if (found.length > 0) {
    await t.docs.bulkDelete(found);
    await t.links.bulkDelete(found);
  }
}

/** Adds a change of the debate counts (./pairs.ts) to their rows. */
async function savePairs(t: SearchTables, delta: ReadonlyMap<string, number>): Promise<void> {
  if (delta.size === 0) return;
  const authors = [...new Set([...delta.keys()].map((key) => pairKeyParts(key)[1]))];
  const stored = await t.pairs.bulkGet(authors);
  const rows = new Map<string, PairCountsRow>();
  for (const row of stored) if (row) rows.set(row.author, row);
  const { put, deleted } = applyPairDelta(rows, delta);
  if (put.length > 0) await t.pairs.bulkPut(put);
  if (deleted.length > 0) await t.pairs.bulkDelete(deleted);
}

/** The debate keys (./pairs.ts) a piece, as indexed, and the passages of its docs row count under. */
export function rowPairKeys(piece: PieceRow, row: Pick<SearchDocsRow, 'passageTags'>): string[] {
  return pairKeysOf(piece, row.passageTags);
}

/** Counts a piece (its row as indexed) and its docs row's passages in the facets and `pairs`. */
function count(
  state: SearchStateRow,
  pairs: Map<string, number>,
  piece: PieceRow,
  row: SearchDocsRow,
): void {
  countFacets(state.facets, facetKeysOf(piece), 1);
  addPairKeys(pairs, rowPairKeys(piece, row), 1);
}

/** Takes off what `count` counted. */
function uncount(
  state: SearchStateRow,
  pairs: Map<string, number>,
  piece: PieceRow,
  row: SearchDocsRow,
): void {
  countFacets(state.facets, facetKeysOf(piece), -1);
  addPairKeys(pairs, rowPairKeys(piece, row), -1);
}

/** The docs row of a piece, with what its passages are counted under. */
function docsRow(piece: PieceRow, docs: number[], passages: readonly PassageRow[]): SearchDocsRow {
  return {
    pieceId: piece.id,
    docs,
    passageIds: passages.map((p) => p.id),
    passageTags: passages.map(passageTagsOf),
  };
}

/** What a piece's stored copy links to. */
export function linksRow(piece: PieceRow, content: ContentRow | undefined): SearchLinksRow {
  const selves = selfKeysOf(piece);
  const targets = content ? linkTargets(content.contentHtml, piece.pageUrl, selves) : [];
  return { pieceId: piece.id, selves, targets };
}

interface NewDoc {
  info: DocInfo;
  analysed: Analysed;
}

/** Documents of a piece and its passages, numbered from `state.nextDoc`. */
function pieceDocs(
  state: SearchStateRow,
  piece: PieceRow,
  content: ContentRow | undefined,
  passages: PassageRow[],
): { docs: NewDoc[]; row: SearchDocsRow } {
  const capturedAt = capturedMs(piece);
  const own = analysePiece(piece, content);
  const docs: NewDoc[] = [
    {
      info: {
        doc: state.nextDoc++,
        pieceId: piece.id,
        passageId: '',
        capturedAt,
        length: own.length,
      },
      analysed: own,
    },
  ];
  for (const passage of passages) {
    const analysed = analysePassage(passage);
    docs.push({
      info: {
        doc: state.nextDoc++,
        pieceId: piece.id,
        passageId: passage.id,
        capturedAt,
        length: analysed.length,
      },
      analysed,
    });
  }
  return {
    docs,
    row: docsRow(
      piece,
      docs.map((d) => d.info.doc),
      passages,
    ),
  };
}

/** Passages by piece, each piece's in id order. */
function groupPassages(passages: readonly PassageRow[]): Map<string, PassageRow[]> {
  const byPiece = new Map<string, PassageRow[]>();
  for (const passage of [...passages].sort((a, b) => compareTerms(a.id, b.id))) {
    const list = byPiece.get(passage.pieceId);
    if (list) list.push(passage);
    else byPiece.set(passage.pieceId, [passage]);
  }
  return byPiece;
}

/** Same documents as `pieceDocs`, analysed straight into a segment builder. */
function buildPieceDocs(
  builder: SegmentBuilder,
  state: SearchStateRow,
  piece: PieceRow,
  content: ContentRow | undefined,
  passages: PassageRow[],
): SearchDocsRow {
  const capturedAt = capturedMs(piece);
  const own: DocInfo = {
    doc: state.nextDoc++,
    pieceId: piece.id,
    passageId: '',
    capturedAt,
    length: 0,
  };
  builder.beginDoc(own);
  own.length = builder.addText(content?.textContent ?? '', FIELD_BODY);
  builder.addText(piece.title, FIELD_TITLE);
  builder.addText(piece.note, FIELD_NOTE);
  builder.endDoc();
  const docs = [own.doc];
  for (const passage of passages) {
    const info: DocInfo = {
      doc: state.nextDoc++,
      pieceId: piece.id,
      passageId: passage.id,
      capturedAt,
      length: 0,
    };
    builder.beginDoc(info);
    info.length = builder.addText(passage.quote, FIELD_BODY);
    builder.addText(passage.note, FIELD_NOTE);
    builder.endDoc();
    docs.push(info.doc);
  }
  return docsRow(piece, docs, passages);
}

function tailRow(doc: NewDoc): SearchTailRow {
  const terms = [...doc.analysed.terms.keys()].sort(compareTerms);
  const meta = new Uint8Array(terms.length);
  terms.forEach((term, i) => (meta[i] = doc.analysed.terms.get(term)!));
  return {
    doc: doc.info.doc,
    pieceId: doc.info.pieceId,
    passageId: doc.info.passageId,
    capturedAt: doc.info.capturedAt,
    length: doc.info.length,
    terms: terms.join(' '),
    meta,
  };
}

async function appendToTail(t: SearchTables, state: SearchStateRow, docs: NewDoc[]): Promise<void> {
  if (docs.length === 0) return;
  const rows = docs.map(tailRow);
  await t.tail.bulkPut(rows);
  state.tailDocs += rows.length;
  state.tailPostings += rows.reduce((sum, row) => sum + row.meta.length, 0);
  state.docCount += rows.length;
  if (state.tailPostings > TAIL_MAX_POSTINGS) await sealTail(t, state);
}

async function writeSegment(
  t: SearchTables,
  state: SearchStateRow,
  builder: SegmentBuilder,
  timings: IndexTimings = noTimings(),
): Promise<number> {
  const seg = state.nextSeg++;
  let start = performance.now();
  const { header, blocks } = builder.build(seg);
  timings.build += performance.now() - start;
  start = performance.now();
  await t.blocks.bulkPut(blocks);
  await t.segments.put(header);
  timings.write += performance.now() - start;
  state.segments.push(seg);
  return seg;
}

/** Turns the tail into a segment. */
export async function sealTail(t: SearchTables, state: SearchStateRow): Promise<void> {
  const rows = await t.tail.toArray();
  if (rows.length > 0) {
    const builder = new SegmentBuilder();
    for (const row of rows) {
      const info: DocInfo = {
        doc: row.doc,
        pieceId: row.pieceId,
        passageId: row.passageId,
        capturedAt: row.capturedAt,
        length: row.length,
      };
      builder.addDocTerms(info, row.terms === '' ? [] : row.terms.split(' '), row.meta);
    }
    await writeSegment(t, state, builder);
    await t.tail.clear();
  }
  state.tailDocs = 0;
  state.tailPostings = 0;
  await mergeSegments(t, state);
}

/**
 * Indexes (or re-indexes) pieces with their passages. A few pieces go to the tail; more are
 * written as segments of up to SEGMENT_POSTINGS postings, so memory stays bounded however many
 * pieces there are. Ids of pieces that no longer exist are removed from the index.
 */
/** A piece whose tags alone changed: its row as indexed, and as written. */
export interface RetaggedPiece {
  before: PieceRow;
  after: PieceRow;
}

/** Rows whose tags alone changed (a merge, a deletion, bulk tagging). */
export interface Retagged {
  pieces: readonly RetaggedPiece[];
  /** Passages as written. */
  passages: readonly PassageRow[];
}

/** Docs rows of pieces about to be retagged, asked for before their rows are rewritten. */
export interface DocsReadAhead {
  ids: readonly string[];
  rows: Promise<(SearchDocsRow | undefined)[]>;
}

/**
 * Starts reading the docs rows a recount of `pieceIds` will need, so that the reading overlaps
 * the change of the pieces (in the same transaction).
 */
export function readDocsAhead(t: SearchTables, pieceIds: readonly string[]): DocsReadAhead {
  const rows = t.docs.bulkGet([...pieceIds]);
  // Awaited by the recount; a change that throws first leaves it unawaited, and that is fine.
  rows.catch(() => undefined);
  return { ids: pieceIds, rows };
}

/** Docs rows of `ids`, from what was read ahead and, for the others, read now. */
async function docsRows(
  t: SearchTables,
  ids: readonly string[],
  ahead: DocsReadAhead | undefined,
): Promise<(SearchDocsRow | undefined)[]> {
  const known = new Map<string, SearchDocsRow | undefined>();
  if (ahead) {
    const rows = await ahead.rows;
    ahead.ids.forEach((id, i) => known.set(id, rows[i]));
  }
  const rest = ids.filter((id) => !known.has(id));
  if (rest.length > 0) (await t.docs.bulkGet(rest)).forEach((row, i) => known.set(rest[i]!, row));
  return ids.map((id) => known.get(id));
}

/**
 * After a change of tags alone: re-counts the facets and debate counts of the pieces written
 * and of the pieces of the passages written, without reading their text or other passages
 * again, and starts a new generation, so searches read again which rows carry each tag. A docs
 * row is rewritten only when tags of its passages changed.
 */
export async function recountTagsIn(
  t: SearchTables,
  changed: Retagged,
  ahead?: DocsReadAhead,
): Promise<void> {
  const state = await readState(t);
  const pieces = new Map(changed.pieces.map((change) => [change.after.id, change]));
  const passages = new Map<string, PassageRow[]>();
  for (const passage of changed.passages) {
    const list = passages.get(passage.pieceId);
    if (list) list.push(passage);
    else passages.set(passage.pieceId, [passage]);
  }
  const missing = [...passages.keys()].filter((id) => !pieces.has(id));
  for (const piece of await t.pieces.bulkGet(missing)) {
    if (piece) pieces.set(piece.id, { before: piece, after: piece });
  }
  const ids = [...pieces.keys()];
  const rows = await docsRows(t, ids, ahead);
  const delta = new Map<string, number>();
  const written: SearchDocsRow[] = [];
  rows.forEach((row, i) => {
    const change = pieces.get(ids[i]!)!;
    if (!row) return; // not indexed yet: counted as it is when it is
    let next = row;
    const ofPiece = passages.get(row.pieceId);
    if (ofPiece) {
      const passageTags = [...row.passageTags];
      for (const passage of ofPiece) {
        const at = row.passageIds.indexOf(passage.id);
        if (at >= 0) passageTags[at] = passageTagsOf(passage);
      }
      next = { ...row, passageTags };
      written.push(next);
    }
    uncount(state, delta, change.before, row);
    count(state, delta, change.after, next);
  });
  if (written.length > 0) await t.docs.bulkPut(written);
  await savePairs(t, delta);
  await saveState(t, state);
}

/** Rows of pieces held in memory (an import's): the pieces, their copies, all their passages. */
export interface PieceRows {
  pieces: readonly PieceRow[];
  contents: readonly ContentRow[];
  passages: readonly PassageRow[];
}

export interface IndexOptions {
  onProgress?: (progress: IndexProgress) => void;
  /** The rows to index, held in memory: not read back. */
  rows?: PieceRows;
  /**
   * Pieces rewritten or deleted since they were indexed, as they were then: what they are counted
   * under is taken off. Every other indexed piece is counted under its stored row.
   */
  indexedAs?: ReadonlyMap<string, PieceRow>;
}

/** Indexes (or re-indexes) pieces; an id whose piece no longer exists is removed from the index. */
export async function indexPiecesIn(
  t: SearchTables,
  ids: readonly string[],
  { onProgress, rows, indexedAs }: IndexOptions = {},
): Promise<void> {
  const state = await readState(t);
  ids = [...new Set(ids)];
  const total = ids.length;
  const toTail = ids.length <= TAIL_PIECES;
  // Many pieces: in id order, so that the passages of a chunk are one range of the pieceId index
  // (one cursor, where `anyOf` would seek once per piece).
  const many = !rows && !toTail && ids.length * 2 >= (await t.pieces.count());
  if (many) ids = [...ids].sort(compareTerms);
  // Rows given: looked up in memory, not read back.
  const given = rows && {
    pieces: new Map(rows.pieces.map((p) => [p.id, p])),
    contents: new Map(rows.contents.map((c) => [c.pieceId, c])),
    passages: groupPassages(rows.passages),
  };
  let builder = new SegmentBuilder();
  // An empty index has nothing to remove (a first indexing, a rebuild, an import into nothing).
  const fresh = state.docCount === 0;
  const pairs = new Map<string, number>();
  const timings = noTimings();
  onProgress?.({ done: 0, total, timings });
  for (let start = 0; start < ids.length; start += INDEX_CHUNK) {
    const chunk = ids.slice(start, start + INDEX_CHUNK);
    let clock = performance.now();
    let pieces: (PieceRow | undefined)[];
    let contents: (ContentRow | undefined)[];
    let byPiece: Map<string, PassageRow[]>;
    if (given) {
      pieces = chunk.map((id) => given.pieces.get(id));
      contents = chunk.map((id) => given.contents.get(id));
      byPiece = given.passages;
    } else {
      pieces = await t.pieces.bulkGet(chunk);
      contents = await t.contents.bulkGet(chunk);
      let passages: PassageRow[];
      if (many) {
        const wanted = new Set(chunk);
        passages = (
          await t.passages
            .where('pieceId')
            .between(chunk[0]!, chunk[chunk.length - 1]!, true, true)
            .toArray()
        ).filter((p) => wanted.has(p.pieceId));
      } else passages = await t.passages.where('pieceId').anyOf(chunk).toArray();
      byPiece = groupPassages(passages);
    }
    if (!fresh) {
      const counted = new Map<string, PieceRow>();
      chunk.forEach((id, i) => {
        const piece = indexedAs?.get(id) ?? pieces[i];
        if (piece) counted.set(id, piece);
      });
      await removePieces(t, state, chunk, counted, pairs);
    }
    timings.read += performance.now() - clock;
    clock = performance.now();
    const docRows: SearchDocsRow[] = [];
    const linkRows: SearchLinksRow[] = [];
    const tailDocs: NewDoc[] = [];
    pieces.forEach((piece, i) => {
      if (!piece) return;
      linkRows.push(linksRow(piece, contents[i]));
      const passagesOf = byPiece.get(piece.id) ?? [];
      let row: SearchDocsRow;
      if (toTail) {
        const made = pieceDocs(state, piece, contents[i], passagesOf);
        row = made.row;
        tailDocs.push(...made.docs);
      } else row = buildPieceDocs(builder, state, piece, contents[i], passagesOf);
      docRows.push(row);
      count(state, pairs, piece, row);
    });
    timings.analyse += performance.now() - clock;
    clock = performance.now();
    await t.docs.bulkPut(docRows);
    await t.links.bulkPut(linkRows);
    timings.write += performance.now() - clock;
    if (toTail) await appendToTail(t, state, tailDocs);
    else {
      state.docCount += docRows.reduce((sum, row) => sum + row.docs.length, 0);
      if (builder.postings >= SEGMENT_POSTINGS) {
        await writeSegment(t, state, builder, timings);
        builder = new SegmentBuilder();
      }
    }
    onProgress?.({ done: Math.min(total, start + chunk.length), total, timings });
  }
  if (builder.size > 0) {
    await writeSegment(t, state, builder, timings);
    onProgress?.({ done: total, total, timings }); // with the last segment's time
  }
  await savePairs(t, pairs);
  await compactDead(t, state);
  await mergeSegments(t, state);
  await saveState(t, state);
}

/** Removes pieces from the index; give each one's row as it was indexed (it may be gone). */
export async function removePiecesIn(t: SearchTables, pieces: readonly PieceRow[]): Promise<void> {
  const state = await readState(t);
  const pairs = new Map<string, number>();
  const counted = new Map(pieces.map((piece) => [piece.id, piece]));
  await removePieces(t, state, [...counted.keys()], counted, pairs);
  await savePairs(t, pairs);
  await compactDead(t, state);
  await saveState(t, state);
}

/** Writes a docs row after a change of its passages, and the change of the debate counts. */
async function recountPassages(
  t: SearchTables,
  piece: PieceRow,
  row: SearchDocsRow,
  before: readonly string[],
): Promise<void> {
  const delta = new Map<string, number>();
  addPairKeys(delta, before, -1);
  addPairKeys(delta, rowPairKeys(piece, row), 1);
  await t.docs.put(row);
  await savePairs(t, delta);
}

/** Indexes (or re-indexes) one passage; indexes its whole piece when the piece is not indexed. */
export async function indexPassageIn(t: SearchTables, passageId: string): Promise<void> {
  const passage = await t.passages.get(passageId);
  if (!passage) return; // a deleted passage: see removePassageIn
  const row = await t.docs.get(passage.pieceId);
  if (!row) return indexPiecesIn(t, [passage.pieceId]);
  const piece = await t.pieces.get(passage.pieceId);
  if (!piece) return;
  const state = await readState(t);
  const before = rowPairKeys(piece, row);
  const at = row.passageIds.indexOf(passage.id);
  if (at >= 0) {
    await removeDocs(t, state, [row.docs[at + 1]!]);
    row.docs.splice(at + 1, 1);
    row.passageIds.splice(at, 1);
    row.passageTags.splice(at, 1);
  }
  const analysed = analysePassage(passage);
  const info: DocInfo = {
    doc: state.nextDoc++,
    pieceId: piece.id,
    passageId: passage.id,
    capturedAt: capturedMs(piece),
    length: analysed.length,
  };
  row.docs.push(info.doc);
  row.passageIds.push(passage.id);
  row.passageTags.push(passageTagsOf(passage));
  await recountPassages(t, piece, row, before);
  await appendToTail(t, state, [{ info, analysed }]);
  await saveState(t, state);
}

/** Removes a passage's document; `pieceId` is its piece (the passage row may be gone already). */
export async function removePassageIn(
  t: SearchTables,
  passage: { id: string; pieceId: string },
): Promise<void> {
  const row = await t.docs.get(passage.pieceId);
  const at = row ? row.passageIds.indexOf(passage.id) : -1;
  if (!row || at < 0) return;
  // An indexed piece is stored until `removePiecesIn` takes it out, with its passages.
  const piece = await t.pieces.get(passage.pieceId);
  if (!piece) throw new Error(`The index holds piece ${row.pieceId} without its row as indexed.`);
  const state = await readState(t);
  const before = rowPairKeys(piece, row);
  await removeDocs(t, state, [row.docs[at + 1]!]);
  row.docs.splice(at + 1, 1);
  row.passageIds.splice(at, 1);
  row.passageTags.splice(at, 1);
  await recountPassages(t, piece, row, before);
  await compactDead(t, state);
  await saveState(t, state);
}

/**
 * Rewrites the segments that carry too many deleted documents, once deleted documents are more
 * than a tenth of all (merges drop them too). Reads the segment headers only then.
 */
async function compactDead(t: SearchTables, state: SearchStateRow): Promise<void> {
  if (state.dead.length <= Math.max(1000, state.docCount * 0.1)) return;
  const headers = await t.segments.bulkGet(state.segments);
  const dead = new Set(state.dead);
  for (const header of headers) {
    if (!header) continue;
    let count = 0;
    for (const doc of header.docs) if (dead.has(doc)) count++;
    if (count > 0 && count >= header.docs.length * MAX_DEAD_SHARE) {
      await rewriteSegments(t, state, [header]);
    }
  }
}

/** Merges the smallest segments while there are more than MAX_SEGMENTS. */
async function mergeSegments(t: SearchTables, state: SearchStateRow): Promise<void> {
  while (state.segments.length > MAX_SEGMENTS) {
    const headers = (await t.segments.bulkGet(state.segments)).filter(
      (h): h is SearchSegmentRow => h !== undefined,
    );
    headers.sort((a, b) => a.postings - b.postings);
    // Merge down to a few below the limit, so that the next seals do not merge again at once.
    const target = MAX_SEGMENTS - 4;
    const group: SearchSegmentRow[] = [];
    let postings = 0;
    for (const header of headers) {
      const enough = headers.length - group.length + 1 <= target;
      if (group.length >= 2 && (enough || postings + header.postings > 2 * SEGMENT_POSTINGS)) {
        break;
      }
      group.push(header);
      postings += header.postings;
    }
    if (group.length < 2 || postings > 2 * SEGMENT_POSTINGS) return;
    await rewriteSegments(t, state, group);
  }
}

/** Replaces segments by one holding their live documents. */
async function rewriteSegments(
  t: SearchTables,
  state: SearchStateRow,
  headers: SearchSegmentRow[],
): Promise<void> {
  const dead = new Set(state.dead);
  // New numbering: live documents of all the segments, by global number.
  const all: { doc: number; header: number; local: number }[] = [];
  headers.forEach((header, h) => {
    header.docs.forEach((doc, local) => {
      if (!dead.has(doc)) all.push({ doc, header: h, local });
    });
  });
  all.sort((a, b) => a.doc - b.doc);
  const builder = new SegmentBuilder();
  const remap = headers.map((header) => new Int32Array(header.docs.length).fill(-1));
  for (const entry of all) {
    const header = headers[entry.header]!;
    const pieceIds = pieceIdsOf(header);
    const passageIds = passageIdsOf(header);
    const piece = header.docPiece[entry.local]!;
    const passageId = passageIds[entry.local]!;
    const local = builder.addBareDoc({
      doc: entry.doc,
      pieceId: pieceIds[piece]!,
      passageId,
      capturedAt: passageId === '' ? header.capturedAt[piece]! : NaN,
      length: header.docLength[entry.local]!,
    });
    remap[entry.header]![entry.local] = local;
  }
  let docs = new Uint32Array(1024);
  let meta = new Uint8Array(1024);
  for (let h = 0; h < headers.length; h++) {
    const header = headers[h]!;
    const blocks = await t.blocks
      .where('[seg+block]')
      .between([header.seg, 0], [header.seg, Infinity])
      .toArray();
    const map = remap[h]!;
    for (const block of blocks) {
      for (let i = 0; i < block.terms.length; i++) {
        const df = block.dfs[i]!;
        if (df > docs.length) {
          docs = new Uint32Array(df * 2);
          meta = new Uint8Array(df * 2);
        }
        decodePostings(block, i, docs, meta);
        const term = block.terms[i]!;
        for (let k = 0; k < df; k++) {
          const local = map[docs[k]!]!;
          if (local >= 0) builder.addPosting(term, local, meta[k]!);
        }
      }
    }
  }
  const merged = new Set(headers.map((h) => h.seg));
  for (const header of headers) {
    await t.blocks.where('[seg+block]').between([header.seg, 0], [header.seg, Infinity]).delete();
    await t.segments.delete(header.seg);
  }
  state.segments = state.segments.filter((seg) => !merged.has(seg));
  const gone = new Set<number>();
  for (const header of headers) for (const doc of header.docs) if (dead.has(doc)) gone.add(doc);
  state.dead = state.dead.filter((doc) => !gone.has(doc));
  if (builder.size > 0) await writeSegment(t, state, builder);
}

const splitCache = new WeakMap<SearchSegmentRow, { pieces: string[]; passages: string[] }>();

function splitIds(header: SearchSegmentRow): { pieces: string[]; passages: string[] } {
  let split = splitCache.get(header);
  if (!split) {
    split = { pieces: header.pieceIds.split('\n'), passages: header.passageIds.split('\n') };
    splitCache.set(header, split);
  }
  return split;
}

export const pieceIdsOf = (header: SearchSegmentRow) => splitIds(header).pieces;
export const passageIdsOf = (header: SearchSegmentRow) => splitIds(header).passages;

/** Empties the index and indexes every piece again. */
export async function rebuildIn(
  t: SearchTables,
  onProgress?: (progress: IndexProgress) => void,
): Promise<void> {
  await Dexie.Promise.all([
    t.state.clear(),
    t.segments.clear(),
    t.blocks.clear(),
    t.tail.clear(),
    t.docs.clear(),
    t.pairs.clear(),
    t.links.clear(),
  ]);
  const ids = (await t.pieces.toCollection().primaryKeys()) as string[];
  await t.state.put(newState());
  await indexPiecesIn(t, ids, { onProgress });
}
