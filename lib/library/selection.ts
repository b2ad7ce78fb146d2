/** Choosing many rows of the list: by range, one at a time, or all. Pure. */
import type { PieceRow, TagRow } from '../model/records';

/** The keys of the items from index `a` to index `b`, both included, in either order. */
export function keysBetween<T>(
  items: readonly T[],
  a: number,
  b: number,
  keyOf: (item: T) => string | null,
): string[] {
  const keys: string[] = [];
  const [from, to] = a <= b ? [a, b] : [b, a];
  for (let i = Math.max(0, from); i <= to && i < items.length; i++) {
    const key = keyOf(items[i]!);
    if (key !== null) keys.push(key);
  }
  return keys;
}

/** `selected` with `keys` added. */
export function withKeys(selected: ReadonlySet<string>, keys: readonly string[]): Set<string> {
  const next = new Set(selected);
  for (const key of keys) next.add(key);
  return next;
}

/** `selected` with `key` added, or taken out when it is there. */
export function toggledKey(selected: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(selected);
  if (!next.delete(key)) next.add(key);
  return next;
}

/** The tags carried by at least one of `pieces`, authors first, each A–Z. */
export function tagsOnPieces(
  pieces: readonly PieceRow[],
  tagsById: ReadonlyMap<string, TagRow>,
): TagRow[] {
  const ids = new Set<string>();
  for (const piece of pieces) {
    for (const id of piece.authorIds) ids.add(id);
    for (const id of piece.themeIds) ids.add(id);
  }
  return [...ids]
    .flatMap((id) => tagsById.get(id) ?? [])
    .sort((a, b) =>
      a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'author' ? -1 : 1,
    );
}
