/**
 * The Debate panel: who wrote on which theme (the authors × themes table, from the kept
 * counts), when (the timeline), and who answers whom (the links between saved pieces).
 */
import { memo } from 'preact/compat';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Answers } from '../../components/library/Answers';
import { DebateFilters } from '../../components/library/DebateFilters';
import { DebateTable } from '../../components/library/DebateTable';
import { Timeline } from '../../components/library/Timeline';
import {
  NO_DEBATE_FILTER,
  answersBetween,
  debateTable,
  filtersDebate,
  timeline,
  viewOfCell,
  viewOfPoint,
  type CellCount,
  type DebateFilter,
  type DebateSort,
} from '../../lib/library/debate';
import { DEFAULT_VIEW, viewFilter, viewToSearch, type LibraryView } from '../../lib/library/view';
import type { PairCountsRow } from '../../lib/collection/debate';
import type { PieceRow, TagKind, TagRow } from '../../lib/model/records';
import { useDebateCounts, usePieceLinks } from './queries';

export interface DebateProps {
  /** False while the panel is kept in the page, hidden: nothing is read or drawn for it then. */
  shown: boolean;
  /** Every piece; undefined while they are read. */
  pieces: PieceRow[] | undefined;
  /** The counts kept for the whole collection, read ahead by the page; undefined until read. */
  keptCounts: PairCountsRow[] | undefined;
  tags: readonly TagRow[];
  tagsById: ReadonlyMap<string, TagRow>;
  onShow: (view: Partial<LibraryView>) => void;
}

/** Lanes of the timeline before the reader chooses: the authors (or themes) with most pieces. */
const FIRST_LANES = 5;

const hrefOfView = (view: Partial<LibraryView>) =>
  viewToSearch({ ...DEFAULT_VIEW, ...view }) || '?';
const hrefOfPiece = (piece: PieceRow) => hrefOfView({ piece: piece.id });

/**
 * False until the frame after `shown` is painted, and again while not shown: what can wait for
 * the table waits, and is not kept drawn while the panel is hidden.
 */
function usePaintedAfter(shown: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!shown) {
      setPainted(false);
      return;
    }
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [shown]);
  return painted;
}

function usePiecesOf(pieces: PieceRow[] | undefined, filter: DebateFilter) {
  return useMemo(() => {
    if (!pieces || !filtersDebate(filter)) return pieces;
    return pieces.filter(viewFilter({ ...DEFAULT_VIEW, ...filter, dateField: 'published' }));
  }, [pieces, filter]);
}

// Memoised: kept in the page while the list is used, it must not re-render on every keystroke.
export const Debate = memo(function Debate({
  shown,
  pieces,
  keptCounts,
  tags,
  tagsById,
  onShow,
}: DebateProps) {
  const [filter, setFilter] = useState<DebateFilter>(NO_DEBATE_FILTER);
  const [sort, setSort] = useState<DebateSort>('pieces');
  const [laneKind, setLaneKind] = useState<TagKind>('author');
  const [lanes, setLanes] = useState<string[] | null>(null);
  const [laneName, setLaneName] = useState('');
  const filtered = usePiecesOf(pieces, filter);
  // Unfiltered, the kept counts alone; narrowed, those of the pieces let through.
  const filteredCounts = useDebateCounts(filtersDebate(filter) ? filtered : undefined);
  const counts = filtersDebate(filter) ? filteredCounts : keptCounts;
  const table = useMemo(
    () => counts && debateTable(counts, tagsById, sort),
    [counts, tagsById, sort],
  );
  const painted = usePaintedAfter(shown && table !== undefined);
  const links = usePieceLinks(painted && pieces !== undefined);
  // Between the pieces the filters let through, as the table and the timeline.
  const answers = useMemo(
    () => (links && filtered ? answersBetween(links, new Map(filtered.map((p) => [p.id, p]))) : []),
    [links, filtered],
  );
  // The sites to choose from, once the table is on screen (20,000 pieces are read for them).
  const sites = useMemo(
    () =>
      painted
        ? [...new Set((pieces ?? []).flatMap((p) => (p.siteName ? [p.siteName] : [])))].sort()
        : [],
    [painted, pieces],
  );
  const laneTags = useMemo(() => {
    if (lanes) return lanes.flatMap((id) => tagsById.get(id) ?? []);
    if (!table) return [];
    const byPieces = (a: { total: CellCount }, b: { total: CellCount }) =>
      b.total.pieces - a.total.pieces;
    const first =
      laneKind === 'author'
        ? [...table.rows].sort(byPieces).map((row) => row.author)
        : [...table.columns].sort(byPieces).map((column) => column.theme);
    return first.slice(0, FIRST_LANES);
  }, [lanes, laneKind, table, tagsById]);
  const line = useMemo(
    () => (painted && filtered ? timeline(filtered, laneTags) : null),
    [painted, filtered, laneTags],
  );

  const cellView = (authorId: string, themeId: string, count: CellCount) =>
    viewOfCell(authorId, themeId, count, filter);
  const addLane = () => {
    const wanted = laneName.trim().toLowerCase();
    const tag = tags.find((t) => t.kind === laneKind && t.name.toLowerCase() === wanted);
    if (!tag) return;
    setLanes([...(lanes ?? laneTags.map((t) => t.id)).filter((id) => id !== tag.id), tag.id]);
    setLaneName('');
  };
  // Offered once the table is on screen (a collection has hundreds of authors).
  const laneChoices = tags.filter((t) => t.kind === laneKind);

  return (
    <section class="debate" aria-labelledby="debate-title" hidden={!shown}>
      <h1 id="debate-title">Debate</h1>
      <DebateFilters filter={filter} sites={sites} onChange={setFilter} />
      {table ? (
        <DebateTable
          table={table}
          sort={sort}
          onSort={setSort}
          hrefOf={(a, t, count) => hrefOfView(cellView(a, t, count))}
          onOpenCell={(a, t, count) => onShow(cellView(a, t, count))}
        />
      ) : (
        <p class="muted">Counting…</p>
      )}
      <h2>Timeline</h2>
      <div class="debate-controls">
        <label>
          Lanes{' '}
          <select
            value={laneKind}
            onChange={(e) => {
              setLaneKind((e.target as HTMLSelectElement).value as TagKind);
              setLanes(null);
            }}
          >
            <option value="author">Authors</option>
            <option value="theme">Themes</option>
          </select>
        </label>
        <label>
          Add a lane{' '}
          <input
            list="lane-choices"
            value={laneName}
            onInput={(e) => setLaneName((e.target as HTMLInputElement).value)}
            onKeyDown={(e) => e.key === 'Enter' && addLane()}
          />
        </label>
        <button type="button" onClick={addLane}>
          Add lane
        </button>
        {painted && (
          <datalist id="lane-choices">
            {laneChoices.map((t) => (
              <option key={t.id} value={t.name} />
            ))}
          </datalist>
        )}
      </div>
      {line ? (
        <Timeline
          timeline={line}
          hrefOf={hrefOfPiece}
          onOpen={(piece) => onShow({ piece: piece.id, panel: null })}
          hrefOfPoint={(tag, point) => hrefOfView(viewOfPoint(tag, point, filter))}
          onOpenPoint={(tag, point) => onShow(viewOfPoint(tag, point, filter))}
          onRemoveLane={(id) => setLanes(laneTags.map((t) => t.id).filter((other) => other !== id))}
        />
      ) : (
        <p class="muted">Reading the pieces…</p>
      )}
      <Answers answers={answers} tagsById={tagsById} />
    </section>
  );
});
