/**
 * The import's transaction. In ONE read-write transaction over every table, search index
 * included, it reads the existing rows a backup can match (the prefetch), applies the merge rules
 * of ./merge.ts, writes the added and changed rows in chunks and indexes them: all or nothing.
 */
import type { CommonplaceDB } from '../collection/database';
import type { ContentRow, PassageRow, PieceRow, SettingRow, TagRow } from '../model/records';
import { explainStorageError } from '../db/errors';
import { SEARCH_TABLES, indexPieceRows, indexPieces } from '../search';
import { BACKUP_TABLES, primaryKey, type Backup, type BackupRow, type BackupTable } from './format';
import { mergeIncoming, type MergeSummary } from './merge';
import type { MergeSource } from './merge-pass';
import type { BackupProgress } from './progress';
import { tableOf } from './tables';

export interface ImportOptions {
  /** Rows written per bulk request (default 1000). */
  chunkSize?: number;
  onProgress?: (progress: BackupProgress) => void;
  /** Problems listed at most (default 100). */
  maxErrors?: number;
}

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
};

/**
 * The existing rows an import can meet, read inside its transaction. Every piece URL (index keys
 * only), every tag and setting up front; piece rows on demand, each read once.
 */
export class ImportPrefetch {
  private readonly pieces = new Map<string, PieceRow>();

  private constructor(
    private readonly db: CommonplaceDB,
    private readonly chunkSize: number,
    /** url → id of every existing piece. */
    readonly pieceIdByUrl: ReadonlyMap<string, string>,
    /** Every existing tag (the tag table is small and matched by key and alias). */
    readonly tags: readonly TagRow[],
    private readonly settings: ReadonlyMap<string, SettingRow>,
  ) {}

  static async load(db: CommonplaceDB, chunkSize: number): Promise<ImportPrefetch> {
    const urls = new Map<string, string>();
    await db.pieces.orderBy('url').eachKey((url, cursor) => {
      urls.set(url as string, cursor.primaryKey);
    });
    const tags = await db.tags.toArray();
    const settings = new Map((await db.settings.toArray()).map((s) => [s.key, s]));
    return new ImportPrefetch(db, chunkSize, urls, tags, settings);
  }

  private async getMany<R>(table: BackupTable, keys: string[]): Promise<Map<string, R>> {
    const found = new Map<string, R>();
    for (const part of chunks(keys, this.chunkSize)) {
      const rows = await tableOf(this.db, table).bulkGet(part);
      for (const row of rows) if (row) found.set(primaryKey(table, row), row as R);
    }
    return found;
  }

  private async existingKeys(table: BackupTable): Promise<Set<string>> {
    return new Set((await tableOf(this.db, table).toCollection().primaryKeys()) as string[]);
  }

  /** The existing pieces among `ids`, in that order; rows read before are not read again. */
  async readPieces(ids: Iterable<string>): Promise<PieceRow[]> {
    const wanted = [...new Set(ids)];
    const missing = wanted.filter((id) => !this.pieces.has(id));
    for (const [id, piece] of await this.getMany<PieceRow>('pieces', missing)) {
      this.pieces.set(id, piece);
    }
    return wanted.flatMap((id) => this.pieces.get(id) ?? []);
  }

  /** A piece read by `readPieces` (or by `sourceFor`). */
  piece(id: string): PieceRow | undefined {
    return this.pieces.get(id);
  }

  /** The merge's view of the collection for `backup`: the rows its rows can match. */
  async sourceFor(backup: Backup): Promise<MergeSource> {
    const existingPieceIds = new Set(this.pieceIdByUrl.values());
    const wanted = new Set<string>();
    for (const piece of backup.pieces) {
      if (existingPieceIds.has(piece.id)) wanted.add(piece.id);
      const owner = this.pieceIdByUrl.get(piece.url);
      if (owner !== undefined) wanted.add(owner);
    }
    await this.readPieces(wanted);
    // Stored copies an incoming one can meet: of the pieces it names, or of the ones they match.
    const contentKeys = await this.existingKeys('contents');
    const wantedContents = new Set([...wanted, ...backup.contents.map((c) => c.pieceId)]);
    const contents = await this.getMany<ContentRow>(
      'contents',
      [...wantedContents].filter((id) => contentKeys.has(id)),
    );
    const passageKeys = await this.existingKeys('passages');
    const passages = await this.getMany<PassageRow>(
      'passages',
      backup.passages.map((p) => p.id).filter((id) => passageKeys.has(id)),
    );
    return {
      tags: this.tags,
      piece: (id) => this.pieces.get(id),
      pieceIdByUrl: (url) => this.pieceIdByUrl.get(url),
      content: (pieceId) => contents.get(pieceId),
      passage: (id) => passages.get(id),
      setting: (key) => this.settings.get(key),
    };
  }
}

/**
 * Indexes what an import wrote: new pieces from the rows in memory (nothing read back), pieces
 * that existed before and whose piece, copy or passages changed by reading them (and the piece
 * a passage was on before, when the import moved it).
 */
async function indexImported(
  db: CommonplaceDB,
  writes: Pick<Backup, 'pieces' | 'contents' | 'passages'>,
  existingPieceIds: ReadonlySet<string>,
  onProgress: ImportOptions['onProgress'],
  passageBefore: (id: string) => PassageRow | undefined,
  pieceBefore: (id: string) => PieceRow | undefined,
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
      ...writes.passages.flatMap((p) => passageBefore(p.id)?.pieceId ?? []),
    ].filter((id) => !isNew(id)),
  );
  // The existing pieces it rewrote, as they were indexed (the others are as stored).
  const replaced = new Map(
    writes.pieces.flatMap((p) => {
      const before = isNew(p.id) ? undefined : pieceBefore(p.id);
      return before ? [[p.id, before] as const] : [];
    }),
  );
  if (changed.size > 0) await indexPieces(db, [...changed], progress, replaced);
}

/** Merges a validated backup into the database in one transaction. */
export async function applyBackup(
  db: CommonplaceDB,
  backup: Backup,
  options: ImportOptions = {},
): Promise<MergeSummary> {
  return applyPrepared(db, () => backup, options);
}

/**
 * Merges into the database, in one transaction, the backup that `prepare` gives: it runs inside
 * the transaction with the prefetch, so the rows it reads there are not read twice. A throw
 * (from `prepare` too) aborts the transaction: nothing is written.
 */
export async function applyPrepared(
  db: CommonplaceDB,
  prepare: (prefetch: ImportPrefetch) => Backup | Promise<Backup>,
  options: ImportOptions = {},
): Promise<MergeSummary> {
  const chunkSize = options.chunkSize ?? 1000;
  const onProgress = options.onProgress;
  // The search index is kept current in the same transaction: all or nothing, index included.
  const tables = [...new Set<string>([...BACKUP_TABLES, ...SEARCH_TABLES])];
  try {
    return await db.transaction('rw', tables, async () => {
      onProgress?.({ label: 'Comparing with your collection', done: 0, total: 1 });
      const prefetch = await ImportPrefetch.load(db, chunkSize);
      const backup = await prepare(prefetch);
      const source = await prefetch.sourceFor(backup);
      const { writes, summary } = mergeIncoming(source, backup);
      const total = BACKUP_TABLES.reduce((sum, table) => sum + writes[table].length, 0);
      let done = 0;
      onProgress?.({ label: 'Importing', done, total });

      // A renamed tag or a re-addressed piece may take a key another changed row gives up:
      // remove the changed rows whose unique key moves first, then write everything.
      const tagsBefore = new Map(prefetch.tags.map((t) => [t.id, t]));
      const movedTags = writes.tags
        .filter((t) => {
          const before = tagsBefore.get(t.id);
          return before !== undefined && before.key !== t.key;
        })
        .map((t) => t.id);
      const movedPieces = writes.pieces
        .filter((p) => {
          const before = prefetch.piece(p.id);
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
      const existingPieceIds = new Set(prefetch.pieceIdByUrl.values());
      await indexImported(
        db,
        writes,
        existingPieceIds,
        onProgress,
        (id) => source.passage(id),
        (id) => prefetch.piece(id),
      );
      return summary;
    });
  } catch (error) {
    explainStorageError(error);
  }
}
