/**
 * Facet counts kept with the index: how many pieces carry each author, theme and site. The
 * library paints its sidebar from them before it has read 20,000 pieces.
 */
import type { PieceRow } from '../model/records';

export interface FacetCounts {
  authors: Map<string, number>;
  themes: Map<string, number>;
  sites: Map<string, number>;
}

const AUTHOR = 'a:';
const THEME = 't:';
const SITE = 's:';

/** The keys a piece is counted under (each once). */
export function facetKeysOf(piece: PieceRow): string[] {
  const keys = new Set<string>();
  for (const id of piece.authorIds) keys.add(AUTHOR + id);
  for (const id of piece.themeIds) keys.add(THEME + id);
  if (piece.siteName) keys.add(SITE + piece.siteName);
  return [...keys];
}

/** Adds (`+1`) or takes off (`-1`) one piece's keys; counts that reach zero are dropped. */
export function countFacets(counts: Record<string, number>, keys: string[], step: 1 | -1): void {
  for (const key of keys) {
    const next = (counts[key] ?? 0) + step;
    if (next > 0) counts[key] = next;
    else delete counts[key];
  }
}

/** Stored counts as maps by tag id and site name. */
export function facetMaps(counts: Record<string, number>): FacetCounts {
  const maps: FacetCounts = { authors: new Map(), themes: new Map(), sites: new Map() };
  for (const [key, count] of Object.entries(counts)) {
    const map = key.startsWith(AUTHOR)
      ? maps.authors
      : key.startsWith(THEME)
        ? maps.themes
        : maps.sites;
    map.set(key.slice(2), count);
  }
  return maps;
}
