/**
 * Rows are checked against the backup format before they are saved: a row the backup would refuse
 * (a note of millions of characters, a quote longer than the format allows) would make the
 * collection's own backup unimportable, so it is refused at once, with a reason.
 */
import * as v from 'valibot';
import { BACKUP_VERSION, RECORD_SCHEMAS, type BackupTable } from '../backup/format';
import { fromValibot, issueKeys, joinPath } from '../backup/issues';
import { UserError } from '../errors';

export class RowTooLargeError extends UserError {
  override name = 'RowTooLargeError';
}

/** Throws RowTooLargeError, naming the field, when `row` is not a valid `table` record. */
export function assertSavable(table: BackupTable, row: unknown): void {
  const result = v.safeParse(RECORD_SCHEMAS[table], row);
  if (result.success) return;
  const issue = result.issues[0];
  const field = issueKeys(issue).reduce<string>((path, key) => joinPath(path, key), '');
  const { message } = fromValibot(table, issue, BACKUP_VERSION);
  throw new RowTooLargeError(
    `Not saved: ${field || table}: ${message}. Nothing already saved was changed.`,
  );
}
