/** The search index's tables in the database schema (version 2), and the upgrades that fill them. */
import type { Transaction } from 'dexie';
import { countFacets, facetKeysOf } from './facets';
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

/** Upgrade to version 3: counts the facets (./facets.ts) of the pieces already indexed. */
export async function upgradeFacetCounts(tx: Transaction): Promise<void> {
  const t = searchTables(tx);
  const state = await t.state.get('index');
  if (!state) return;
  const pieces = new Map((await t.pieces.toArray()).map((piece) => [piece.id, piece]));
  const rows = await t.docs.toArray();
  state.facets = {};
  for (const row of rows) {
    const piece = pieces.get(row.pieceId);
    row.facets = piece ? facetKeysOf(piece) : [];
    countFacets(state.facets, row.facets, 1);
  }
  await t.docs.bulkPut(rows);
  await t.state.put(state);
}
