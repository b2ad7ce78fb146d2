/**
 * Rows of the search index (schema version 2). The index is a small log-structured inverted index
 * kept in IndexedDB:
 *
 * - a **document** is a piece (its title, note and stored copy) or a passage (its quote and note),
 *   numbered by a counter that never goes back (`doc`);
 * - a **segment** is an immutable inverted index of some documents: a header
 *   (`searchSegments`: which documents, their pieces, lengths, and the first term of each block)
 *   and blocks of about 16 KB (`searchBlocks`: sorted terms with their postings, delta- and
 *   varint-coded). A segment is written once and never changed, so it can be cached anywhere;
 * - the **tail** (`searchTail`) holds the documents added since the last segment was sealed, one
 *   row each (their distinct terms): saving a piece writes a few rows, not a segment;
 * - `searchPairs` keeps the debate table's counts (./pairs.ts), `searchLinks` each piece's links;
 * - `searchDocs` says which documents each piece has (to remove them), and `searchState` the
 *   list of live segments, the documents deleted from them (until a merge drops them), counters
 *   and a generation number that every write increments.
 *
 * Authors and themes are not in the index: they are matched through the tags table at query time.
 */

import type { PassageTags } from './pairs';

export type { PairCountsRow } from './pairs';

/** Field flags of a posting (low 3 bits of its byte; the tf, capped, is in the high 5 bits). */
export const FIELD_TITLE = 1;
/** A piece's note, or a passage's note. */
export const FIELD_NOTE = 2;
/** A piece's stored copy, or a passage's quote. */
export const FIELD_BODY = 4;
export const MAX_TF = 31;

/** Terms of titles and piece notes are also indexed under this mark, for one-letter prefixes. */
export const SHORT_FIELD_MARK = '\u0001';

export interface SearchStateRow {
  id: 'index';
  /** Random, new at each rebuild: caches of segments are keyed by it. */
  indexId: string;
  /** +1 on every write of the index. */
  generation: number;
  nextDoc: number;
  nextSeg: number;
  /** Live segments, oldest first. */
  segments: number[];
  /** Documents removed from sealed segments (still in their blocks until a merge). */
  dead: number[];
  /** Live documents (sealed, not dead, and tail). */
  docCount: number;
  tailDocs: number;
  tailPostings: number;
  /**
   * Pieces per facet key (see ./facets.ts): the library's author, theme and site counts, kept
   * here because every write of a piece passes through this index in its own transaction.
   */
  facets: Record<string, number>;
}

export interface SearchSegmentRow {
  seg: number;
  /** Global document numbers, ascending; postings name documents by their index here. */
  docs: Uint32Array;
  /** Index of each document's piece in `pieceIds`. */
  docPiece: Uint32Array;
  /** Tokens in each document (capped at 65,535). */
  docLength: Uint16Array;
  /** Passage id of each document, '' for a piece's own document; joined by '\n'. */
  passageIds: string;
  /** The pieces of these documents, joined by '\n'. */
  pieceIds: string;
  /** `capturedAt` (ms) of each piece whose own document is here, else NaN. */
  capturedAt: Float64Array;
  /** First term of each block. */
  blockFirstTerms: string[];
  postings: number;
  /** Approximate bytes of the blocks. */
  bytes: number;
}

export interface SearchBlockRow {
  seg: number;
  block: number;
  /** Sorted (UTF-16 code unit order, as IndexedDB sorts). */
  terms: string[];
  /** Documents of each term. */
  dfs: Uint32Array;
  /** Start of each term's postings in `data` (terms.length + 1 entries). */
  offsets: Uint32Array;
  /**
   * Per term, per document: varint of (delta of the document index << 1 | 1 when a field/tf byte
   * follows); without that byte the document has the term once, in its body.
   */
  data: Uint8Array;
}

export interface SearchTailRow {
  doc: number;
  pieceId: string;
  /** '' for a piece's own document. */
  passageId: string;
  capturedAt: number;
  length: number;
  /** Distinct terms, sorted, joined by ' '. */
  terms: string;
  /** One field/tf byte per term. */
  meta: Uint8Array;
}

export interface SearchDocsRow {
  pieceId: string;
  /** The piece's own document, then one per passage (`passageIds[i]` ↔ `docs[i + 1]`). */
  docs: number[];
  passageIds: string[];
  /**
   * Each passage's own tags (`passageIds[i]` ↔ `passageTags[i]`): with the piece's row, what the
   * piece and its passages are counted under in the facet and debate counts (./pairs.ts). The
   * piece's tags are not copied here, so a change of its tags alone leaves this row as it is.
   * (Rows written before this change also hold `facets`, those keys: unread, and not rewritten,
   * as rewriting every row of a large collection takes seconds.)
   */
  passageTags: PassageTags[];
}

/** What a piece's stored copy links to (./../connections/links.ts keys), and what it answers to. */
export interface SearchLinksRow {
  pieceId: string;
  /** Keys of the piece's own addresses (canonical and clipped from). */
  selves: string[];
  /** Keys of the pages its stored copy links to, each once, itself left out. */
  targets: string[];
}
