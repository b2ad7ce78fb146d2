/**
 * What the library list shows, worked out from the collection, the view and the search. Pure
 * functions: the page memoises each on its arguments.
 */
import type { PassageRow, PieceRow, TagRow } from '../model/records';
import type { FacetCounts } from '../search/facets';
import type { FirstScreen } from '../collection/first-screen';
import {
  facetCounts,
  filterPieces,
  filterTagged,
  sortPieces,
  type LibraryView,
  type SortKey,
  type TaggedPieces,
} from './view';

/** What a search found, as the list reads it. */
export interface SearchMatches {
  /** Piece ids in rank order (only the keys are read). */
  pieceHits: ReadonlyMap<string, unknown>;
  /** Piece ids → rank score. */
  scores: ReadonlyMap<string, number>;
  passageIds: ReadonlySet<string>;
}

/**
 * The pieces the filters let through, in list order: from the already sorted list, or while
 * searching only the matches, sorted by `sort`.
 */
export function shownPieces(
  ordered: TaggedPieces,
  piecesById: ReadonlyMap<string, PieceRow>,
  filters: LibraryView,
  search: SearchMatches | null,
  sort: SortKey,
): readonly PieceRow[] {
  if (!search) return filterTagged(ordered, filters);
  const found = [...search.pieceHits.keys()].flatMap((id) => piecesById.get(id) ?? []);
  return sortPieces(filterPieces(found, filters), sort, search.scores);
}

/** The facet counts of the shown pieces; those of the collection when it is shown whole. */
export function shownCounts(
  shown: readonly PieceRow[],
  pieces: readonly PieceRow[],
  collectionCounts: FacetCounts,
): FacetCounts {
  return shown.length === pieces.length ? collectionCounts : facetCounts(shown);
}

/** The open piece: found among the first screen's pieces until every piece is read. */
export function findOpenPiece(
  id: string | null,
  piecesById: ReadonlyMap<string, PieceRow> | null,
  firstScreen: FirstScreen | null,
): PieceRow | undefined {
  if (!id) return undefined;
  return piecesById ? piecesById.get(id) : firstScreen?.pieces.find((p) => p.id === id);
}

/** The pieces the passages are on, each once. */
export function piecesOfPassages(passages: readonly PassageRow[]): string[] {
  return [...new Set(passages.map((p) => p.pieceId))];
}

/** The names of the tags `ids`, in that order; unknown ids are left out. */
export function tagNames(ids: readonly string[], tagsById: ReadonlyMap<string, TagRow>): string[] {
  return ids.flatMap((id) => tagsById.get(id)?.name ?? []);
}
