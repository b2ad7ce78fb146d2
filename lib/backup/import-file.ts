/**
 * Import of a backup file. The whole file is read and validated first: nothing is written when
 * anything is wrong. Then ./import-apply.ts merges it into the database in one transaction.
 */
import type { CommonplaceDB } from '../collection/database';
import { applyBackup, type ImportOptions } from './import-apply';
import { InvalidBackupError } from './issues';
import type { MergeSummary } from './merge';
import { readBackupFile } from './serialize';
import { validateBackup } from './validate';

export interface ImportSummary extends MergeSummary {
  /** The format version of the file when it was older and upgraded, else null. */
  upgradedFrom: number | null;
}

/**
 * Imports a backup (its text, or a File/Blob) into the database, merging with what is there.
 * Throws InvalidBackupError, with every problem found, when the file is refused; StorageFullError
 * when the browser has no room. Either way nothing is written.
 */
export async function importBackup(
  db: CommonplaceDB,
  source: string | Blob | ReadableStream<Uint8Array>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const onProgress = options.onProgress;
  let input: unknown = source;
  if (typeof source !== 'string') {
    const file = source instanceof Blob ? source : await new Response(source).blob();
    onProgress?.({ label: 'Reading the file', done: 0, total: file.size });
    input = await readBackupFile(file, (done, total) =>
      onProgress?.({ label: 'Reading the file', done, total }),
    );
  }
  onProgress?.({ label: 'Checking the file', done: 0, total: 1 });
  // Checking is synchronous: let the page show the label first.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const result = validateBackup(input, { maxErrors: options.maxErrors });
  input = undefined;
  if (!result.ok) throw new InvalidBackupError(result.errors);
  const summary = await applyBackup(db, result.backup, options);
  return { ...summary, upgradedFrom: result.upgradedFrom };
}
