/**
 * Full-text search of the collection: pieces (title, authors, themes, note, stored copy,
 * passages) and passages (quote, note, authors, themes), accent- and case-insensitive (folded as
 * tag keys are), every word required, the last one as a prefix while it is typed, ranked.
 *
 * The index lives in the same database (tables `search*`, schema version 2; layout in ./types.ts):
 * immutable segments of compressed postings plus a small tail of recent documents, so memory
 * stays bounded (a search keeps segment headers, a view of live documents, at most
 * BLOCK_CACHE_BYTES of blocks and the texts of recent snippets) and bodies are never re-read to
 * search, only to cut the snippets of the hits on screen.
 *
 * It is kept current by the write paths of lib/collection, inside their own transactions, which
 * must include SEARCH_TABLES (pieces, contents, passages and the index's tables); see
 * `writeTransaction` in lib/collection/write.ts:
 *
 *     writeTransaction(db, async () => {
 *       const { piece, replaced } = ...write the piece and its copy (lib/db)...;
 *       await indexPiece(db, piece.id, replaced);
 *     });
 *
 * - saving a piece (new or again): `indexPiece` (it re-indexes the piece's passages too);
 * - deleting a piece: `removePieceFromIndex`;
 * - adding or editing a passage: `indexPassage`; deleting one: `removePassageFromIndex`;
 * - an import: `indexPieceRows` with the rows it wrote (or `indexPieces` with their ids);
 * - a change of tags alone: `recountTags`;
 * - anything else (repair): `rebuildSearchIndex`.
 *
 * The facet and debate counts are of the pieces' rows as indexed; a write that replaces or
 * deletes a piece row gives the row it replaced, so what it was counted under is taken off.
 *
 * Authors and themes are matched through the tags table at query time: renaming or merging a tag
 * needs no re-indexing, and neither does changing a piece's authors or themes.
 *
 * Prefixes of one or two letters complete only in titles and notes (and authors and themes); in
 * stored copies and quotes they match the word itself. From three letters on, they complete
 * everywhere.
 */
import type Dexie from 'dexie';
import type { PieceRow } from '../model/records';
import { facetMaps, type FacetCounts } from './facets';
import { pairRowsOfKeys, type PairCountsRow } from './pairs';
import {
  SEARCH_TABLES,
  indexPassageIn,
  indexPiecesIn,
  readDocsAhead,
  rebuildIn,
  recountTagsIn,
  removePassageIn,
  rowPairKeys,
  removePiecesIn,
  searchTables,
  type DocsReadAhead,
  type IndexProgress,
  type PieceRows,
  type Retagged,
  type SearchTables,
  type TableSource,
} from './writer';

export { SEARCH_INDEX_TABLES, SEARCH_READ_TABLES, SEARCH_TABLES } from './writer';
export type { IndexProgress, PieceRows } from './writer';
export { addSnippets, prepareSearch, searchPieces, searchPassages } from './query';
export type { PassageField, PassageHit, PieceField, SearchHit, SearchOptions } from './query';
export type { Snippet } from './snippet';
export { forEachTerm, parseQuery, tokenize, type QueryWord } from './tokenize';
export { forgetSearchCache } from './cache';
export type { FacetCounts };
export type { PairCountsRow } from './pairs';
export { readConnections, readLinkPairs, type Connections } from './connections';

/**
 * The debate table's counts as kept by the index (./pairs.ts): one row per author and one (`''`)
 * for every piece and passage. Nothing else is read.
 */
export async function readPairCounts(db: Dexie): Promise<PairCountsRow[]> {
  return searchTables(db).pairs.toArray();
}

/**
 * The same counts for some pieces only (those a filter lets through): theirs, with their
 * passages' from the docs rows.
 */
export async function readPairCountsOf(
  db: Dexie,
  pieces: readonly PieceRow[],
): Promise<PairCountsRow[]> {
  const rows = await searchTables(db).docs.bulkGet(pieces.map((piece) => piece.id));
  return pairRowsOfKeys(rows.flatMap((row, i) => (row ? rowPairKeys(pieces[i]!, row) : [])));
}

/**
 * How many pieces carry each author, theme and site, as kept by the index (no piece is read).
 * Call it inside a transaction that includes `searchState`, or on its own.
 */
export async function readFacetCounts(db: Dexie): Promise<FacetCounts> {
  const state = await searchTables(db).state.get('index');
  return facetMaps(state?.facets ?? {});
}

/**
 * Runs `fn` in a read-write transaction over SEARCH_TABLES (a part of the caller's transaction
 * when there is one). Tables are taken from the transaction object, bound to it: Dexie's
 * tracking of the current transaction across `await`s is not relied upon.
 */
function write<T>(db: Dexie, fn: (t: SearchTables) => Promise<T>): Promise<T> {
  return db.transaction('rw', [...SEARCH_TABLES], (tx) => fn(searchTables(tx)));
}

/**
 * Indexes (or re-indexes) a piece with its title, note, stored copy and passages. Call it in the
 * transaction that writes the piece (it must include SEARCH_TABLES), or on its own. Give the row
 * the write replaced (`indexedAs`): that is what the piece was counted under. Without it, the
 * stored row is (a new piece, or one whose row was not rewritten).
 */
export function indexPiece(db: Dexie, pieceId: string, indexedAs?: PieceRow): Promise<void> {
  const replaced = new Map(indexedAs ? [[pieceId, indexedAs]] : []);
  return write(db, (t) => indexPiecesIn(t, [pieceId], { indexedAs: replaced }));
}

/**
 * Indexes (or re-indexes) many pieces, a chunk at a time (for imports): memory stays bounded
 * however many there are. Same transaction rules as `indexPiece`; `indexedAs` holds the rows
 * replaced by the write, as they were indexed.
 */
export function indexPieces(
  db: Dexie,
  pieceIds: readonly string[],
  onProgress?: (progress: IndexProgress) => void,
  indexedAs?: ReadonlyMap<string, PieceRow>,
): Promise<void> {
  return write(db, (t) => indexPiecesIn(t, pieceIds, { indexedAs, onProgress }));
}

/**
 * Indexes (or re-indexes) pieces from rows already in memory, without reading them back: what an
 * import has just written. `rows.passages` must hold every passage of these pieces. Same
 * transaction rules as `indexPiece`.
 */
export function indexPieceRows(
  db: Dexie,
  rows: PieceRows,
  onProgress?: (progress: IndexProgress) => void,
): Promise<void> {
  return write(db, (t) =>
    indexPiecesIn(
      t,
      rows.pieces.map((p) => p.id),
      { onProgress, rows },
    ),
  );
}

/**
 * Keeps the index current after a change of tags alone (see `recountTagsIn`), in transaction
 * `tx` (over SEARCH_TABLES): give every piece and passage written, and what `readAhead` read.
 */
export function recountTags(
  tx: TableSource,
  written: Retagged,
  ahead?: DocsReadAhead,
): Promise<void> {
  return recountTagsIn(searchTables(tx), written, ahead);
}

/**
 * Starts reading what `recountTags` of these pieces will need, in transaction `tx`, before
 * they are rewritten: the reading overlaps their change.
 */
export function readAhead(tx: TableSource, pieceIds: readonly string[]): DocsReadAhead {
  return readDocsAhead(searchTables(tx), pieceIds);
}

/**
 * Removes a piece and its passages from the index (call it where the piece is deleted), given
 * its row as indexed.
 */
export function removePieceFromIndex(db: Dexie, piece: PieceRow): Promise<void> {
  return write(db, (t) => removePiecesIn(t, [piece]));
}

/**
 * Indexes (or re-indexes) one passage (after it is added or its quote or note changes), cheaper
 * than `indexPiece`. A passage whose piece is not indexed yet indexes the piece.
 */
export function indexPassage(db: Dexie, passageId: string): Promise<void> {
  return write(db, (t) => indexPassageIn(t, passageId));
}

/** Removes a passage from the index; give its piece, since the passage row may be gone. */
export function removePassageFromIndex(
  db: Dexie,
  passage: { id: string; pieceId: string },
): Promise<void> {
  return write(db, (t) => removePassageIn(t, passage));
}

/** Empties the index and indexes every piece again, in one transaction. */
export function rebuildSearchIndex(
  db: Dexie,
  onProgress?: (progress: IndexProgress) => void,
): Promise<void> {
  return write(db, (t) => rebuildIn(t, onProgress));
}
