/**
 * Export of the database as backup text. Each table is read in primary-key order, a chunk at a
 * time, and the text is yielded in pieces (the caller collects them into a Blob), so no giant
 * string is built. References that point at nothing (a tag or piece deleted meanwhile) are left
 * out (./references.ts), so that every export is importable.
 */
import type { CommonplaceDB } from '../collection/database';
import { BACKUP_TABLES, primaryKey, type BackupRow } from './format';
import type { BackupProgress } from './progress';
import { ReferenceFilter } from './references';
import { BackupWriter } from './serialize';
import { tableOf } from './tables';

export interface ExportOptions {
  /** Rows read per database request (default 500). */
  chunkSize?: number;
  onProgress?: (progress: BackupProgress) => void;
  /** The `exportedAt` stamp (default: now). */
  now?: Date;
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

  const references = new ReferenceFilter();
  // Text goes out in pieces of about 64 KB: small enough to stay short-lived, few enough to be cheap.
  const writer = new BackupWriter(exportedAt, YIELD_CHARS);
  for (const table of BACKUP_TABLES) {
    writer.beginTable(table);
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
        const kept = references.keep(table, row);
        if (!kept) continue;
        const text = writer.row(table, kept);
        if (text !== null) yield text;
      }
      done += rows.length;
      options.onProgress?.({ label: 'Exporting', done: Math.min(done, total), total });
    }
    writer.endTable();
  }
  yield writer.end();
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
