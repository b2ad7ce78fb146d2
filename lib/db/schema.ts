/**
 * The collection's own tables: their stores as version 1 made them, and the typed tables that
 * every function of lib/db reads and writes. The database that holds them (and the search
 * index's tables) is opened by lib/collection, which also opens every transaction.
 */
import type { EntityTable, Transaction } from 'dexie';
import type { ContentRow, PassageRow, PieceRow, SettingRow, TagRow } from '../model/records';

export const TABLE_NAMES = ['pieces', 'contents', 'passages', 'tags', 'settings'] as const;

/** The collection tables as version 1 made them (never edited: a change is a new version). */
export const VERSION_1_STORES = {
  pieces: 'id, &url, capturedAt, publishedTime, updatedAt, title, siteName, *authorIds, *themeIds',
  contents: 'pieceId',
  passages: 'id, pieceId, createdAt, updatedAt, *authorIds, *themeIds',
  tags: 'id, &[kind+key], kind, *aliasKeys, updatedAt',
  settings: 'key',
} as const;

/**
 * The tables lib/db works on. Pass the database itself inside a transaction that the caller
 * opened over the tables used (Dexie binds them to it).
 */
export interface CollectionTables {
  pieces: EntityTable<PieceRow, 'id'>;
  contents: EntityTable<ContentRow, 'pieceId'>;
  passages: EntityTable<PassageRow, 'id'>;
  tags: EntityTable<TagRow, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
}

export function newId(): string {
  return crypto.randomUUID();
}

export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}

/**
 * The collection tables bound to transaction `tx`: what is read and written through them is
 * part of it whatever the `await`s in between (Dexie's tracking of the current transaction
 * across native `await`s is not relied upon).
 */
export function tablesOf(tx: Transaction): CollectionTables {
  return {
    pieces: tx.table('pieces'),
    contents: tx.table('contents'),
    passages: tx.table('passages'),
    tags: tx.table('tags'),
    settings: tx.table('settings'),
  };
}
