/** How the merge compares rows: which is newer, whether two are equal, what a merge did to one. */
import type { BackupRow } from './format';

/** What a merge did to a row, as a table's summary counts it. */
export type Outcome = 'added' | 'updated' | 'unchanged';

/** Strictly newer: equal instants (even written differently) are a tie. */
export function isNewer(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

/** Structural equality of JSON values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => deepEqual(item, other[i]));
  }
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(b, key) &&
      deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** What a merge did to a row: `before` (undefined: none) and `after` (undefined: not written). */
export function outcome(before: BackupRow | undefined, after: BackupRow | undefined): Outcome {
  if (before === undefined) return 'added';
  return after && !deepEqual(after, before) ? 'updated' : 'unchanged';
}
