import { describe, expect, test } from 'vitest';
import { readFirstScreen } from '../../../lib/collection/first-screen';
import { facetCounts, sortPieces } from '../../../lib/library/view';
import { indexPieces } from '../../../lib/search';
import { freshDatabase } from '../factories';
import { putPiece } from '../search/helpers';

describe('readFirstScreen', () => {
  test('the newest pieces in list order, the total, and the counts of the whole collection', async () => {
    const db = freshDatabase();
    for (let i = 0; i < 30; i++) {
      await putPiece(db, {
        id: `p${String(i).padStart(2, '0')}`,
        // Ten clipping times, three pieces each: ties are ordered as the full list orders them.
        capturedAt: new Date(Date.UTC(2026, 0, 1 + (i % 10))).toISOString(),
        authors: i % 3 === 0 ? ['Boris Kagarlitsky'] : ['Christopher Ford', 'Ilya Budraitskis'],
        themes: i % 4 === 0 ? ['Russian imperialism'] : [],
      });
    }
    const all = await db.pieces.toArray();
    await indexPieces(
      db,
      all.map((p) => p.id),
    );

    const first = await readFirstScreen(db, 12);
    expect(first.pieces.map((p) => p.id)).toEqual(
      sortPieces(all, 'captured')
        .slice(0, 12)
        .map((p) => p.id),
    );
    expect(first.total).toBe(30);
    expect(first.counts).toEqual(facetCounts(all));
    expect(first.counts.authors.size).toBe(3);
  });

  test('an empty collection', async () => {
    const first = await readFirstScreen(freshDatabase(), 12);
    expect(first).toEqual({
      pieces: [],
      total: 0,
      counts: { authors: new Map(), themes: new Map(), sites: new Map() },
    });
  });
});
