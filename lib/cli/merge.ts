/** `commonplace merge <a.json> <b.json> --out <c.json>`: the merge of import, offline. */
import { mergeBackupsWithSummary, type TableSummary } from '../backup/merge';
import { serializeBackup } from '../backup/serialize';
import { describeCounts } from '../backup/validate';
import { BACKUP_TABLES } from '../backup/format';
import {
  EXIT_BAD_INPUT,
  EXIT_OK,
  UsageError,
  parseArgs,
  writeFileAtomically,
  type CliCommand,
} from './shared';
import { loadBackupFile } from './validate';

function describeChanges(summary: Record<string, TableSummary>): string {
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const table of BACKUP_TABLES) {
    added += summary[table]!.added;
    updated += summary[table]!.updated;
    unchanged += summary[table]!.unchanged;
  }
  return `${added} added, ${updated} updated, ${unchanged} unchanged`;
}

export const mergeCommand: CliCommand = {
  usage: 'merge <a.json> <b.json> --out <c.json>   merge backup b into a, as import would',
  async run(args, io) {
    const { positionals, options } = parseArgs(args, { values: ['out'] });
    if (positionals.length !== 2) throw new UsageError('merge takes two backup files');
    const out = options.out;
    if (typeof out !== 'string' || out === '') throw new UsageError('merge needs --out <file>');
    const [fileA, fileB] = positionals as [string, string];

    const [a, b] = await Promise.all([loadBackupFile(fileA), loadBackupFile(fileB)]);
    for (const [file, result] of [
      [fileA, a],
      [fileB, b],
    ] as const) {
      if (result.ok) continue;
      for (const error of result.errors) io.stderr(`${file}: ${error.path}: ${error.message}\n`);
    }
    if (!a.ok || !b.ok) return EXIT_BAD_INPUT;

    const { backup, summary } = mergeBackupsWithSummary(a.backup, b.backup);
    if (!(await writeFileAtomically(out, serializeBackup(backup), io))) return EXIT_BAD_INPUT;
    io.stdout(`${out}: ${describeCounts(backup)} (from ${fileB}: ${describeChanges(summary)})\n`);
    return EXIT_OK;
  },
};
