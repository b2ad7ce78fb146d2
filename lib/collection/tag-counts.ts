/**
 * How many pieces and passages carry each tag, read from the tag indexes alone (their keys, not
 * the rows): 100,000 passages are counted without one being read.
 */
import type { CommonplaceDB } from './database';

export interface TagCount {
  pieces: number;
  passages: number;
}

function countKeys(keys: readonly unknown[], into: Map<string, TagCount>, field: keyof TagCount) {
  for (const key of keys) {
    const id = key as string;
    let count = into.get(id);
    if (!count) into.set(id, (count = { pieces: 0, passages: 0 }));
    count[field]++;
  }
}

/** Tag id → its counts; a tag that nothing carries is absent. */
export function readTagCounts(db: CommonplaceDB): Promise<Map<string, TagCount>> {
  return db.transaction('r', [db.pieces, db.passages], async (tx) => {
    const pieces = tx.table('pieces');
    const passages = tx.table('passages');
    const [pa, pt, qa, qt] = await Promise.all([
      pieces.orderBy('authorIds').keys(),
      pieces.orderBy('themeIds').keys(),
      passages.orderBy('authorIds').keys(),
      passages.orderBy('themeIds').keys(),
    ]);
    const counts = new Map<string, TagCount>();
    countKeys(pa, counts, 'pieces');
    countKeys(pt, counts, 'pieces');
    countKeys(qa, counts, 'passages');
    countKeys(qt, counts, 'passages');
    return counts;
  });
}
