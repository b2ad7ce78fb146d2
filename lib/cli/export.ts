/**
 * `commonplace export --format <f> --in <backup.json> --out <path> [--group-by author|theme]`:
 * the library's exports, offline, from a backup file.
 */
import {
  EXPORT_FORMATS,
  EXPORT_FORMAT_LABELS,
  exportFormat,
  isExportFormat,
  selectBackup,
  type GroupBy,
} from '../export';
import {
  EXIT_BAD_INPUT,
  EXIT_OK,
  UsageError,
  parseArgs,
  writeFileAtomically,
  type CliCommand,
} from './shared';
import { loadBackupFile } from './validate';

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export const exportCommand: CliCommand = {
  usage:
    `export --format <${EXPORT_FORMATS.join('|')}> --in <backup.json> --out <path> ` +
    '[--group-by author|theme] [--no-author-pages]   convert a backup to another format',
  async run(args, io) {
    const { positionals, options } = parseArgs(args, {
      values: ['format', 'in', 'out', 'group-by'],
      flags: ['no-author-pages'],
    });
    if (positionals.length) throw new UsageError(`unexpected argument: ${positionals[0]}`);
    const format = options.format;
    if (typeof format !== 'string') throw new UsageError('export needs --format');
    if (!isExportFormat(format)) {
      throw new UsageError(`unknown format "${format}" (one of ${EXPORT_FORMATS.join(', ')})`);
    }
    const input = options.in;
    if (typeof input !== 'string' || input === '') throw new UsageError('export needs --in <file>');
    const out = options.out;
    if (typeof out !== 'string' || out === '') throw new UsageError('export needs --out <path>');
    const groupBy = options['group-by'];
    if (groupBy !== undefined && groupBy !== 'author' && groupBy !== 'theme') {
      throw new UsageError('--group-by is "author" or "theme"');
    }
    if (groupBy !== undefined && format !== 'dossier') {
      throw new UsageError('--group-by is for --format dossier');
    }

    const loaded = await loadBackupFile(input);
    if (!loaded.ok) {
      for (const error of loaded.errors) io.stderr(`${input}: ${error.path}: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    // Newest captured first, as the library lists them (the backup itself keeps its order).
    const backup =
      format === 'json'
        ? loaded.backup
        : selectBackup(
            loaded.backup,
            [...loaded.backup.pieces]
              .sort((a, b) => Date.parse(b.capturedAt) - Date.parse(a.capturedAt))
              .map((piece) => piece.id),
          );
    const result = await exportFormat(backup, format, {
      groupBy: groupBy as GroupBy | undefined,
      authorPages: options['no-author-pages'] !== true,
    });

    if (!(await writeFileAtomically(out, [result.data], io))) return EXIT_BAD_INPUT;
    io.stdout(
      `${out}: ${EXPORT_FORMAT_LABELS[format]}: ${plural(backup.pieces.length, 'piece', 'pieces')}, ` +
        `${plural(backup.passages.length, 'passage', 'passages')}\n`,
    );
    return EXIT_OK;
  },
};
