/** The sidebar's facets and the tag lists of the library's forms, from the tags and counts. */
import type { TagRow } from '../model/records';
import type { FacetCounts } from '../search/facets';

interface FacetEntry {
  id: string;
  name: string;
  count: number;
  color: string | null;
}

/**
 * The authors (or themes) the counts hold, and those chosen even when none is shown now (so they
 * can be unchosen); most pieces first, then A–Z.
 */
export function facetEntries(
  tags: readonly TagRow[],
  counts: FacetCounts,
  kind: TagRow['kind'],
  chosen: readonly string[],
): FacetEntry[] {
  const map = kind === 'author' ? counts.authors : counts.themes;
  return tags
    .filter((t) => t.kind === kind && (map.has(t.id) || chosen.includes(t.id)))
    .map((t) => ({ id: t.id, name: t.name, count: map.get(t.id) ?? 0, color: t.color }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** The sites with their counts, in the order the counts hold them. */
export function siteEntries(sites: ReadonlyMap<string, number>): { name: string; count: number }[] {
  return [...sites].map(([name, count]) => ({ name, count }));
}

/** The names of the tags of a kind, for suggestions. */
export function tagNamesOfKind(tags: readonly TagRow[], kind: TagRow['kind']): string[] {
  return tags.filter((t) => t.kind === kind).map((t) => t.name);
}

/** A list with `id` added, or taken out when it is there. */
export function toggled(list: readonly string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}
