/**
 * What the library shows, as plain data: filters, sort, grouping, and the open piece. It lives
 * in the page's query string so a view can be bookmarked and reloaded. Pure functions only.
 */
import type { PassageRow, PieceRow, TagRow } from '../model/records';
import type { FacetCounts } from '../search/facets';
import { attributedTags } from '../tags/references';

export type SortKey = 'relevance' | 'captured' | 'published' | 'title';
export type GroupKey = 'none' | 'author' | 'theme';
export type ViewKind = 'pieces' | 'passages';
export type MatchMode = 'all' | 'any';
export type DateField = 'captured' | 'published';
/** A page of the library shown instead of the list. */
export type PanelKind = 'tags' | 'debate';
/**
 * Which tags of a passage a filter tests: its own and its piece's (`either`), or those it is
 * counted under in the debate view (`attributed`: its own when it has any, else its piece's).
 */
export type PassageTags = 'either' | 'attributed';

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
  passageTags: PassageTags;
  /** The piece open in the reader. */
  piece: string | null;
  /** The Tags page instead of the list (null: the list, or the open piece). */
  panel: PanelKind | null;
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
  passageTags: 'either',
  piece: null,
  panel: null,
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
  const panel = params.get('panel');
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
    passageTags: oneOf(params.get('passageTags'), ['either', 'attributed'], 'either'),
    piece: params.get('piece') || null,
    panel: panel === 'tags' || panel === 'debate' ? panel : null,
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
  set('passageTags', view.passageTags, DEFAULT_VIEW.passageTags);
  set('piece', view.piece);
  set('panel', view.panel);
  const query = params.toString();
  return query ? `?${query}` : '';
}

function inDayRange(iso: string | null, from: string | null, to: string | null): boolean {
  if (!from && !to) return true;
  if (!iso) return false;
  const day = iso.slice(0, 10);
  return (!from || day >= from) && (!to || day <= to);
}

/**
 * The view's tag, site and date filters (search aside) as one test, built once per view: the
 * library runs it over 20,000 pieces on every change of a filter.
 */
export function viewFilter(view: LibraryView): (piece: PieceRow) => boolean {
  const { themes, themeMode, site, from, to } = view;
  const authors = new Set(view.authors);
  const dateOf =
    view.dateField === 'published'
      ? (piece: PieceRow) => piece.publishedTime
      : (piece: PieceRow) => piece.capturedAt;
  const themesMatch = (ids: readonly string[]): boolean => {
    if (themes.length === 0) return true;
    let found = 0;
    for (const id of themes) if (ids.includes(id)) found++;
    return themeMode === 'all' ? found === themes.length : found > 0;
  };
  return (piece) => {
    if (!themesMatch(piece.themeIds)) return false;
    if (authors.size > 0 && !piece.authorIds.some((id) => authors.has(id))) return false;
    if (site && piece.siteName !== site) return false;
    return inDayRange(dateOf(piece), from, to);
  };
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
  const passes = viewFilter(view);
  return pieces.filter((piece) => (!matches || matches.has(piece.id)) && passes(piece));
}

/** Whether two views filter alike (search, sort, grouping and the open piece aside). */
export function sameFilters(a: LibraryView, b: LibraryView): boolean {
  return (
    a.themes.join() === b.themes.join() &&
    a.themeMode === b.themeMode &&
    a.authors.join() === b.authors.join() &&
    a.site === b.site &&
    a.from === b.from &&
    a.to === b.to &&
    a.dateField === b.dateField &&
    a.passageTags === b.passageTags
  );
}

/** Whether the view filters at all (search aside). */
function filtersAnything(view: LibraryView): boolean {
  return (
    view.themes.length > 0 ||
    view.authors.length > 0 ||
    view.site !== null ||
    view.from !== null ||
    view.to !== null
  );
}

/** Sorted pieces with, per tag, its pieces in the same order: where filters start from. */
export interface TaggedPieces {
  pieces: readonly PieceRow[];
  byTheme: ReadonlyMap<string, readonly PieceRow[]>;
  byAuthor: ReadonlyMap<string, readonly PieceRow[]>;
}

/** Lists each tag's pieces, keeping the order of `pieces` (built once per sort of the list). */
export function tagPieces(pieces: readonly PieceRow[]): TaggedPieces {
  const byTheme = new Map<string, PieceRow[]>();
  const byAuthor = new Map<string, PieceRow[]>();
  const add = (map: Map<string, PieceRow[]>, id: string, piece: PieceRow) => {
    const list = map.get(id);
    if (!list) map.set(id, [piece]);
    else if (list[list.length - 1] !== piece) list.push(piece);
  };
  for (const piece of pieces) {
    for (const id of piece.themeIds) add(byTheme, id, piece);
    for (const id of piece.authorIds) add(byAuthor, id, piece);
  }
  return { pieces, byTheme, byAuthor };
}

/** The fewest pieces that hold every match of the view's tag filters, in list order. */
function tagCandidates(tagged: TaggedPieces, view: LibraryView): readonly PieceRow[] {
  const listsOf = (map: TaggedPieces['byTheme'], ids: string[]) =>
    ids.map((id) => map.get(id) ?? []);
  if (view.themes.length > 0 && view.themeMode === 'all') {
    return listsOf(tagged.byTheme, view.themes).reduce((a, b) => (b.length < a.length ? b : a));
  }
  // Any of the themes (or authors): the smaller union.
  const unions: (readonly PieceRow[])[][] = [];
  if (view.themes.length > 0) unions.push(listsOf(tagged.byTheme, view.themes));
  if (view.authors.length > 0) unions.push(listsOf(tagged.byAuthor, view.authors));
  if (unions.length === 0) return tagged.pieces;
  const size = (lists: (readonly PieceRow[])[]) => lists.reduce((n, list) => n + list.length, 0);
  const union = unions.reduce((a, b) => (size(b) < size(a) ? b : a));
  if (union.length === 1) return union[0]!;
  const members = new Set(union.flat());
  return tagged.pieces.filter((piece) => members.has(piece));
}

/**
 * `filterPieces(tagged.pieces, view)` (search aside) without testing every piece: it starts from
 * the pieces of the rarest theme chosen, or of the themes or authors chosen; with no filter it
 * is the list itself.
 */
export function filterTagged(tagged: TaggedPieces, view: LibraryView): readonly PieceRow[] {
  if (!filtersAnything(view)) return tagged.pieces;
  return tagCandidates(tagged, view).filter(viewFilter(view));
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
    // Same clipping time: the greater id first, the order of the `capturedAt` index read backwards.
    captured: (a, b) => byDate('capturedAt')(a, b) || (a.id === b.id ? 0 : a.id < b.id ? 1 : -1),
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

/** Whether the view lists every piece, newest first, ungrouped: what a first screen shows. */
export function listsEveryPieceNewestFirst(view: LibraryView): boolean {
  return (
    view.view === 'pieces' &&
    view.q.trim() === '' &&
    view.themes.length === 0 &&
    view.authors.length === 0 &&
    view.site === null &&
    view.from === null &&
    view.to === null &&
    view.group === 'none' &&
    effectiveSort(view) === 'captured' &&
    view.piece === null &&
    view.panel === null
  );
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
 * its piece (a passage quoting Kagarlitsky in a piece by someone else is found under both), or
 * with `passageTags: 'attributed'` those the debate view counts it under; site and dates are the
 * piece's. `matches`: passage ids the search found, or null.
 */
export function filterPassages(
  passages: readonly PassageRow[],
  piecesById: ReadonlyMap<string, PieceRow>,
  view: LibraryView,
  matches: ReadonlySet<string> | null = null,
): PassageRow[] {
  const result: PassageRow[] = [];
  const passes = viewFilter(view);
  for (const passage of passages) {
    if (matches && !matches.has(passage.id)) continue;
    const piece = piecesById.get(passage.pieceId);
    if (!piece) continue;
    const merged: PieceRow = { ...piece, ...passageTagsFor(passage, piece, view.passageTags) };
    if (passes(merged)) result.push(passage);
  }
  return result.sort((a, b) =>
    a.createdAt === b.createdAt ? 0 : a.createdAt < b.createdAt ? 1 : -1,
  );
}

function passageTagsFor(
  passage: PassageRow,
  piece: PieceRow,
  which: PassageTags,
): Pick<PieceRow, 'authorIds' | 'themeIds'> {
  if (which === 'either') {
    return {
      authorIds: [...passage.authorIds, ...piece.authorIds],
      themeIds: [...passage.themeIds, ...piece.themeIds],
    };
  }
  const { authorIds, themeIds } = attributedTags(passage, piece);
  return { authorIds: [...authorIds], themeIds: [...themeIds] };
}

export interface TagRef {
  id: string;
  kind: TagRow['kind'];
}

/** The change of view that lists every piece filed under one tag (and nothing else filtered). */
export function viewOfTag(tag: TagRef): Partial<LibraryView> {
  return {
    ...DEFAULT_VIEW,
    view: 'pieces',
    authors: tag.kind === 'author' ? [tag.id] : [],
    themes: tag.kind === 'theme' ? [tag.id] : [],
  };
}
