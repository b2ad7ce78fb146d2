/**
 * The Commonplace backup format, version 1: one JSON object holding every table of the database,
 * row for row. Its records are the row schemas of lib/model/row-schemas.ts (the single
 * definition: the validator runs them, `docs/backup.schema.json` is generated from them).
 */
import * as v from 'valibot';
import type { ContentRow, PassageRow, PieceRow, SettingRow, TagRow } from '../model/records';
import {
  ContentSchema,
  PassageSchema,
  PieceSchema,
  SettingSchema,
  TagSchema,
  timestamp,
} from '../model/row-schemas';

export const BACKUP_FORMAT = 'commonplace-backup';
export const BACKUP_VERSION = 1;

/** Tables in the order they appear in a backup (referenced rows before the rows referring to them). */
export const BACKUP_TABLES = ['tags', 'pieces', 'contents', 'passages', 'settings'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** The whole file, for documentation (JSON Schema) and type inference. */
export const BackupSchema = v.pipe(
  v.strictObject({
    format: v.pipe(v.literal(BACKUP_FORMAT), v.description('Always "commonplace-backup".')),
    version: v.pipe(v.literal(BACKUP_VERSION), v.description('Format version of this file.')),
    exportedAt: timestamp('When the backup was made.'),
    tags: v.pipe(v.array(TagSchema), v.description('Authors and themes.')),
    pieces: v.pipe(v.array(PieceSchema), v.description('Clipped pages, without their text.')),
    contents: v.pipe(v.array(ContentSchema), v.description('Stored copies, one per piece.')),
    passages: v.pipe(v.array(PassageSchema), v.description('Marked passages.')),
    settings: v.pipe(v.array(SettingSchema), v.description('Settings, one per key.')),
  }),
  v.title('Commonplace backup'),
  v.description(
    'A whole Commonplace collection. Besides this schema: ids, URLs and [kind+key] are unique, ' +
      'and every reference (pieceId, authorIds, themeIds) points at a row of the file.',
  ),
);

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  tags: TagRow[];
  pieces: PieceRow[];
  contents: ContentRow[];
  passages: PassageRow[];
  settings: SettingRow[];
}

/** A row of any table. */
export type BackupRow = Backup[BackupTable][number];

/** The primary key of a record of each table. */
export function primaryKey(table: BackupTable, row: BackupRow): string {
  if (table === 'contents') return (row as ContentRow).pieceId;
  if (table === 'settings') return (row as SettingRow).key;
  return (row as { id: string }).id;
}

/** IndexedDB's order of string keys (UTF-16 code units), which is also JavaScript's `<`. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
