/** The database table behind each backup table, typed by the rows a backup holds. */
import type { Table } from 'dexie';
import type { CommonplaceDB } from '../collection/database';
import type { BackupRow, BackupTable } from './format';

export function tableOf(db: CommonplaceDB, table: BackupTable): Table<BackupRow, string> {
  return db[table] as unknown as Table<BackupRow, string>;
}
