/**
 * Everything the library page reads from the database, as hooks whose values follow the tables:
 * writes made here, on other extension pages or by the background show up without a reload.
 */
import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { openDatabase } from '../../lib/collection/database';
import type { PassageRow, PieceRow } from '../../lib/model/records';
import { readFirstScreen, type FirstScreen } from '../../lib/collection/first-screen';
import {
  listsEveryPieceNewestFirst,
  type LibraryView,
  type ViewKind,
} from '../../lib/library/view';
import { ROW_HEIGHT } from './layout';
import { useSearch } from './search';
import { readSetting } from '../../lib/collection/settings';
import { readTagCounts } from '../../lib/collection/tag-counts';
import {
  readDebateCounts,
  readPieceConnections,
  readPieceLinks,
} from '../../lib/collection/debate';
import { AUTO_HIGHLIGHTS, IMAGES_SHOWN } from '../../lib/settings/catalogue';

const db = openDatabase();
const NO_PASSAGES: PassageRow[] = [];
/** Rows of the first screen beyond those that fit the window (the list's overscan and more). */
const FIRST_SCREEN_EXTRA_ROWS = 20;

const report = (error: unknown) => console.error('library query failed', error);

/** The result of a Dexie query, re-run whenever the tables it read change. */
function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: report });
    return () => subscription.unsubscribe();
    // The caller's list, checked where it is written (eslint: additionalHooks).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}

export interface PieceList {
  /** Every piece; undefined until read. */
  pieces: PieceRow[] | undefined;
  /** The newest pieces and the facet counts, read first when the page opens on the plain list. */
  firstScreen: FirstScreen | null;
  /** Whether every piece is being (or has been) read: after the first screen, if there is one. */
  readingAll: boolean;
}

/**
 * Every piece. A plain list (every piece, newest first) is painted from its first screen; every
 * piece is read once that is on screen (reading them first would hold the paint for a quarter
 * second). Only the view the page opens with decides.
 */
export function usePieces(openingView: LibraryView): PieceList {
  const [firstScreen, setFirstScreen] = useState<FirstScreen | null>(null);
  const [readingAll, setReadingAll] = useState(() => !listsEveryPieceNewestFirst(openingView));
  useEffect(() => {
    if (readingAll) return;
    readFirstScreen(db, Math.ceil(innerHeight / ROW_HEIGHT.piece) + FIRST_SCREEN_EXTRA_ROWS)
      .then(setFirstScreen, report)
      .finally(() => setReadingAll(true));
  }, [readingAll]);
  const pieces = useLiveQuery(
    () => (readingAll ? db.pieces.toArray() : Promise.resolve(undefined)),
    [readingAll],
  );
  return { pieces, firstScreen, readingAll };
}

/** Every author and theme. */
export function useTags() {
  return useLiveQuery(() => db.tags.toArray(), []);
}

/** Every passage, read only when `wanted`: 100,000 of them would slow the first paint. */
export function usePassages(wanted: boolean) {
  return useLiveQuery(
    () => (wanted ? db.passages.toArray() : Promise.resolve(undefined)),
    [wanted],
  );
}

/**
 * The search of `q` (see useSearch), run again on any change of the pieces or passages, so
 * results follow saves made elsewhere. Passages are watched through their count and last change.
 */
export function useCollectionSearch(q: string, view: ViewKind, { pieces, readingAll }: PieceList) {
  const passageStamp = useLiveQuery(async () => {
    if (!readingAll) return undefined;
    const last = await db.passages.orderBy('updatedAt').last();
    return `${await db.passages.count()} ${last?.updatedAt ?? ''}`;
  }, [readingAll]);
  const revision = useMemo(() => ({ pieces, passageStamp }), [pieces, passageStamp]);
  return useSearch(db, q, view, revision, pieces !== undefined);
}

/** The automatic-highlights setting; undefined until read. */
export function useAutoHighlights() {
  return useLiveQuery(() => readSetting(db, AUTO_HIGHLIGHTS), []);
}

/** The stored copy of a piece. */
export function useStoredCopy(pieceId: string) {
  return useLiveQuery(() => db.contents.get(pieceId), [pieceId]);
}

/** Whether the reader let a piece's copy load its images; false until read. */
export function useImagesAllowed(pieceId: string): boolean {
  const allowed = useLiveQuery(() => readSetting(db, IMAGES_SHOWN.of(pieceId)), [pieceId]);
  return allowed === true;
}

/** The passages of a piece; none until read. */
export function usePiecePassages(pieceId: string) {
  return (
    useLiveQuery(() => db.passages.where('pieceId').equals(pieceId).toArray(), [pieceId]) ??
    NO_PASSAGES
  );
}

/** How many pieces and passages carry each tag, read only while `wanted` (the Tags panel). */
export function useTagCounts(wanted: boolean) {
  return useLiveQuery(() => (wanted ? readTagCounts(db) : Promise.resolve(undefined)), [wanted]);
}

/**
 * The debate table's counts: kept ones (`pieces` null), those of some pieces, or none yet
 * (`undefined`: the pieces are being read).
 */
export function useDebateCounts(pieces: readonly PieceRow[] | null | undefined) {
  const read = useLiveQuery(
    async () =>
      pieces === undefined ? undefined : { of: pieces, rows: await readDebateCounts(db, pieces) },
    [pieces],
  );
  // Not the counts of the pieces asked for before (while these are read).
  return read && read.of === pieces ? read.rows : undefined;
}

/** Every link between two saved pieces, read only while `wanted`. */
export function usePieceLinks(wanted: boolean) {
  return useLiveQuery(() => (wanted ? readPieceLinks(db) : Promise.resolve(undefined)), [wanted]);
}

/** The saved pieces a piece links to and that link to it; undefined until read. */
export function usePieceConnections(pieceId: string) {
  return useLiveQuery(() => readPieceConnections(db, pieceId), [pieceId]);
}
