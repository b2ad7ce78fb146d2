/**
 * The library: every piece and passage, filtered, searched, grouped, read and edited. This shell
 * holds the state and the storage calls; the components below only render props.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { BackupPanel } from '../../components/BackupPanel';
import { AnnotationImport } from '../../components/library/AnnotationImport';
import { AutoHighlightSetting } from '../../components/library/AutoHighlightSetting';
import { ExportPanel, type ExportRequest } from '../../components/library/ExportPanel';
import { ThemeColors } from '../../components/library/ThemeColors';
import { FacetList, type FacetItem } from '../../components/library/FacetList';
import { PassageCard, PieceCard } from '../../components/library/PieceCard';
import { PieceEditor } from '../../components/library/PieceEditor';
import { ReaderView } from '../../components/library/ReaderView';
import { Toolbar } from '../../components/library/Toolbar';
import { VirtualList } from '../../components/library/VirtualList';
import { importAnnotations } from '../../lib/backup/annotation-import';
import { exportBackupBlob } from '../../lib/backup/export-stream';
import { backupFileName } from '../../lib/backup/file-name';
import { importBackup } from '../../lib/backup/import-file';
import { throttleProgress, type BackupProgress } from '../../lib/backup/progress';
import { collectBackup } from '../../lib/backup/references';
import { saveBlob } from './download';
import { exportFormat } from '../../lib/export';
import { setThemeColor } from '../../lib/db/tags';
import {
  deletePiece,
  restorePiece,
  updatePiece,
  type DeletedPiece,
  type PieceMetadataEdits,
} from '../../lib/db/pieces';
import { openDatabase, type PassageRow, type PieceRow, type TagRow } from '../../lib/db/schema';
import { messageForUser } from '../../lib/errors';
import {
  effectiveSort,
  facetCounts,
  filterPassages,
  filterPieces,
  filterTagged,
  groupPieces,
  listsEveryPieceNewestFirst,
  sortPieces,
  tagPieces,
} from '../../lib/library/view';
import { readFirstScreen, type FirstScreen } from '../../lib/library/first-screen';
import { displayHtml } from '../../lib/reader/display-html';
import { createAnchorer, type Selector } from '../../lib/anchoring';
import { clippedSitePatterns } from '../../lib/passages/origins';
import { clearHighlights, highlightCss, paintHighlights } from '../../lib/passages/paint';
import { themeColor } from '../../lib/tags/colors';
import {
  AUTO_HIGHLIGHTS_SETTING,
  disableAutoHighlights,
  enableAutoHighlights,
  type AutoHighlights,
} from './auto-highlights';
import { useLiveQuery, useUrlView } from './hooks';
import { OVERSCAN, ROW_HEIGHT } from './layout';
import { useSearch } from './search';

const db = openDatabase();

/** A row of the list; `key` is unique in it (a piece is listed once per group it is in). */
type Row =
  | { kind: 'group'; key: string; label: string; count: number }
  | { kind: 'piece'; key: string; piece: PieceRow }
  | { kind: 'passage'; key: string; passage: PassageRow };

const NO_PASSAGES: PassageRow[] = [];
// The rows of a list of pieces, made once per list: clearing a filter gives back the whole list,
// whose 20,000 rows are then not made again.
const rowsOfList = new WeakMap<readonly PieceRow[], Row[]>();
function pieceRows(pieces: readonly PieceRow[]): Row[] {
  let rows = rowsOfList.get(pieces);
  if (!rows) {
    rows = pieces.map((piece) => ({ kind: 'piece', key: piece.id, piece }));
    rowsOfList.set(pieces, rows);
  }
  return rows;
}
const rowKey = (row: Row) => row.key;
const rowHeight = (row: Row) => ROW_HEIGHT[row.kind];
const isSelectable = (row: Row) => row.kind !== 'group';
/** Rows of the first screen beyond those that fit the window (the list's overscan and more). */
const FIRST_SCREEN_EXTRA_ROWS = 20;

const imageSettingKey = (pieceId: string) => `images:${pieceId}`;

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return (
    !!element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName))
  );
}

export function App() {
  const [view, setView] = useUrlView();
  // A plain list (every piece, newest first) is painted from its first screen; every piece is
  // read once that is on screen (reading them first would hold the paint for a quarter second).
  const [firstScreen, setFirstScreen] = useState<FirstScreen | null>(null);
  const [readAll, setReadAll] = useState(() => !listsEveryPieceNewestFirst(view));
  useEffect(() => {
    if (readAll) return;
    readFirstScreen(db, Math.ceil(innerHeight / ROW_HEIGHT.piece) + FIRST_SCREEN_EXTRA_ROWS)
      .then(setFirstScreen, (error: unknown) => console.error('library query failed', error))
      .finally(() => setReadAll(true));
  }, []);
  const pieces = useLiveQuery(
    () => (readAll ? db.pieces.toArray() : Promise.resolve(undefined)),
    [readAll],
  );
  const shownFirst =
    pieces === undefined && firstScreen && listsEveryPieceNewestFirst(view) ? firstScreen : null;
  const tags = useLiveQuery(() => db.tags.toArray(), []);
  // All passages are read only for the passages view: 100,000 of them would slow the first paint.
  const passages = useLiveQuery(
    () => (view.view === 'passages' ? db.passages.toArray() : Promise.resolve(undefined)),
    [view.view],
  );
  const passageStamp = useLiveQuery(async () => {
    if (!readAll) return undefined;
    const last = await db.passages.orderBy('updatedAt').last();
    return `${await db.passages.count()} ${last?.updatedAt ?? ''}`;
  }, [readAll]);
  // Any change to the collection re-runs the search, so results follow saves made elsewhere.
  const revision = useMemo(() => ({}), [pieces, passageStamp]);
  const {
    results: search,
    start: startSearch,
    showSnippets,
  } = useSearch(db, view.q, view.view, revision, pieces !== undefined);
  const searchBox = useRef<HTMLInputElement>(null);
  const [editing, setEditing] = useState(false);
  const [undo, setUndo] = useState<DeletedPiece | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [backupProgress, setBackupProgress] = useState<BackupProgress | null>(null);
  const [exportProgress, setExportProgress] = useState<{ done: number; total: number } | null>(
    null,
  );
  const autoHighlights = useLiveQuery(
    async () =>
      (await db.settings.get(AUTO_HIGHLIGHTS_SETTING))?.value as AutoHighlights | undefined,
    [],
  );
  // Parsing every piece's URL is only needed once the settings are open.
  const [settingsOpen, setSettingsOpen] = useState(false);
  const clippedSites = useMemo(
    () =>
      settingsOpen ? clippedSitePatterns((pieces ?? []).flatMap((p) => [p.url, p.pageUrl])) : [],
    [pieces, settingsOpen],
  );

  const tagsById = useMemo(() => new Map((tags ?? []).map((t) => [t.id, t])), [tags]);
  const piecesById = useMemo(() => new Map((pieces ?? []).map((p) => [p.id, p])), [pieces]);
  const names = (ids: string[]) => ids.flatMap((id) => tagsById.get(id)?.name ?? []);

  const sortKey = effectiveSort(view);
  // The view as the filters see it, renewed only when a filter changes: typing in the search box
  // changes the view but not them (its `q` may lag; nothing that reads `filters` uses it).
  const { themes, themeMode, authors, site, from, to, dateField } = view;
  const filters = useMemo(
    () => ({ ...view }),
    [themes.join(), themeMode, authors.join(), site, from, to, dateField],
  );
  // Sorting 20,000 rows happens once per change of the collection or of the order (kept while a
  // search runs, so clearing the search does not sort again); filtering keeps that order. While
  // searching, only the matches are filtered and sorted (by relevance by default).
  const listSort = view.sort ?? 'captured';
  const ordered = useMemo(() => tagPieces(sortPieces(pieces ?? [], listSort)), [pieces, listSort]);
  const sorted = useMemo((): readonly PieceRow[] => {
    if (shownFirst) return shownFirst.pieces;
    if (!search) return filterTagged(ordered, filters);
    const found = [...search.pieceHits.keys()].flatMap((id) => piecesById.get(id) ?? []);
    return sortPieces(filterPieces(found, filters), sortKey, search.scores);
  }, [shownFirst, piecesById, ordered, filters, search, sortKey]);
  // Counting 20,000 pieces is kept for when the view lets them all through (no filter, no search).
  const allCounts = useMemo(() => facetCounts(pieces ?? []), [pieces]);
  const counts = useMemo(
    () =>
      shownFirst?.counts ??
      (sorted.length === (pieces ?? []).length ? allCounts : facetCounts(sorted)),
    [shownFirst, sorted, allCounts],
  );
  // Pieces the view shows (all of them while only the first screen is read).
  const shownCount = shownFirst?.total ?? sorted.length;
  const shownPassages = useMemo(
    () =>
      passages
        ? filterPassages(passages, piecesById, filters, search?.passageIds ?? null)
        : NO_PASSAGES,
    [passages, piecesById, filters, search],
  );

  const rows = useMemo<Row[]>(() => {
    if (view.view === 'passages')
      return shownPassages.map((passage) => ({ kind: 'passage', key: passage.id, passage }));
    if (view.group === 'none') return pieceRows(sorted);
    return groupPieces(sorted, view.group, tagsById).flatMap((group): Row[] => [
      { kind: 'group', key: `g-${group.key}`, label: group.label, count: group.pieces.length },
      ...group.pieces.map((piece): Row => ({
        kind: 'piece',
        key: `${group.key}-${piece.id}`,
        piece,
      })),
    ]);
  }, [sorted, shownPassages, view.view, view.group, tagsById]);

  const facetItems = (kind: TagRow['kind'], chosen: string[]): FacetItem[] => {
    const map = kind === 'author' ? counts.authors : counts.themes;
    const items = (tags ?? [])
      .filter((t) => t.kind === kind && (map.has(t.id) || chosen.includes(t.id)))
      .map((t) => ({ id: t.id, name: t.name, count: map.get(t.id) ?? 0, color: t.color }));
    return items.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  };
  // Kept from render to render while the counts stand (a keystroke alone changes nothing here).
  const authorItems = useMemo(() => facetItems('author', authors), [counts, tags, filters]);
  const themeItems = useMemo(() => facetItems('theme', themes), [counts, tags, filters]);
  // Every site of the collection with its count, whatever the filters: switching sites needs no
  // clearing first, and filtering does not rebuild a hundred options.
  const siteCounts = (shownFirst?.counts ?? allCounts).sites;
  const siteItems = useMemo(
    () => [...siteCounts].map(([name, count]) => ({ name, count })),
    [siteCounts],
  );
  const openRow = useCallback((row: Row) => {
    const id =
      row.kind === 'piece' ? row.piece.id : row.kind === 'passage' ? row.passage.pieceId : null;
    if (id) setView({ piece: id }, true);
  }, []);
  const onRowsShown = useCallback(
    (first: number, last: number) =>
      showSnippets(
        rows.slice(first, last + 1).flatMap((row) => (row.kind === 'piece' ? [row.piece.id] : [])),
      ),
    [rows, showSnippets],
  );
  const renderRow = useCallback(
    (row: Row) =>
      row.kind === 'group' ? (
        <h2 class="group-header">
          {row.label} <span class="muted">({row.count})</span>
        </h2>
      ) : row.kind === 'piece' ? (
        <PieceCard
          piece={row.piece}
          authors={names(row.piece.authorIds)}
          themes={row.piece.themeIds.flatMap((id) => {
            const tag = tagsById.get(id);
            return tag ? [{ name: tag.name, color: tag.color }] : [];
          })}
          snippet={search?.snippets.get(row.piece.id) ?? null}
        />
      ) : (
        <PassageCard
          passage={row.passage}
          pieceTitle={piecesById.get(row.passage.pieceId)?.title ?? ''}
          authors={names(row.passage.authorIds)}
          themes={names(row.passage.themeIds)}
          snippet={search?.snippets.get(row.passage.id) ?? null}
        />
      ),
    [tagsById, piecesById, search],
  );
  const toggle = (list: string[], id: string) =>
    list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
  const toggleAuthor = useCallback(
    (id: string) => setView({ authors: toggle(view.authors, id) }),
    [view.authors],
  );
  const toggleTheme = useCallback(
    (id: string) => setView({ themes: toggle(view.themes, id) }),
    [view.themes],
  );

  // Keyboard: "/" focuses the search box, Escape closes the reader.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault();
        searchBox.current?.focus();
      } else if (event.key === 'Escape' && view.piece && !editing) {
        setView({ piece: null }, true);
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [view.piece, editing]);

  // A piece opened from the first screen, before every piece is read, is found there.
  const open = view.piece
    ? pieces === undefined
      ? firstScreen?.pieces.find((p) => p.id === view.piece)
      : piecesById.get(view.piece)
    : undefined;
  const content = useLiveQuery(
    () => (view.piece ? db.contents.get(view.piece) : Promise.resolve(undefined)),
    [view.piece],
  );
  const imagesAllowed = useLiveQuery(
    async () =>
      view.piece ? (await db.settings.get(imageSettingKey(view.piece)))?.value === true : false,
    [view.piece],
  );
  const display = useMemo(
    () => displayHtml(content?.contentHtml ?? '', { allowImages: imagesAllowed === true }),
    [content, imagesAllowed],
  );

  // The open piece's passages, found again in its stored copy by their quotes and painted.
  const readerBody = useRef<HTMLDivElement>(null);
  const [missedPassages, setMissedPassages] = useState<string[]>([]);
  const openPassages =
    useLiveQuery(
      () =>
        view.piece
          ? db.passages.where('pieceId').equals(view.piece).toArray()
          : Promise.resolve([]),
      [view.piece],
    ) ?? NO_PASSAGES;
  const passageColor = (passage: PassageRow) => themeColor(tagsById.get(passage.themeIds[0] ?? ''));
  useLayoutEffect(() => {
    const root = readerBody.current;
    if (!root || editing) return;
    const anchorer = createAnchorer(root);
    const ranges: { range: Range; color: string }[] = [];
    const missed: string[] = [];
    for (const passage of openPassages) {
      const found = anchorer.anchor(passage.selectors as Selector[]);
      if (found) ranges.push({ range: found.range, color: passageColor(passage) });
      else missed.push(passage.quote);
    }
    paintHighlights(document, ranges);
    setMissedPassages(missed);
    return () => clearHighlights(document);
  }, [display.html, openPassages, tagsById, editing]);

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(messageForUser(failure));
    }
  };
  const onDelete = (id: string) =>
    act(async () => {
      const deleted = await deletePiece(db, id);
      setView({ piece: null }, true);
      setUndo(deleted);
    });
  const onSaveEdits = (id: string, edits: PieceMetadataEdits) =>
    act(async () => {
      await updatePiece(db, id, edits);
      setEditing(false);
    });

  /** Exports everything, the pieces (or passages) of the current view, or the open piece. */
  const onExport = (request: ExportRequest) =>
    act(async () => {
      setExportProgress({ done: 0, total: 1 });
      try {
        const passageView = view.view === 'passages' && request.scope === 'view';
        const ids =
          request.scope === 'all'
            ? null
            : request.scope === 'piece' && open
              ? [open.id]
              : passageView
                ? [...new Set(shownPassages.map((p) => p.pieceId))]
                : shownFirst
                  ? null
                  : sorted.map((p) => p.id);
        const backup = await collectBackup(db, ids);
        if (passageView) {
          const shown = new Set(shownPassages.map((p) => p.id));
          backup.passages = backup.passages.filter((p) => shown.has(p.id));
        }
        const result = await exportFormat(backup, request.format, {
          groupBy: request.groupBy,
          onProgress: throttleProgress(setExportProgress),
        });
        saveBlob(new Blob([result.data as BlobPart], { type: result.mimeType }), result.fileName);
      } finally {
        setExportProgress(null);
      }
    });

  const loading = tags === undefined || (pieces === undefined && !shownFirst);
  const total = shownFirst?.total ?? pieces?.length ?? 0;
  const resultLabel = loading
    ? 'Loading…'
    : view.view === 'passages'
      ? `${shownPassages.length} of ${passages?.length ?? 0} passages`
      : `${shownCount} of ${total} pieces`;
  const allTagNames = (kind: TagRow['kind']) =>
    (tags ?? []).filter((t) => t.kind === kind).map((t) => t.name);

  return (
    <div class="library">
      <style>{highlightCss(openPassages.map(passageColor))}</style>
      <header class="library-header">
        <h1 class="brand">Commonplace</h1>
        <Toolbar
          view={view}
          sites={siteItems}
          resultLabel={resultLabel}
          searchRef={searchBox}
          onChange={(change) => {
            if (change.q !== undefined) startSearch(change.q);
            setView({ ...change, piece: change.piece ?? view.piece });
          }}
        />
      </header>
      <nav class="sidebar" aria-label="Filters">
        <FacetList
          title="Authors"
          items={authorItems}
          selected={view.authors}
          onToggle={toggleAuthor}
        />
        <FacetList
          title="Themes"
          items={themeItems}
          selected={view.themes}
          onToggle={toggleTheme}
        />
        <details class="settings">
          <summary>Export</summary>
          <ExportPanel
            counts={{
              all: total,
              view:
                view.view === 'passages'
                  ? new Set(shownPassages.map((p) => p.pieceId)).size
                  : shownCount,
            }}
            openPiece={open?.title ?? null}
            progress={exportProgress}
            onExport={(request) => void onExport(request)}
          />
        </details>
        <details
          class="settings"
          onToggle={(e) => setSettingsOpen((e.currentTarget as HTMLDetailsElement).open)}
        >
          <summary>Backup and settings</summary>
          <AutoHighlightSetting
            enabled={autoHighlights?.enabled === true}
            sites={autoHighlights?.enabled ? autoHighlights.origins : clippedSites}
            onChange={(enabled) =>
              // The permission request must come first in the click handler (user gesture).
              void act(async () => {
                if (!enabled) return disableAutoHighlights(db, autoHighlights?.origins ?? []);
                if (!(await enableAutoHighlights(db, clippedSites))) {
                  setError(
                    'Automatic highlights stay off: the browser did not grant access to those sites.',
                  );
                }
              })
            }
          />
          <BackupPanel
            progress={backupProgress}
            onExport={async () => {
              try {
                saveBlob(
                  await exportBackupBlob(db, {
                    onProgress: throttleProgress<BackupProgress>(setBackupProgress),
                  }),
                  backupFileName(),
                );
              } finally {
                setBackupProgress(null);
              }
            }}
            onImport={async (file) => {
              try {
                return await importBackup(db, file, {
                  onProgress: throttleProgress<BackupProgress>(setBackupProgress),
                });
              } finally {
                setBackupProgress(null);
              }
            }}
          />
          {/* A row per theme: built only while the settings are open. */}
          {settingsOpen && (
            <ThemeColors
              themes={(tags ?? [])
                .filter((t) => t.kind === 'theme')
                .sort((x, y) => x.name.localeCompare(y.name))
                .map((t) => ({ id: t.id, name: t.name, color: themeColor(t) }))}
              onChange={(id, color) => void act(() => setThemeColor(db, id, color))}
            />
          )}
          <AnnotationImport
            onImport={async (file) => {
              const { summary, skipped } = await importAnnotations(db, await file.text());
              const added = summary.passages.added + summary.passages.updated;
              return `Imported ${added} ${added === 1 ? 'passage' : 'passages'} on ${summary.pieces.added} new ${summary.pieces.added === 1 ? 'page' : 'pages'}${skipped ? `; ${skipped} skipped` : ''}.`;
            }}
          />
        </details>
      </nav>
      <main class="content">
        {error && (
          <p role="alert" class="notice notice-error">
            {error}
          </p>
        )}
        {undo && (
          <p class="notice undo" role="status">
            Deleted “{undo.piece.title}”.{' '}
            <button
              type="button"
              onClick={() =>
                act(async () => {
                  await restorePiece(db, undo);
                  setUndo(null);
                })
              }
            >
              Undo
            </button>
          </p>
        )}
        {open && editing ? (
          <PieceEditor
            initial={{
              title: open.title,
              authors: names(open.authorIds),
              themes: names(open.themeIds),
              note: open.note,
              publishedTime: open.publishedTime,
            }}
            knownAuthors={allTagNames('author')}
            knownThemes={allTagNames('theme')}
            onSave={(edits) => onSaveEdits(open.id, edits)}
            onCancel={() => setEditing(false)}
          />
        ) : open ? (
          <ReaderView
            piece={open}
            authors={names(open.authorIds)}
            themes={names(open.themeIds)}
            html={display.html}
            blockedImages={display.blockedImages}
            missedPassages={missedPassages}
            contentRef={readerBody}
            onAllowImages={() =>
              act(() =>
                db.settings.put({
                  key: imageSettingKey(open.id),
                  value: true,
                  updatedAt: new Date().toISOString(),
                }),
              )
            }
            onEdit={() => setEditing(true)}
            onDelete={() => onDelete(open.id)}
            onClose={() => setView({ piece: null }, true)}
          />
        ) : loading ? (
          <p class="muted">Loading your collection…</p>
        ) : total === 0 ? (
          <p class="empty">
            Nothing clipped yet. Open an article and click the Commonplace button in the toolbar.
          </p>
        ) : (
          <VirtualList<Row>
            label={view.view === 'passages' ? 'Passages' : 'Pieces'}
            items={rows}
            itemKey={rowKey}
            itemHeight={rowHeight}
            isSelectable={isSelectable}
            onOpen={openRow}
            renderItem={renderRow}
            overscan={OVERSCAN}
            onRangeChange={onRowsShown}
          />
        )}
      </main>
    </div>
  );
}
