/**
 * What the debate view and the reader read: the kept counts of the authors × themes table, and
 * the links between saved pieces (both kept by the search index as the collection changes).
 */
import type { PieceRow } from '../model/records';
import {
  readConnections,
  readLinkPairs,
  readPairCounts,
  readPairCountsOf,
  type PairCountsRow,
} from '../search';
import type { CommonplaceDB } from './database';

export type { PairCountsRow };

/**
 * The table's counts: as kept, for the whole collection (`pieces` null), or summed over some
 * pieces (those a filter lets through, as stored).
 */
export function readDebateCounts(
  db: CommonplaceDB,
  pieces: readonly PieceRow[] | null,
): Promise<PairCountsRow[]> {
  return pieces ? readPairCountsOf(db, pieces) : readPairCounts(db);
}

export interface PieceConnections {
  /** The saved pieces this one links to, A–Z. */
  linksTo: PieceRow[];
  /** The saved pieces that link to this one, A–Z. */
  linkedFrom: PieceRow[];
}

const byTitle = (a: PieceRow, b: PieceRow) => a.title.localeCompare(b.title);

export async function readPieceConnections(
  db: CommonplaceDB,
  pieceId: string,
): Promise<PieceConnections> {
  const { linksTo, linkedFrom } = await readConnections(db, pieceId);
  const pieces = async (ids: string[]) =>
    (await db.pieces.bulkGet(ids)).filter((p): p is PieceRow => p !== undefined).sort(byTitle);
  return { linksTo: await pieces(linksTo), linkedFrom: await pieces(linkedFrom) };
}

/** Every link between two saved pieces, [from, to], each pair once. */
export function readPieceLinks(db: CommonplaceDB): Promise<[string, string][]> {
  return readLinkPairs(db);
}
