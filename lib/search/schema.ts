/** The search index's tables in the database schema (version 2), and the upgrade that fills them. */
import type { Transaction } from 'dexie';
import { rebuildIn, searchTables } from './writer';

/** Dexie store definitions of the index's tables (see ./types.ts). */
export const SEARCH_STORES = {
  searchState: 'id',
  searchSegments: 'seg',
  searchBlocks: '[seg+block]',
  searchTail: 'doc',
  searchDocs: 'pieceId',
} as const;

/** Upgrade to version 2: indexes every piece already saved, in the upgrade's transaction. */
export async function upgradeSearchIndex(tx: Transaction): Promise<void> {
  await rebuildIn(searchTables(tx));
}
