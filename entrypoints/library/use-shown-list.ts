/**
 * What the list and the sidebar show for a view, each step memoised on what it reads: sorting
 * 20,000 pieces happens once per change of the collection or of the order (kept while a search
 * runs, so clearing the search does not sort again); filtering keeps that order; while searching
 * only the matches are filtered and sorted (by relevance by default).
 */
import { useMemo, useRef } from 'preact/hooks';
import type { PassageRow, TagRow } from '../../lib/model/records';
import { facetEntries, siteEntries } from '../../lib/library/facets';
import { shownCounts, shownPieces, type SearchMatches } from '../../lib/library/list';
import { listRows } from '../../lib/library/rows';
import {
  effectiveSort,
  facetCounts,
  filterPassages,
  listsEveryPieceNewestFirst,
  sameFilters,
  sortPieces,
  tagPieces,
  type LibraryView,
} from '../../lib/library/view';
import type { PieceList } from './queries';

const NO_PASSAGES: PassageRow[] = [];

/** `value`, or the one of an earlier render while `same` holds: a memo key rebuilt each render. */
function useKept<T>(value: T, same: (kept: T, value: T) => boolean): T {
  const kept = useRef(value);
  if (!same(kept.current, value)) kept.current = value;
  return kept.current;
}

const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r]));

export function useShownList(
  view: LibraryView,
  { pieces, firstScreen }: PieceList,
  tags: readonly TagRow[] | undefined,
  passages: readonly PassageRow[] | undefined,
  search: SearchMatches | null,
) {
  // Until every piece is read, a plain list shows its first screen.
  const shownFirst =
    pieces === undefined && firstScreen && listsEveryPieceNewestFirst(view) ? firstScreen : null;
  const tagsById = useMemo(() => byId(tags ?? []), [tags]);
  const piecesById = useMemo(() => byId(pieces ?? []), [pieces]);
  // The view as the filters see it, renewed only when a filter changes: typing in the search box
  // changes the view but not them (its `q` may lag; nothing that reads `filters` uses it).
  const filters = useKept(view, sameFilters);

  const listSort = view.sort ?? 'captured';
  const ordered = useMemo(() => tagPieces(sortPieces(pieces ?? [], listSort)), [pieces, listSort]);
  const sort = effectiveSort(view);
  const sorted = useMemo(
    () => shownFirst?.pieces ?? shownPieces(ordered, piecesById, filters, search, sort),
    [shownFirst, ordered, piecesById, filters, search, sort],
  );
  // Counting 20,000 pieces is kept for when the view lets them all through (no filter, no search).
  const allCounts = useMemo(() => facetCounts(pieces ?? []), [pieces]);
  const counts = useMemo(
    () => shownFirst?.counts ?? shownCounts(sorted, pieces ?? [], allCounts),
    [shownFirst, sorted, pieces, allCounts],
  );
  const shownPassages = useMemo(
    () =>
      passages
        ? filterPassages(passages, piecesById, filters, search?.passageIds ?? null)
        : NO_PASSAGES,
    [passages, piecesById, filters, search],
  );
  const { view: kind, group } = view;
  const rows = useMemo(
    () => listRows(kind, group, sorted, shownPassages, tagsById),
    [kind, group, sorted, shownPassages, tagsById],
  );

  // Kept from render to render while the counts stand (a keystroke alone changes nothing here).
  const { authors, themes } = filters;
  const authorItems = useMemo(
    () => facetEntries(tags ?? [], counts, 'author', authors),
    [tags, counts, authors],
  );
  const themeItems = useMemo(
    () => facetEntries(tags ?? [], counts, 'theme', themes),
    [tags, counts, themes],
  );
  // Every site of the collection with its count, whatever the filters: switching sites needs no
  // clearing first, and filtering does not rebuild a hundred options.
  const siteCounts = (shownFirst?.counts ?? allCounts).sites;
  const siteItems = useMemo(() => siteEntries(siteCounts), [siteCounts]);

  const loading = tags === undefined || (pieces === undefined && !shownFirst);
  // Every piece (known from the first screen while only it is read).
  const total = shownFirst?.total ?? pieces?.length ?? 0;
  const resultLabel = loading
    ? 'Loading…'
    : kind === 'passages'
      ? `${shownPassages.length} of ${passages?.length ?? 0} passages`
      : `${shownFirst?.total ?? sorted.length} of ${total} pieces`;
  return {
    rows,
    pieces: sorted,
    passages: shownPassages,
    firstScreenOnly: shownFirst !== null,
    tagsById,
    piecesById,
    authorItems,
    themeItems,
    siteItems,
    loading,
    total,
    resultLabel,
  };
}
