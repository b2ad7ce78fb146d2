/**
 * What the library shows, as plain data: filters, sort, grouping, and the open piece. It lives
 * in the page's query string so a view can be bookmarked and reloaded. Pure functions only.
 */
import type { PassageRow, PieceRow, TagRow } from '../db/schema';

export type SortKey = 'relevance' | 'captured' | 'published' | 'title';
export type GroupKey = 'none' | 'author' | 'theme';
export type ViewKind = 'pieces' | 'passages';
export type MatchMode = 'all' | 'any';
export type DateField = 'captured' | 'published';

export interface LibraryView {
  /** Search text. */
  q: string;
  /** Theme tag ids; a piece must carry all of them (`themeMode: 'all'`) or any. */
  themes: string[];
  themeMode: MatchMode;
  /** Author tag ids; a piece by any of them matches. */
  authors: string[];
  site: string | null;
  /** Inclusive day range `YYYY-MM-DD` on `dateField`. */
  from: string | null;
  to: string | null;
  dateField: DateField;
  /** null: relevance while searching, newest clipped first otherwise. */
  sort: SortKey | null;
  group: GroupKey;
  view: ViewKind;
  /** The piece open in the reader. */
  piece: string | null;
}

export const DEFAULT_VIEW: LibraryView = {
  q: '',
  themes: [],
  themeMode: 'all',
  authors: [],
  site: null,
  from: null,
  to: null,
  dateField: 'captured',
  sort: null,
  group: 'none',
  view: 'pieces',
  piece: null,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.find((option) => option === value) ?? fallback;
}

function list(value: string | null): string[] {
  return value ? value.split(',').filter(Boolean) : [];
}

/** Reads a view from a query string; unknown or malformed values fall back to the defaults. */
export function parseView(search: string): LibraryView {
  const params = new URLSearchParams(search);
  const day = (name: string) => {
    const value = params.get(name);
    return value && DAY.test(value) ? value : null;
  };
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    themes: list(params.get('themes')),
    themeMode: oneOf(params.get('themeMode'), ['all', 'any'], 'all'),
    authors: list(params.get('authors')),
    site: params.get('site') || null,
    from: day('from'),
    to: day('to'),
    dateField: oneOf(params.get('dateField'), ['captured', 'published'], 'captured'),
    sort: sort
      ? oneOf<SortKey>(sort, ['relevance', 'captured', 'published', 'title'], 'captured')
      : null,
    group: oneOf(params.get('group'), ['none', 'author', 'theme'], 'none'),
    view: oneOf(params.get('view'), ['pieces', 'passages'], 'pieces'),
    piece: params.get('piece') || null,
  };
}

/** The query string of a view, without the defaults (so the plain library is `?`). */
export function viewToSearch(view: LibraryView): string {
  const params = new URLSearchParams();
  const set = (name: string, value: string | null, fallback: string | null = null) => {
    if (value !== null && value !== '' && value !== fallback) params.set(name, value);
  };
  set('q', view.q);
  set('themes', view.themes.join(','));
  set('themeMode', view.themeMode, DEFAULT_VIEW.themeMode);
  set('authors', view.authors.join(','));
  set('site', view.site);
  set('from', view.from);
  set('to', view.to);
  set('dateField', view.dateField, DEFAULT_VIEW.dateField);
  set('sort', view.sort);
  set('group', view.group, DEFAULT_VIEW.group);
  set('view', view.view, DEFAULT_VIEW.view);
  set('piece', view.piece);
  const query = params.toString();
  return query ? `?${query}` : '';
}

function inDayRange(iso: string | null, from: string | null, to: string | null): boolean {
  if (!from && !to) return true;
  if (!iso) return false;
  const day = iso.slice(0, 10);
  return (!from || day >= from) && (!to || day <= to);
}

/** Whether a piece passes the view's tag, site and date filters (search aside). */
export function pieceMatches(piece: PieceRow, view: LibraryView): boolean {
  const themes = view.themes;
  if (themes.length > 0) {
    const has = (id: string) => piece.themeIds.includes(id);
    if (view.themeMode === 'all' ? !themes.every(has) : !themes.some(has)) return false;
  }
  if (view.authors.length > 0 && !piece.authorIds.some((id) => view.authors.includes(id))) {
    return false;
  }
  if (view.site && piece.siteName !== view.site) return false;
  const date = view.dateField === 'published' ? piece.publishedTime : piece.capturedAt;
  return inDayRange(date, view.from, view.to);
}

/**
 * The pieces the view's filters let through (search aside: pass `matches`, the ids the search
 * found, or null when there is no search).
 */
export function filterPieces(
  pieces: readonly PieceRow[],
  view: LibraryView,
  matches: ReadonlySet<string> | null = null,
): PieceRow[] {
  return pieces.filter((piece) => (!matches || matches.has(piece.id)) && pieceMatches(piece, view));
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Newest first for dates (undated last), A–Z for titles, best first for relevance. */
export function sortPieces(
  pieces: readonly PieceRow[],
  sort: SortKey,
  scores: ReadonlyMap<string, number> = new Map(),
): PieceRow[] {
  const byDate = (field: 'capturedAt' | 'publishedTime') => (a: PieceRow, b: PieceRow) => {
    const x = a[field] ?? '';
    const y = b[field] ?? '';
    return x === y ? 0 : x < y ? 1 : -1;
  };
  const compare: Record<SortKey, (a: PieceRow, b: PieceRow) => number> = {
    captured: byDate('capturedAt'),
    published: (a, b) => byDate('publishedTime')(a, b) || byDate('capturedAt')(a, b),
    title: (a, b) => collator.compare(a.title, b.title),
    relevance: (a, b) =>
      (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0) || byDate('capturedAt')(a, b),
  };
  return [...pieces].sort(compare[sort]);
}

/** The sort a view means: its own, or relevance while searching, else newest clipped. */
export function effectiveSort(view: LibraryView): SortKey {
  return view.sort ?? (view.q.trim() ? 'relevance' : 'captured');
}

export interface PieceGroup {
  /** Tag id, or '' for the pieces without such a tag. */
  key: string;
  label: string;
  pieces: PieceRow[];
}

/**
 * Groups by author or theme, groups A–Z and "No author"/"No theme" last; a piece with two themes
 * is listed under both. Order inside a group is kept.
 */
export function groupPieces(
  pieces: readonly PieceRow[],
  group: Exclude<GroupKey, 'none'>,
  tagsById: ReadonlyMap<string, TagRow>,
): PieceGroup[] {
  const groups = new Map<string, PieceRow[]>();
  for (const piece of pieces) {
    const ids = group === 'author' ? piece.authorIds : piece.themeIds;
    const known = ids.filter((id) => tagsById.has(id));
    for (const id of known.length ? known : ['']) {
      let members = groups.get(id);
      if (!members) groups.set(id, (members = []));
      members.push(piece);
    }
  }
  const none = group === 'author' ? 'No author' : 'No theme';
  return [...groups]
    .map(([key, members]) => ({ key, label: tagsById.get(key)?.name ?? none, pieces: members }))
    .sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : collator.compare(a.label, b.label)));
}

export interface FacetCounts {
  authors: Map<string, number>;
  themes: Map<string, number>;
  sites: Map<string, number>;
}

/** How many of `pieces` carry each author, theme and site. */
export function facetCounts(pieces: readonly PieceRow[]): FacetCounts {
  const counts: FacetCounts = { authors: new Map(), themes: new Map(), sites: new Map() };
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const piece of pieces) {
    for (const id of piece.authorIds) add(counts.authors, id);
    for (const id of piece.themeIds) add(counts.themes, id);
    if (piece.siteName) add(counts.sites, piece.siteName);
  }
  return counts;
}

/**
 * The passages the view lets through, newest first. A passage carries its own tags and those of
 * its piece (a passage quoting Kagarlitsky in a piece by someone else is found under both); site
 * and dates are the piece's. `matches`: passage ids the search found, or null.
 */
export function filterPassages(
  passages: readonly PassageRow[],
  piecesById: ReadonlyMap<string, PieceRow>,
  view: LibraryView,
  matches: ReadonlySet<string> | null = null,
): PassageRow[] {
  const result: PassageRow[] = [];
  for (const passage of passages) {
    if (matches && !matches.has(passage.id)) continue;
    const piece = piecesById.get(passage.pieceId);
    if (!piece) continue;
    const merged: PieceRow = {
      ...piece,
      authorIds: [...passage.authorIds, ...piece.authorIds],
      themeIds: [...passage.themeIds, ...piece.themeIds],
    };
    if (pieceMatches(merged, view)) result.push(passage);
  }
  return result.sort((a, b) =>
    a.createdAt === b.createdAt ? 0 : a.createdAt < b.createdAt ? 1 : -1,
  );
}
