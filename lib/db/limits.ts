/**
 * Rows are checked against their schemas (lib/model/row-schemas.ts, which the backup format
 * shares) before they are saved: a row the backup would refuse (a note of millions of characters,
 * a quote longer than the format allows) would make the collection's own backup unimportable, so
 * it is refused at once, with a reason.
 */
import * as v from 'valibot';
import { RECORD_SCHEMAS, type RecordTable } from '../model/row-schemas';
import { UserError } from '../errors';

export class RowTooLargeError extends UserError {
  override name = 'RowTooLargeError';
}

/** Throws RowTooLargeError, naming the field, when `row` is not a valid `table` record. */
export function assertSavable(table: RecordTable, row: unknown): void {
  const result = v.safeParse(RECORD_SCHEMAS[table], row);
  if (result.success) return;
  const issue = result.issues[0];
  // `passages.selectors[3].type`, as the backup's messages name a field.
  const field = (issue.path ?? []).reduce<string>((path, item) => {
    const key = (item as { key: unknown }).key;
    if (typeof key === 'number') return `${path}[${key}]`;
    return path ? `${path}.${String(key)}` : String(key);
  }, '');
  throw new RowTooLargeError(
    `Not saved: ${field || table}: ${issue.message}. Nothing already saved was changed.`,
  );
}
