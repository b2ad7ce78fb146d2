/**
 * The merge rules, shared by import (against the rows already in the database) and by the offline
 * `merge` command (against another backup):
 *
 * - Tags are the same tag when they have the same id and kind, else the same kind and key, else
 *   the same kind and the incoming key is an alias key of an existing tag (or an existing key an
 *   alias key of the incoming tag). The existing id is kept; aliases are united, and the name of
 *   the losing record becomes an alias when its key differs.
 * - Pieces are the same piece when they have the same id, else the same canonical URL. The
 *   existing id is kept, and the incoming piece's stored copy and passages follow it.
 * - Stored copies match by piece, passages by id, settings by key. A piece takes the fields that
 *   describe its copy (kind, words, hash, when taken) from the side whose copy was kept.
 * - For the same record, the newer `updatedAt` wins (the whole record); on a tie the existing
 *   record stays. A change that would give two tags one key, or two pieces one URL, is not made.
 * - References (pieceId, authorIds, themeIds) of incoming rows are rewritten to the kept ids.
 *
 * Every rule keeps what is already there when nothing is newer, and the order of the rows in the
 * file does not matter (existing tags and pieces are merged first, retried while one frees a key
 * another wants; `mergeIncoming` repeats passes until nothing changes). So merging the same data
 * twice changes nothing the second time, and merging a backup with itself gives it back.
 *
 * One pass is the Merger of ./merge-pass.ts; this file repeats passes and merges two backups.
 */
import type { SettingRow, TagRow } from '../model/records';
import { isDeviceSetting } from '../settings/catalogue';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  compareKeys,
  primaryKey,
  type Backup,
  type BackupRow,
  type BackupTable,
} from './format';
import { isNewer, outcome } from './merge-compare';
import { Merger, type MergeSource } from './merge-pass';

export interface TableSummary {
  /** Rows that were not there before. */
  added: number;
  /** Rows that were there and changed. */
  updated: number;
  /** Incoming rows that matched a row and changed nothing. */
  unchanged: number;
}

export type MergeSummary = Record<BackupTable, TableSummary>;

/** Primary-key order of a table's rows. */
const byKey =
  (table: BackupTable) =>
  (a: BackupRow, b: BackupRow): number =>
    compareKeys(primaryKey(table, a), primaryKey(table, b));

/** A merge source over the rows of a backup. */
function backupSource(backup: Backup): MergeSource {
  const pieces = new Map(backup.pieces.map((p) => [p.id, p]));
  const urls = new Map(backup.pieces.map((p) => [p.url, p.id]));
  const contents = new Map(backup.contents.map((c) => [c.pieceId, c]));
  const passages = new Map(backup.passages.map((p) => [p.id, p]));
  const settings = new Map(backup.settings.map((s) => [s.key, s]));
  return {
    tags: backup.tags,
    piece: (id) => pieces.get(id),
    pieceIdByUrl: (url) => urls.get(url),
    content: (pieceId) => contents.get(pieceId),
    passage: (id) => passages.get(id),
    setting: (key) => settings.get(key),
  };
}

type TableRows = { [T in BackupTable]: Map<string, Backup[T][number]> };

const emptyTableRows = (): TableRows => ({
  tags: new Map(),
  pieces: new Map(),
  contents: new Map(),
  passages: new Map(),
  settings: new Map(),
});

/** `base` with `rows` written over it (a merge only adds and replaces rows). */
function overlaySource(base: MergeSource, rows: TableRows): MergeSource {
  const tags = new Map<string, TagRow>();
  for (const tag of base.tags) tags.set(tag.id, tag);
  for (const [id, tag] of rows.tags) tags.set(id, tag);
  // url → piece id, or null for a URL a piece gave up.
  const urls = new Map<string, string | null>();
  for (const piece of rows.pieces.values()) {
    const before = base.piece(piece.id);
    if (before && before.url !== piece.url) urls.set(before.url, null);
  }
  for (const piece of rows.pieces.values()) urls.set(piece.url, piece.id);
  return {
    tags: [...tags.values()],
    piece: (id) => rows.pieces.get(id) ?? base.piece(id),
    pieceIdByUrl: (url) => (urls.has(url) ? (urls.get(url) ?? undefined) : base.pieceIdByUrl(url)),
    content: (pieceId) => rows.contents.get(pieceId) ?? base.content(pieceId),
    passage: (id) => rows.passages.get(id) ?? base.passage(id),
    setting: (key) => rows.settings.get(key) ?? base.setting(key),
  };
}

/** A bound on the passes: each one only applies newer rows and unites aliases, so few are needed. */
const MAX_PASSES = 8;

/**
 * `incoming` merged into `source`, pass after pass, until a pass changes nothing: what one pass
 * does can make a change possible that it refused earlier (a tag renamed onto a name that an
 * alias match later frees). Without more passes, importing the same file again could still
 * change something. Gives the rows to write and the counts, both against `source`.
 */
export function mergeIncoming(
  source: MergeSource,
  incoming: Backup,
): { writes: { [T in BackupTable]: Backup[T] }; summary: MergeSummary } {
  const merged = emptyTableRows();
  const touched = Object.fromEntries(
    BACKUP_TABLES.map((table) => [table, new Set<string>()]),
  ) as Record<BackupTable, Set<string>>;
  let current = source;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const merger = new Merger(current);
    merger.mergeAll(incoming);
    const writes = merger.finish();
    let changed = false;
    for (const table of BACKUP_TABLES) {
      for (const key of merger.touchedKeys(table)) touched[table].add(key);
      const rows = merged[table] as Map<string, BackupRow>;
      for (const row of writes[table] as BackupRow[]) {
        rows.set(primaryKey(table, row), row);
        changed = true;
      }
    }
    if (!changed) break;
    current = overlaySource(source, merged);
  }

  const tagsBefore = new Map<string, TagRow>();
  for (const tag of source.tags) tagsBefore.set(tag.id, tag);
  const before: { [T in BackupTable]: (key: string) => Backup[T][number] | undefined } = {
    tags: (id) => tagsBefore.get(id),
    pieces: (id) => source.piece(id),
    contents: (pieceId) => source.content(pieceId),
    passages: (id) => source.passage(id),
    settings: (key) => source.setting(key),
  };
  const summary = {} as MergeSummary;
  const writes = {} as Record<BackupTable, BackupRow[]>;
  for (const table of BACKUP_TABLES) {
    const counts: TableSummary = { added: 0, updated: 0, unchanged: 0 };
    const rows: BackupRow[] = [];
    for (const key of touched[table]) {
      const after = merged[table].get(key) as BackupRow | undefined;
      const result = outcome(before[table](key) as BackupRow | undefined, after);
      counts[result]++;
      if (after && result !== 'unchanged') rows.push(after);
    }
    rows.sort(byKey(table));
    summary[table] = counts;
    writes[table] = rows;
  }
  return { writes: writes as { [T in BackupTable]: Backup[T] }, summary };
}

/** The rows of every table in primary-key order (the order of an export). */
export function sortBackup(backup: Backup): Backup {
  const sorted = { ...backup };
  for (const table of BACKUP_TABLES) {
    const rows = [...backup[table]] as BackupRow[];
    rows.sort(byKey(table));
    (sorted as Record<BackupTable, BackupRow[]>)[table] = rows;
  }
  return sorted;
}

/**
 * `incoming` merged into `base`, as import would merge it into a database holding `base`.
 * Pure; both must be valid backups. Rows come out in primary-key order.
 */
export function mergeBackupsWithSummary(
  base: Backup,
  incoming: Backup,
): { backup: Backup; summary: MergeSummary } {
  const { writes, summary } = mergeIncoming(backupSource(base), incoming);
  const result: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: isNewer(incoming.exportedAt, base.exportedAt)
      ? incoming.exportedAt
      : base.exportedAt,
    tags: [],
    pieces: [],
    contents: [],
    passages: [],
    settings: [],
  };
  for (const table of BACKUP_TABLES) {
    const rows = new Map<string, BackupRow>();
    for (const row of base[table] as BackupRow[]) {
      // An old file may hold another device's settings: they stay out, as in an import.
      if (table === 'settings' && isDeviceSetting((row as SettingRow).key)) continue;
      rows.set(primaryKey(table, row), row);
    }
    for (const row of writes[table] as BackupRow[]) rows.set(primaryKey(table, row), row);
    (result as unknown as Record<BackupTable, BackupRow[]>)[table] = [...rows.values()];
  }
  return { backup: sortBackup(result), summary };
}
