/** The search index's tables in the database schema (version 2), and the upgrades that fill them. */
import type { Transaction } from 'dexie';
import type { PassageRow, PieceRow } from '../model/records';
import { countFacets, facetKeysOf } from './facets';
import { addPairKeys, applyPairDelta, passageTagsOf } from './pairs';
import type { SearchDocsRow, SearchLinksRow, SearchStateRow } from './types';
import { linksRow, rebuildIn, rowPairKeys, searchTables } from './writer';

/** Dexie store definitions of the index's tables (see ./types.ts). */
export const SEARCH_STORES = {
  searchState: 'id',
  searchSegments: 'seg',
  searchBlocks: '[seg+block]',
  searchTail: 'doc',
  searchDocs: 'pieceId',
} as const;

/** Tables added by version 4: the debate counts and the links of stored copies. */
export const DEBATE_STORES = {
  searchPairs: 'author',
  searchLinks: 'pieceId, *selves, *targets',
} as const;

/**
 * Upgrade to version 3: counts the facets (./facets.ts) of the pieces already indexed. (It also
 * copied each piece's keys into its docs row, which nothing reads any more: see SearchDocsRow.)
 */
export async function upgradeFacetCounts(tx: Transaction): Promise<void> {
  // Version 3's tables only (`searchTables` names those of version 4 too).
  const t = {
    state: tx.table<SearchStateRow, string>('searchState'),
    pieces: tx.table<PieceRow, string>('pieces'),
    docs: tx.table<SearchDocsRow, string>('searchDocs'),
  };
  const state = await t.state.get('index');
  if (!state) return;
  const pieces = new Map((await t.pieces.toArray()).map((piece) => [piece.id, piece]));
  state.facets = {};
  await t.docs.each((row) => {
    const piece = pieces.get(row.pieceId);
    if (piece) countFacets(state.facets, facetKeysOf(piece), 1);
  });
  await t.state.put(state);
}

/**
 * Upgrade to version 4: the debate counts (./pairs.ts) and the links (../connections/links.ts)
 * of the pieces already indexed, read once in the upgrade's transaction. A database of version 1
 * has no index yet: it is built here, with the tables of this version (the index is written with
 * them, so version 2, which made its tables, cannot build it).
 */
export async function upgradeDebateCounts(tx: Transaction): Promise<void> {
  const t = searchTables(tx);
  if (!(await t.state.get('index'))) return rebuildIn(t);
  const pieces = new Map((await t.pieces.toArray()).map((piece) => [piece.id, piece]));
  const passages = new Map<string, PassageRow>();
  await t.passages.each((passage) => passages.set(passage.id, passage));
  const rows = await t.docs.toArray();
  const delta = new Map<string, number>();
  for (const row of rows) {
    row.passageTags = row.passageIds.map((id) => {
      const passage = passages.get(id);
      return passage ? passageTagsOf(passage) : { authorIds: [], themeIds: [] };
    });
    const piece = pieces.get(row.pieceId);
    if (piece) addPairKeys(delta, rowPairKeys(piece, row), 1);
  }
  await t.docs.bulkPut(rows);
  await t.pairs.bulkPut(applyPairDelta(new Map(), delta).put);
  // A row for every indexed piece, copy or not, as indexing writes them.
  const links = new Map<string, SearchLinksRow>();
  await t.contents.each((content) => {
    const piece = pieces.get(content.pieceId);
    if (piece) links.set(piece.id, linksRow(piece, content));
  });
  for (const row of rows) {
    const piece = pieces.get(row.pieceId);
    if (piece && !links.has(piece.id)) links.set(piece.id, linksRow(piece, undefined));
  }
  await t.links.bulkPut([...links.values()]);
}
