/**
 * Counts of the debate table (authors × themes), kept with the index like the facet counts: the
 * library paints the table without reading 100,000 passages.
 *
 * A piece counts under each of its authors and each of its themes. A passage counts under its own
 * authors when it has any (the person quoted), else under its piece's; its themes likewise. Each
 * counted document gives keys `<kind><length of author>:<author><theme>` (kind `p` piece, `q`
 * passage; the length makes any id safe), where `''` (never a tag id) stands for any: `p1:a` is a
 * piece by a, `p0:t` a piece on t, `p1:at` a piece by a on t.
 */
import type { PassageRow, PieceRow } from '../model/records';
import { attributedTags } from '../tags/references';

/** A passage's own tags, as the index keeps them beside its document. */
export interface PassageTags {
  authorIds: string[];
  themeIds: string[];
}

export const ANY = '';

/** Counts of one author (`''`: of every piece or passage, whoever wrote it), by theme (`''`: any). */
export interface PairCountsRow {
  author: string;
  pieces: Record<string, number>;
  passages: Record<string, number>;
}

export function passageTagsOf(passage: PassageRow): PassageTags {
  return { authorIds: passage.authorIds, themeIds: passage.themeIds };
}

const pairKey = (kind: 'p' | 'q', author: string, theme: string) =>
  `${kind}${author.length}:${author}${theme}`;

function addKeys(keys: string[], kind: 'p' | 'q', authors: string[], themes: string[]): void {
  for (const author of authors) keys.push(pairKey(kind, author, ANY));
  for (const theme of themes) {
    keys.push(pairKey(kind, ANY, theme));
    for (const author of authors) keys.push(pairKey(kind, author, theme));
  }
}

const unique = (ids: readonly string[]) => [...new Set(ids)];

/** The keys a piece and its passages are counted under (a key once per document). */
export function pairKeysOf(
  piece: Pick<PieceRow, 'authorIds' | 'themeIds'>,
  passages: readonly PassageTags[],
): string[] {
  const keys: string[] = [];
  const authors = unique(piece.authorIds);
  const themes = unique(piece.themeIds);
  addKeys(keys, 'p', authors, themes);
  for (const passage of passages) {
    const tags = attributedTags(passage, { authorIds: authors, themeIds: themes });
    addKeys(keys, 'q', unique(tags.authorIds), unique(tags.themeIds));
  }
  return keys;
}

export function pairKeyParts(key: string): [kind: string, author: string, theme: string] {
  const colon = key.indexOf(':');
  const end = colon + 1 + Number(key.slice(1, colon));
  return [key[0]!, key.slice(colon + 1, end), key.slice(end)];
}

/** Adds `step` × each key to `delta` (a key may come several times). */
export function addPairKeys(delta: Map<string, number>, keys: readonly string[], step: 1 | -1) {
  for (const key of keys) {
    const next = (delta.get(key) ?? 0) + step;
    if (next === 0) delta.delete(key);
    else delta.set(key, next);
  }
}

/** Applies a change of counts to the rows it touches; returns the rows to put and to delete. */
export function applyPairDelta(
  rows: ReadonlyMap<string, PairCountsRow>,
  delta: ReadonlyMap<string, number>,
): { put: PairCountsRow[]; deleted: string[] } {
  const touched = new Map<string, PairCountsRow>();
  for (const [key, step] of delta) {
    const [kind, author, theme] = pairKeyParts(key);
    let row = touched.get(author);
    if (!row) {
      const stored = rows.get(author);
      row = stored
        ? { author, pieces: { ...stored.pieces }, passages: { ...stored.passages } }
        : { author, pieces: {}, passages: {} };
      touched.set(author, row);
    }
    const counts = kind === 'p' ? row.pieces : row.passages;
    const next = (counts[theme] ?? 0) + step;
    if (next > 0) counts[theme] = next;
    else delete counts[theme];
  }
  const put: PairCountsRow[] = [];
  const deleted: string[] = [];
  for (const row of touched.values()) {
    const empty = Object.keys(row.pieces).length === 0 && Object.keys(row.passages).length === 0;
    if (empty) deleted.push(row.author);
    else put.push(row);
  }
  return { put, deleted };
}

/** Rows of counts summed from keys (the pieces a filter lets through, say). */
export function pairRowsOfKeys(keys: Iterable<string>): PairCountsRow[] {
  const delta = new Map<string, number>();
  for (const key of keys) delta.set(key, (delta.get(key) ?? 0) + 1);
  return applyPairDelta(new Map(), delta).put;
}
