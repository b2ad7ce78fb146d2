/**
 * The library: every piece and passage, filtered, searched, grouped, read and edited. This shell
 * holds the view and lays out the page; the reading is in ./queries, the writing in ./actions.
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import { FacetList } from '../../components/library/FacetList';
import { PanelSwitch } from '../../components/library/PanelSwitch';
import { Toolbar } from '../../components/library/Toolbar';
import { UndoNotice } from '../../components/library/UndoNotice';
import type { DeletedPiece } from '../../lib/collection/pieces';
import { toggled } from '../../lib/library/facets';
import { findOpenPiece } from '../../lib/library/list';
import {
  DEFAULT_VIEW,
  viewOfTag,
  viewToSearch,
  type LibraryView,
  type TagRef,
} from '../../lib/library/view';
import type { PieceRow } from '../../lib/model/records';
import { undoRemoval } from './actions';
import { useAttempt } from './attempt';
import { Debate } from './Debate';
import { Export } from './Export';
import { ListPane } from './ListPane';
import { useCollectionSearch, useDebateCounts, usePassages, usePieces, useTags } from './queries';
import { Reader } from './Reader';
import { Settings } from './Settings';
import { Tags } from './Tags';
import { useSearchShortcut } from './use-search-shortcut';
import { useChoice } from './use-choice';
import { useKeptMounted } from './use-kept-mounted';
import { useShownList } from './use-shown-list';
import { useUrlView } from './url-view';

const pieceHref = (piece: PieceRow) => viewToSearch({ ...DEFAULT_VIEW, piece: piece.id });

export function App() {
  const [view, setView] = useUrlView();
  const list = usePieces(view);
  const tags = useTags();
  const passages = usePassages(view.view === 'passages');
  const {
    results: search,
    start: startSearch,
    showSnippets,
  } = useCollectionSearch(view.q, view.view, list);
  const shown = useShownList(view, list, tags, passages, search);
  const { rows, tagsById, piecesById } = shown;
  const { failure, attempt } = useAttempt();
  const [undo, setUndo] = useState<DeletedPiece | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const choice = useChoice(rows, view.view === 'pieces');
  // Read ahead (a few hundred rows) once the list is loaded, so Debate opens at once.
  const debateCounts = useDebateCounts(list.pieces || view.panel === 'debate' ? null : undefined);
  const debateMounted = useKeptMounted(
    view.panel === 'debate',
    debateCounts !== undefined && list.pieces !== undefined,
  );

  const openRow = useCallback((id: string) => setView({ piece: id }, true), [setView]);
  const toggleAuthor = useCallback(
    (id: string) => setView({ authors: toggled(view.authors, id) }),
    [setView, view.authors],
  );
  const toggleTheme = useCallback(
    (id: string) => setView({ themes: toggled(view.themes, id) }),
    [setView, view.themes],
  );
  const showTag = useCallback((tag: TagRef) => setView(viewOfTag(tag), true), [setView]);
  const showView = useCallback(
    (change: Partial<LibraryView>) => setView({ panel: null, ...change }, true),
    [setView],
  );
  const openPiece = useCallback(
    (piece: PieceRow) => setView({ piece: piece.id, panel: null }, true),
    [setView],
  );
  const closeReader = useCallback(() => setView({ piece: null }, true), [setView]);
  const onDeleted = useCallback(
    (deleted: DeletedPiece | null) => {
      closeReader();
      setUndo(deleted);
    },
    [closeReader],
  );

  useSearchShortcut(searchBox);

  const open = findOpenPiece(view.piece, list.pieces ? piecesById : null, list.firstScreen);
  return (
    <div class="library">
      <header class="library-header">
        <h1 class="brand">Commonplace</h1>
        <PanelSwitch
          panel={view.panel}
          onSwitch={(panel) => setView({ panel, piece: null }, true)}
        />
        <Toolbar
          view={view}
          sites={shown.siteItems}
          resultLabel={shown.resultLabel}
          searchRef={searchBox}
          onChange={(change) => {
            if (change.q !== undefined) startSearch(change.q);
            setView({ ...change, piece: change.piece ?? view.piece, panel: null });
          }}
        />
      </header>
      <nav class="sidebar" aria-label="Filters">
        <FacetList
          title="Authors"
          items={shown.authorItems}
          selected={view.authors}
          onToggle={toggleAuthor}
        />
        <FacetList
          title="Themes"
          items={shown.themeItems}
          selected={view.themes}
          onToggle={toggleTheme}
        />
        <Export
          shown={{ ...shown, view: view.view, openPiece: open?.id ?? null }}
          total={shown.total}
          openTitle={open?.title ?? null}
          attempt={attempt}
        />
        <Settings pieces={list.pieces} attempt={attempt} />
      </nav>
      <main class="content">
        {failure && (
          <p role="alert" class="notice notice-error">
            {failure}
          </p>
        )}
        {undo && (
          <UndoNotice
            message={`Deleted “${undo.piece.title}”.`}
            onUndo={() => attempt(() => undoRemoval(undo).then(() => setUndo(null)))}
          />
        )}
        {debateMounted && (
          <Debate
            shown={view.panel === 'debate'}
            pieces={list.pieces}
            keptCounts={debateCounts}
            tags={tags ?? []}
            tagsById={tagsById}
            onShow={showView}
          />
        )}
        {view.panel === 'debate' ? null : view.panel === 'tags' ? (
          <Tags tags={tags ?? []} attempt={attempt} onShow={showTag} />
        ) : open ? (
          <Reader
            key={open.id}
            piece={open}
            tags={tags ?? []}
            tagsById={tagsById}
            attempt={attempt}
            onClose={closeReader}
            onDeleted={onDeleted}
            onOpen={openPiece}
            hrefOf={pieceHref}
          />
        ) : shown.loading ? (
          <p class="muted">Loading your collection…</p>
        ) : shown.total === 0 ? (
          <p class="empty">
            Nothing clipped yet. Open an article and click the Commonplace button in the toolbar.
          </p>
        ) : (
          <ListPane
            label={view.view === 'passages' ? 'Passages' : 'Pieces'}
            rows={rows}
            tags={tags ?? []}
            tagsById={tagsById}
            piecesById={piecesById}
            snippets={search?.snippets}
            choice={choice}
            attempt={attempt}
            onShown={showSnippets}
            onOpen={openRow}
            attributed={view.passageTags === 'attributed'}
            onEveryPassage={() => setView({ passageTags: 'either' })}
          />
        )}
      </main>
    </div>
  );
}
