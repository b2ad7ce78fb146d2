/**
 * The one Dexie database of Commonplace: the collection's tables (lib/db) and the search
 * index's (lib/search). Every schema change is a new `version()` with an upgrade function, never
 * an edit of an old one.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import { VERSION_1_STORES, type CollectionTables } from '../db/schema';
import type { ContentRow, PassageRow, PieceRow, SettingRow, TagRow } from '../model/records';
import {
  DEBATE_STORES,
  SEARCH_STORES,
  upgradeDebateCounts,
  upgradeFacetCounts,
} from '../search/schema';
import type {
  PairCountsRow,
  SearchBlockRow,
  SearchDocsRow,
  SearchLinksRow,
  SearchSegmentRow,
  SearchStateRow,
  SearchTailRow,
} from '../search/types';

export const DB_NAME = 'commonplace';

export class CommonplaceDB extends Dexie implements CollectionTables {
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
  searchPairs!: Table<PairCountsRow, string>;
  searchLinks!: Table<SearchLinksRow, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(VERSION_1_STORES);
    // 2: the full-text search index (lib/search), built from the pieces already saved by the
    // upgrade to 4 (it writes 4's tables too).
    this.version(2).stores(SEARCH_STORES);
    // 3: facet counts kept with the index, so the library paints its sidebar without reading
    // every piece (no new table or index).
    this.version(3).stores({}).upgrade(upgradeFacetCounts);
    // 4: the debate table's counts and the links between stored copies, kept like the facets.
    this.version(4).stores(DEBATE_STORES).upgrade(upgradeDebateCounts);
  }
}

let shared: CommonplaceDB | undefined;

/** The database of this extension origin (popup, library and background share it). */
export function openDatabase(): CommonplaceDB {
  shared ??= new CommonplaceDB();
  return shared;
}
