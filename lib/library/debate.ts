/**
 * The debate view as plain data: the authors × themes table from the kept counts, who answers
 * whom from the links between pieces, and the timeline's lanes. Pure functions only.
 */
import type { PieceRow, TagRow } from '../model/records';
import type { PairCountsRow } from '../search';
import { DEFAULT_VIEW, type LibraryView } from './view';

export interface CellCount {
  pieces: number;
  passages: number;
}

export interface DebateColumn {
  theme: TagRow;
  total: CellCount;
}

export interface DebateRow {
  author: TagRow;
  /** Everything by the author, whatever its themes. */
  total: CellCount;
  /** The counts on a theme; undefined when the author has nothing on it. */
  cell(themeId: string): CellCount | undefined;
}

export interface DebateTable {
  rows: DebateRow[];
  columns: DebateColumn[];
}

export type DebateSort = 'pieces' | 'passages' | 'name';

const ANY = '';
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function cellOf(row: PairCountsRow, theme: string): CellCount {
  return { pieces: row.pieces[theme] ?? 0, passages: row.passages[theme] ?? 0 };
}

/** A cell read when painted: a table of 200 authors paints 20 rows at first. */
function cellsOf(row: PairCountsRow): (themeId: string) => CellCount | undefined {
  return (themeId) =>
    themeId !== ANY && (themeId in row.pieces || themeId in row.passages)
      ? cellOf(row, themeId)
      : undefined;
}

function compareBy<T extends { total: CellCount }>(sort: DebateSort, name: (item: T) => string) {
  return (a: T, b: T) => {
    if (sort !== 'name') {
      const other = sort === 'pieces' ? 'passages' : 'pieces';
      const order = b.total[sort] - a.total[sort] || b.total[other] - a.total[other];
      if (order !== 0) return order;
    }
    return collator.compare(name(a), name(b));
  };
}

/**
 * The table of `counts` (kept by the index, or summed over the pieces a filter lets through):
 * one row per author, one column per theme, both sorted by `sort` (largest total first, or A–Z).
 * Tags the counts name but the tags table no longer has are left out.
 */
export function debateTable(
  counts: readonly PairCountsRow[],
  tagsById: ReadonlyMap<string, TagRow>,
  sort: DebateSort,
): DebateTable {
  const columns: DebateColumn[] = [];
  const rows: DebateRow[] = [];
  for (const row of counts) {
    if (row.author === ANY) {
      const themes = new Set([...Object.keys(row.pieces), ...Object.keys(row.passages)]);
      for (const id of themes) {
        const theme = tagsById.get(id);
        if (id !== ANY && theme?.kind === 'theme') columns.push({ theme, total: cellOf(row, id) });
      }
      continue;
    }
    const author = tagsById.get(row.author);
    if (author?.kind !== 'author') continue;
    rows.push({ author, total: cellOf(row, ANY), cell: cellsOf(row) });
  }
  rows.sort(compareBy<DebateRow>(sort, (row) => row.author.name));
  columns.sort(compareBy<DebateColumn>(sort, (column) => column.theme.name));
  return { rows, columns };
}

/** The debate view's own filters: site and published-date range (inclusive days). */
export interface DebateFilter {
  site: string | null;
  from: string | null;
  to: string | null;
}

export const NO_DEBATE_FILTER: DebateFilter = { site: null, from: null, to: null };

export function filtersDebate(filter: DebateFilter): boolean {
  return filter.site !== null || filter.from !== null || filter.to !== null;
}

/** The library view that lists exactly what a cell counts: its pieces, or its passages. */
export function viewOfCell(
  authorId: string,
  themeId: string,
  count: CellCount,
  filter: DebateFilter,
): LibraryView {
  return {
    ...DEFAULT_VIEW,
    authors: [authorId],
    themes: [themeId],
    site: filter.site,
    from: filter.from,
    to: filter.to,
    dateField: 'published',
    view: count.pieces > 0 ? 'pieces' : 'passages',
    passageTags: 'attributed',
  };
}

/** One author's pieces linking to another's: who answers whom. */
export interface Answer {
  from: string;
  to: string;
  /** Pairs of pieces (a piece by `from` linking to one by `to`). */
  pieces: number;
}

/**
 * Who answers whom between authors, from links between pieces (each pair of pieces once): a link
 * from a piece by A to a piece by B counts once for A → B. An author answering themself is left
 * out. Most answers first.
 */
export function answersBetween(
  links: readonly (readonly [string, string])[],
  piecesById: ReadonlyMap<string, PieceRow>,
): Answer[] {
  const counts = new Map<string, Answer>();
  for (const [fromId, toId] of links) {
    const from = piecesById.get(fromId);
    const to = piecesById.get(toId);
    if (!from || !to) continue;
    for (const a of new Set(from.authorIds)) {
      for (const b of new Set(to.authorIds)) {
        if (a === b) continue;
        const key = JSON.stringify([a, b]);
        const answer = counts.get(key) ?? { from: a, to: b, pieces: 0 };
        answer.pieces++;
        counts.set(key, answer);
      }
    }
  }
  return [...counts.values()].sort((x, y) => y.pieces - x.pieces);
}

/**
 * A mark on a lane: one piece, or the pieces of a few neighbouring days when the lane has more
 * than fit its width (a lane of 3,000 dots cannot be read, and paints slowly).
 */
export interface TimelinePoint {
  /** Oldest first; at least one. */
  pieces: PieceRow[];
  /** Published days (`YYYY-MM-DD`) of the first and last. */
  firstDay: string;
  lastDay: string;
  /** Where the point stands, 0–1. */
  at: number;
}

export interface TimelineLane {
  tag: TagRow;
  points: TimelinePoint[];
}

export interface Timeline {
  lanes: TimelineLane[];
  /** The first and last published day (ms) over every lane; null when no piece is dated. */
  span: { start: number; end: number } | null;
  /** Pieces of the lanes without a published date, each once. */
  undated: PieceRow[];
}

/** Points a lane holds at most: about one per 24 px target across the track. */
export const LANE_POINTS = 40;
const DAY_MS = 86_400_000;

/** The published day of a piece (as the library's date filter reads it), or null. */
function publishedDay(piece: PieceRow): string | null {
  const day = piece.publishedTime?.slice(0, 10) ?? '';
  return Number.isNaN(Date.parse(day)) ? null : day;
}

const dayMs = (day: string) => Date.parse(day);

/**
 * A lane's pieces (oldest first) as points: one each when they fit, else grouped by slots of
 * whole days, so that no day is split between two points and each point's day range lists
 * exactly its pieces in the library.
 */
function lanePoints(
  dated: readonly Dated[],
  span: { start: number; end: number },
): TimelinePoint[] {
  const width = span.end - span.start;
  const place = (ms: number) => (width === 0 ? 0.5 : (ms - span.start) / width);
  // Few enough to show each on its own (close dates then overlap, each still its own link).
  const groups = dated.length <= LANE_POINTS ? dated.map((one) => [one]) : bySlots(dated, span);
  return groups.map((group) => {
    const firstDay = group[0]!.day;
    const lastDay = group[group.length - 1]!.day;
    return {
      pieces: group.map((one) => one.piece),
      firstDay,
      lastDay,
      at: place((dayMs(firstDay) + dayMs(lastDay)) / 2),
    };
  });
}

/** Pieces (oldest first) in slots of whole days, LANE_POINTS slots across the span at most. */
function bySlots(dated: readonly Dated[], span: { start: number; end: number }): Dated[][] {
  const slotDays = Math.max(1, Math.ceil((span.end - span.start) / DAY_MS / LANE_POINTS));
  const groups: Dated[][] = [];
  let slot = -1;
  for (const one of dated) {
    const here = Math.floor((dayMs(one.day) - span.start) / DAY_MS / slotDays);
    if (here === slot) groups[groups.length - 1]!.push(one);
    else groups.push([one]);
    slot = here;
  }
  return groups;
}

type Dated = { piece: PieceRow; day: string };
type Lane = { tag: TagRow; dated: Dated[] };
const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One lane per tag (an author or a theme), its dated pieces in points, oldest first. */
export function timeline(pieces: readonly PieceRow[], tags: readonly TagRow[]): Timeline {
  let start = Infinity;
  let end = -Infinity;
  const undated = new Set<PieceRow>();
  const lanes: Lane[] = tags.map((tag) => ({ tag, dated: [] }));
  // One pass over the pieces (there may be 20,000), their tags looked up, not each lane scanned.
  const lanesOf = new Map<string, Lane[]>();
  for (const lane of lanes) lanesOf.set(lane.tag.id, [...(lanesOf.get(lane.tag.id) ?? []), lane]);
  const add = (lane: Lane, piece: PieceRow) => {
    const day = publishedDay(piece);
    if (day === null) return undated.add(piece);
    lane.dated.push({ piece, day });
    start = Math.min(start, dayMs(day));
    end = Math.max(end, dayMs(day));
  };
  for (const piece of pieces) {
    for (const [ids, kind] of [
      [piece.authorIds, 'author'],
      [piece.themeIds, 'theme'],
    ] as const) {
      for (const id of new Set(ids)) {
        for (const lane of lanesOf.get(id) ?? []) if (lane.tag.kind === kind) add(lane, piece);
      }
    }
  }
  // By day, then by time within it (ISO strings sort as their dates).
  const order = (a: Dated, b: Dated) =>
    compareStrings(a.day, b.day) || compareStrings(a.piece.publishedTime!, b.piece.publishedTime!);
  const span = start <= end ? { start, end } : null;
  return {
    lanes: lanes.map(({ tag, dated }) => ({
      tag,
      points: span ? lanePoints(dated.sort(order), span) : [],
    })),
    span,
    undated: [...undated],
  };
}

/** The library view that lists exactly a point's pieces: its lane's tag, its days. */
export function viewOfPoint(tag: TagRow, point: TimelinePoint, filter: DebateFilter): LibraryView {
  return {
    ...DEFAULT_VIEW,
    ...(tag.kind === 'author' ? { authors: [tag.id] } : { themes: [tag.id] }),
    site: filter.site,
    from: point.firstDay,
    to: point.lastDay,
    dateField: 'published',
  };
}
