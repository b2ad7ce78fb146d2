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

export interface TimelineLane {
  tag: TagRow;
  /** Dated pieces, oldest first. */
  pieces: PieceRow[];
}

export interface Timeline {
  lanes: TimelineLane[];
  /** The first and last published day (ms) over every lane; null when no piece is dated. */
  span: { start: number; end: number } | null;
  /** Pieces of the lanes without a published date, each once. */
  undated: PieceRow[];
}

const publishedMs = (piece: PieceRow) =>
  piece.publishedTime ? Date.parse(piece.publishedTime) : NaN;

/** One lane per tag (an author or a theme), each with its dated pieces in order. */
export function timeline(pieces: readonly PieceRow[], tags: readonly TagRow[]): Timeline {
  let start = Infinity;
  let end = -Infinity;
  const undated = new Set<PieceRow>();
  const lanes = tags.map((tag) => {
    const field = tag.kind === 'author' ? 'authorIds' : 'themeIds';
    const dated: PieceRow[] = [];
    for (const piece of pieces) {
      if (!piece[field].includes(tag.id)) continue;
      const ms = publishedMs(piece);
      if (Number.isNaN(ms)) undated.add(piece);
      else {
        dated.push(piece);
        start = Math.min(start, ms);
        end = Math.max(end, ms);
      }
    }
    dated.sort((a, b) => publishedMs(a) - publishedMs(b));
    return { tag, pieces: dated };
  });
  return { lanes, span: start <= end ? { start, end } : null, undated: [...undated] };
}

/** Where a date falls on the timeline, 0–1. */
export function timelinePlace(piece: PieceRow, span: { start: number; end: number }): number {
  const width = span.end - span.start;
  return width === 0 ? 0.5 : (publishedMs(piece) - span.start) / width;
}
