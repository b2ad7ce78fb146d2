/**
 * What the library paints before it has read the whole collection: the newest pieces and the
 * facet counts the index keeps. Reading 20,000 pieces takes a quarter of a second; this, a few
 * milliseconds.
 */
import type { CommonplaceDB } from './database';
import type { PieceRow } from '../model/records';
import { readFacetCounts, type FacetCounts } from '../search';

export interface FirstScreen {
  /** The newest pieces, newest first (as `sortPieces(…, 'captured')` orders them). */
  pieces: PieceRow[];
  /** Every piece in the collection. */
  total: number;
  counts: FacetCounts;
}

export function readFirstScreen(db: CommonplaceDB, rows: number): Promise<FirstScreen> {
  return db.transaction('r', [db.pieces, db.searchState], async () => {
    const [pieces, total, counts] = await Promise.all([
      db.pieces.orderBy('capturedAt').reverse().limit(rows).toArray(),
      db.pieces.count(),
      readFacetCounts(db),
    ]);
    return { pieces, total, counts };
  });
}
