/** `commonplace validate <backup.json>`: checks a backup file the way import does. */
import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { readBackupFile } from '../backup/serialize';
import { BACKUP_VERSION, type Backup } from '../backup/format';
import { describeCounts, validateBackup } from '../backup/validate';
import type { BackupIssue } from '../backup/issues';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError, parseArgs, type CliCommand } from './shared';

/** Reads and validates a backup file; a file that cannot be read is one issue at `$`. */
export async function loadBackupFile(
  file: string,
): Promise<
  { ok: true; backup: Backup; upgradedFrom: number | null } | { ok: false; errors: BackupIssue[] }
> {
  let content: unknown;
  try {
    if ((await stat(file)).isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    content = await readBackupFile(await openAsBlob(file));
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : error instanceof Error
            ? error.message
            : String(error);
    return { ok: false, errors: [{ path: '$', message: `cannot read the file: ${reason}` }] };
  }
  return validateBackup(content, { maxErrors: 1000 });
}

export const validateCommand: CliCommand = {
  usage:
    'validate <backup.json>   check a backup file; print its counts, or what is wrong and where',
  async run(args, io) {
    const { positionals } = parseArgs(args, {});
    if (positionals.length !== 1) throw new UsageError('validate takes one backup file');
    const file = positionals[0]!;
    const result = await loadBackupFile(file);
    if (!result.ok) {
      for (const error of result.errors) io.stderr(`${error.path}: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    const format =
      result.upgradedFrom === null
        ? `format ${BACKUP_VERSION}`
        : `format ${result.upgradedFrom}, upgraded to ${BACKUP_VERSION}`;
    io.stdout(`${file}: valid Commonplace backup (${format}): ${describeCounts(result.backup)}\n`);
    return EXIT_OK;
  },
};
