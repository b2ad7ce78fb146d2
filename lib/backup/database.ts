/**
 * Export and import between the database and a backup file.
 *
 * Export reads each table in primary-key order, a chunk at a time, and yields the text in pieces
 * (the caller collects them into a Blob), so no giant string is built. References that point at
 * nothing (a tag or piece deleted meanwhile) are left out, so that every export is importable.
 *
 * Import reads and validates the whole file first; nothing is written when anything is wrong.
 * Then, in ONE read-write transaction over every table, it loads the existing rows the file can
 * match, applies the merge rules of ./merge.ts and writes the added and changed rows in chunks.
 */
import type { Table } from 'dexie';
import type { CommonplaceDB } from '../collection/database';
import type { ContentRow, PassageRow, PieceRow, TagRow } from '../model/records';
import { explainStorageError } from '../db/errors';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  primaryKey,
  type Backup,
  type BackupRow,
  type BackupTable,
} from './format';
import type { BackupIssue } from './issues';
import { mergeIncoming, type MergeSummary } from './merge';
import { BackupWriter, readBackupFile } from './serialize';
import { validateBackup } from './validate';
import { SEARCH_TABLES, indexPieceRows, indexPieces } from '../search';
import { importHypothesis, importWebAnnotations } from '../import';

export interface BackupProgress {
  /** What is happening, for the progress bar's label. */
  label: string;
  done: number;
  total: number;
}

export interface ExportOptions {
  /** Rows read per database request (default 500). */
  chunkSize?: number;
  onProgress?: (progress: BackupProgress) => void;
  /** The `exportedAt` stamp (default: now). */
  now?: Date;
}

export interface ImportOptions {
  /** Rows written per bulk request (default 1000). */
  chunkSize?: number;
  onProgress?: (progress: BackupProgress) => void;
  /** Problems listed at most (default 100). */
  maxErrors?: number;
}

export interface ImportSummary extends MergeSummary {
  /** The format version of the file when it was older and upgraded, else null. */
  upgradedFrom: number | null;
}

/** A file that was refused; `errors` say what is wrong and where. Nothing was written. */
export class InvalidBackupError extends Error {
  override name = 'InvalidBackupError';
  constructor(readonly errors: BackupIssue[]) {
    const first = errors[0];
    super(
      `Not imported: the file is not a valid Commonplace backup` +
        (first ? ` (${first.path}: ${first.message})` : '') +
        '. Nothing in your collection was changed.',
    );
  }
}

/** Offers a Blob as a download in a page (an `<a download>` click). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `commonplace-backup-2025-05-01.json` */
export function backupFileName(now: Date = new Date()): string {
  return `commonplace-backup-${now.toISOString().slice(0, 10)}.json`;
}

function tableOf(db: CommonplaceDB, table: BackupTable) {
  return db[table] as unknown as Table<BackupRow, string>;
}

const YIELD_CHARS = 1 << 16;

/** The whole collection as backup text, in pieces. */
export async function* exportBackup(
  db: CommonplaceDB,
  options: ExportOptions = {},
): AsyncGenerator<string, void, undefined> {
  const chunkSize = options.chunkSize ?? 500;
  const exportedAt = (options.now ?? new Date()).toISOString();
  const counts = await Promise.all(BACKUP_TABLES.map((table) => tableOf(db, table).count()));
  const total = counts.reduce((a, b) => a + b, 0);
  let done = 0;
  options.onProgress?.({ label: 'Exporting', done, total });

  const tagKinds = new Map<string, TagRow['kind']>();
  const pieceIds = new Set<string>();
  const refs = (ids: string[], kind: TagRow['kind']): string[] => {
    const kept = ids.filter((id, i) => tagKinds.get(id) === kind && ids.indexOf(id) === i);
    return kept.length === ids.length ? ids : kept;
  };
  /** The row as it can be restored, or null to leave it out. */
  const clean = (table: BackupTable, row: BackupRow): BackupRow | null => {
    switch (table) {
      case 'tags': {
        const tag = row as TagRow;
        tagKinds.set(tag.id, tag.kind);
        return tag;
      }
      case 'pieces': {
        const piece = row as PieceRow;
        pieceIds.add(piece.id);
        const authorIds = refs(piece.authorIds, 'author');
        const themeIds = refs(piece.themeIds, 'theme');
        return authorIds === piece.authorIds && themeIds === piece.themeIds
          ? piece
          : { ...piece, authorIds, themeIds };
      }
      case 'contents':
        return pieceIds.has((row as ContentRow).pieceId) ? row : null;
      case 'passages': {
        const passage = row as PassageRow;
        if (!pieceIds.has(passage.pieceId)) return null;
        const authorIds = refs(passage.authorIds, 'author');
        const themeIds = refs(passage.themeIds, 'theme');
        return authorIds === passage.authorIds && themeIds === passage.themeIds
          ? passage
          : { ...passage, authorIds, themeIds };
      }
      case 'settings':
        return row;
    }
  };

  const writer = new BackupWriter();
  // Text goes out in pieces of about 64 KB: small enough to stay short-lived, few enough to be cheap.
  let buffer: string[] = [writer.begin(exportedAt)];
  let size = 0;
  for (const table of BACKUP_TABLES) {
    buffer.push(writer.beginTable(table));
    const source = tableOf(db, table);
    const readAfter = (last: string | undefined): Promise<BackupRow[]> =>
      (last === undefined ? source.toCollection() : source.where(':id').above(last))
        .limit(chunkSize)
        .toArray();
    let reading = readAfter(undefined);
    for (;;) {
      const rows = await reading;
      if (rows.length === 0) break;
      // The next chunk is read while this one is written out (the browser reads, we stringify).
      reading =
        rows.length < chunkSize
          ? Promise.resolve([])
          : readAfter(primaryKey(table, rows[rows.length - 1]!));
      for (const row of rows) {
        const kept = clean(table, row);
        if (!kept) continue;
        const text = writer.row(table, kept);
        buffer.push(text);
        size += text.length;
        if (size >= YIELD_CHARS) {
          yield buffer.join('');
          buffer = [];
          size = 0;
        }
      }
      done += rows.length;
      options.onProgress?.({ label: 'Exporting', done: Math.min(done, total), total });
    }
    buffer.push(writer.endTable());
  }
  buffer.push(writer.end());
  yield buffer.join('');
  options.onProgress?.({ label: 'Exported', done: total, total });
}

/** The export as one Blob (type application/json), built from parts of a few MB. */
export async function exportBackupBlob(
  db: CommonplaceDB,
  options: ExportOptions = {},
): Promise<Blob> {
  const blobs: Blob[] = [];
  let pending: string[] = [];
  let size = 0;
  for await (const text of exportBackup(db, options)) {
    pending.push(text);
    size += text.length;
    if (size >= 4 << 20) {
      blobs.push(new Blob(pending));
      pending = [];
      size = 0;
    }
  }
  blobs.push(new Blob(pending));
  return new Blob(blobs, { type: 'application/json' });
}

/**
 * Imports a backup (its text, or a File/Blob) into the database, merging with what is there.
 * Throws InvalidBackupError, with every problem found, when the file is refused; StorageFullError
 * when the browser has no room. Either way nothing is written.
 */
export async function importBackup(
  db: CommonplaceDB,
  source: string | Blob | ReadableStream<Uint8Array>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const onProgress = options.onProgress;
  let input: unknown = source;
  if (typeof source !== 'string') {
    const file = source instanceof Blob ? source : await new Response(source).blob();
    onProgress?.({ label: 'Reading the file', done: 0, total: file.size });
    input = await readBackupFile(file, (done, total) =>
      onProgress?.({ label: 'Reading the file', done, total }),
    );
  }
  onProgress?.({ label: 'Checking the file', done: 0, total: 1 });
  // Checking is synchronous: let the page show the label first.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const result = validateBackup(input, { maxErrors: options.maxErrors });
  input = undefined;
  if (!result.ok) throw new InvalidBackupError(result.errors);
  const summary = await applyBackup(db, result.backup, options);
  return { ...summary, upgradedFrom: result.upgradedFrom };
}

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
};

/**
 * Indexes what an import wrote: new pieces from the rows in memory (nothing read back), pieces
 * that existed before and whose piece, copy or passages changed by reading them.
 */
async function indexImported(
  db: CommonplaceDB,
  writes: Pick<Backup, 'pieces' | 'contents' | 'passages'>,
  existingPieceIds: ReadonlySet<string>,
  onProgress: ImportOptions['onProgress'],
): Promise<void> {
  const isNew = (pieceId: string) => !existingPieceIds.has(pieceId);
  const progress =
    onProgress &&
    ((p: { done: number; total: number }) =>
      onProgress({ label: 'Indexing for search', done: p.done, total: p.total }));
  const pieces = writes.pieces.filter((p) => isNew(p.id));
  // No new piece: nothing is indexed from rows (an index pass would still bump its generation).
  if (pieces.length > 0) {
    await indexPieceRows(
      db,
      {
        pieces,
        contents: writes.contents.filter((c) => isNew(c.pieceId)),
        passages: writes.passages.filter((p) => isNew(p.pieceId)),
      },
      progress,
    );
  }
  const changed = new Set(
    [
      ...writes.pieces.map((p) => p.id),
      ...writes.contents.map((c) => c.pieceId),
      ...writes.passages.map((p) => p.pieceId),
    ].filter((id) => !isNew(id)),
  );
  if (changed.size > 0) await indexPieces(db, [...changed], progress);
}

/** Merges a validated backup into the database in one transaction. */
export async function applyBackup(
  db: CommonplaceDB,
  backup: Backup,
  options: ImportOptions = {},
): Promise<MergeSummary> {
  const chunkSize = options.chunkSize ?? 1000;
  const onProgress = options.onProgress;
  // The search index is kept current in the same transaction: all or nothing, index included.
  const tables = [...new Set<string>([...BACKUP_TABLES, ...SEARCH_TABLES])];
  try {
    return await db.transaction('rw', tables, async () => {
      onProgress?.({ label: 'Comparing with your collection', done: 0, total: 1 });
      const getMany = async <R>(table: BackupTable, keys: string[]): Promise<Map<string, R>> => {
        const found = new Map<string, R>();
        for (const part of chunks(keys, chunkSize)) {
          const rows = await tableOf(db, table).bulkGet(part);
          for (const row of rows) if (row) found.set(primaryKey(table, row), row as R);
        }
        return found;
      };
      const existingKeys = async (table: BackupTable): Promise<Set<string>> =>
        new Set((await tableOf(db, table).toCollection().primaryKeys()) as string[]);

      // Pieces: url → id of every existing piece (index keys only), then the rows that can match.
      const urls = new Map<string, string>();
      await db.pieces.orderBy('url').eachKey((url, cursor) => {
        urls.set(url as string, cursor.primaryKey);
      });
      const existingPieceIds = new Set(urls.values());
      const wanted = new Set<string>();
      for (const piece of backup.pieces) {
        if (existingPieceIds.has(piece.id)) wanted.add(piece.id);
        const owner = urls.get(piece.url);
        if (owner !== undefined) wanted.add(owner);
      }
      const pieces = await getMany<PieceRow>('pieces', [...wanted]);
      const tags = await db.tags.toArray();
      const settings = new Map((await db.settings.toArray()).map((s) => [s.key, s]));
      // Stored copies an incoming one can meet: of the pieces it names, or of the ones they match.
      const contentKeys = await existingKeys('contents');
      const wantedContents = new Set([...wanted, ...backup.contents.map((c) => c.pieceId)]);
      const contents = await getMany<ContentRow>(
        'contents',
        [...wantedContents].filter((id) => contentKeys.has(id)),
      );
      const passageKeys = await existingKeys('passages');
      const passages = await getMany<PassageRow>(
        'passages',
        backup.passages.map((p) => p.id).filter((id) => passageKeys.has(id)),
      );

      const { writes, summary } = mergeIncoming(
        {
          tags,
          piece: (id) => pieces.get(id),
          pieceIdByUrl: (url) => urls.get(url),
          content: (pieceId) => contents.get(pieceId),
          passage: (id) => passages.get(id),
          setting: (key) => settings.get(key),
        },
        backup,
      );
      const total = BACKUP_TABLES.reduce((sum, table) => sum + writes[table].length, 0);
      let done = 0;
      onProgress?.({ label: 'Importing', done, total });

      // A renamed tag or a re-addressed piece may take a key another changed row gives up:
      // remove the changed rows whose unique key moves first, then write everything.
      const tagsBefore = new Map(tags.map((t) => [t.id, t]));
      const movedTags = writes.tags
        .filter((t) => {
          const before = tagsBefore.get(t.id);
          return before !== undefined && before.key !== t.key;
        })
        .map((t) => t.id);
      const movedPieces = writes.pieces
        .filter((p) => {
          const before = pieces.get(p.id);
          return before !== undefined && before.url !== p.url;
        })
        .map((p) => p.id);
      if (movedTags.length > 0) await db.tags.bulkDelete(movedTags);
      if (movedPieces.length > 0) await db.pieces.bulkDelete(movedPieces);

      for (const table of BACKUP_TABLES) {
        for (const part of chunks(writes[table] as BackupRow[], chunkSize)) {
          await tableOf(db, table).bulkPut(part);
          done += part.length;
          onProgress?.({ label: 'Importing', done, total });
        }
      }
      await indexImported(db, writes, existingPieceIds, onProgress);
      return summary;
    });
  } catch (error) {
    explainStorageError(error);
  }
}

/**
 * The collection (or only the pieces `pieceIds`, with their copies, passages and tags) as an
 * in-memory Backup, the input of every export format.
 */
export async function collectBackup(
  db: CommonplaceDB,
  pieceIds: readonly string[] | null,
  now: Date = new Date(),
): Promise<Backup> {
  return db.transaction(
    'r',
    db.pieces,
    db.contents,
    db.passages,
    db.tags,
    db.settings,
    async () => {
      const pieces = pieceIds
        ? (await db.pieces.bulkGet([...pieceIds])).filter((p): p is PieceRow => p !== undefined)
        : await db.pieces.toArray();
      const ids = pieces.map((p) => p.id);
      const contents = pieceIds
        ? (await db.contents.bulkGet(ids)).filter((c): c is ContentRow => c !== undefined)
        : await db.contents.toArray();
      const passages = pieceIds
        ? await db.passages.where('pieceId').anyOf(ids).toArray()
        : await db.passages.toArray();
      const used = new Set(
        [...pieces, ...passages].flatMap((r) => [...r.authorIds, ...r.themeIds]),
      );
      const tags = (await db.tags.toArray()).filter((t) => !pieceIds || used.has(t.id));
      return {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: now.toISOString(),
        tags,
        pieces,
        contents,
        passages,
        settings: pieceIds ? [] : await db.settings.toArray(),
      };
    },
  );
}

/**
 * Annotations exported by another tool, merged into the collection like a backup: pieces for
 * their pages (matched by URL), passages with their selectors, themes from their tags.
 */
export async function importAnnotations(
  db: CommonplaceDB,
  text: string,
): Promise<{ summary: MergeSummary; skipped: number }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InvalidBackupError([{ path: '$', message: 'not valid JSON' }]);
  }
  const context = {
    tags: await db.tags.toArray(),
    pieces: await db.pieces.toArray(),
    passages: await db.passages.toArray(),
  };
  const isHypothesis =
    typeof json === 'object' && json !== null && 'annotations' in json && 'export_date' in json;
  const { backup, summary } = isHypothesis
    ? importHypothesis(json, context)
    : importWebAnnotations(json, context);
  const checked = validateBackup(backup);
  if (!checked.ok) throw new InvalidBackupError(checked.errors);
  return { summary: await applyBackup(db, checked.backup), skipped: summary.skipped.length };
}
