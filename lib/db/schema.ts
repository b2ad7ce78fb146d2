/**
 * The one Dexie database of Commonplace. Every table is typed here; every schema change is a new
 * `version()` with an upgrade function, never an edit of an old one.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import { SEARCH_STORES, upgradeFacetCounts, upgradeSearchIndex } from '../search/schema';
import type {
  SearchBlockRow,
  SearchDocsRow,
  SearchSegmentRow,
  SearchStateRow,
  SearchTailRow,
} from '../search/types';
import type { ContentRow, PassageRow, PieceRow, SettingRow, TagRow } from '../model/records';

export const DB_NAME = 'commonplace';

export const TABLE_NAMES = ['pieces', 'contents', 'passages', 'tags', 'settings'] as const;

/** The collection tables as version 1 made them (never edited: a change is a new version). */
export const VERSION_1_STORES = {
  pieces: 'id, &url, capturedAt, publishedTime, updatedAt, title, siteName, *authorIds, *themeIds',
  contents: 'pieceId',
  passages: 'id, pieceId, createdAt, updatedAt, *authorIds, *themeIds',
  tags: 'id, &[kind+key], kind, *aliasKeys, updatedAt',
  settings: 'key',
} as const;

export class CommonplaceDB extends Dexie {
  pieces!: EntityTable<PieceRow, 'id'>;
  contents!: EntityTable<ContentRow, 'pieceId'>;
  passages!: EntityTable<PassageRow, 'id'>;
  tags!: EntityTable<TagRow, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  // Search index (version 2), written only through lib/search.
  searchState!: Table<SearchStateRow, string>;
  searchSegments!: Table<SearchSegmentRow, number>;
  searchBlocks!: Table<SearchBlockRow, [number, number]>;
  searchTail!: Table<SearchTailRow, number>;
  searchDocs!: Table<SearchDocsRow, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(VERSION_1_STORES);
    // 2: the full-text search index (lib/search), built from the pieces already saved.
    this.version(2).stores(SEARCH_STORES).upgrade(upgradeSearchIndex);
    // 3: facet counts kept with the index, so the library paints its sidebar without reading
    // every piece (no new table or index).
    this.version(3).stores({}).upgrade(upgradeFacetCounts);
  }
}

let shared: CommonplaceDB | undefined;

/** The database of this extension origin (popup, library and background share it). */
export function openDatabase(): CommonplaceDB {
  shared ??= new CommonplaceDB();
  return shared;
}

export function newId(): string {
  return crypto.randomUUID();
}

export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}
