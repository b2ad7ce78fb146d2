/**
 * `commonplace` — the command line over the same lib/ code the extension runs.
 * Usage: npm run -s commonplace -- <command> [args]
 */
import { pathToFileURL } from 'node:url';
import { EXIT_USAGE, UsageError, type CliCommand, type CliIO } from './cli/shared';
import { exportCommand } from './cli/export';
import { extractCommand } from './cli/extract';
import { mergeCommand } from './cli/merge';
import { validateCommand } from './cli/validate';

const COMMANDS: Record<string, CliCommand> = {
  extract: extractCommand,
  validate: validateCommand,
  merge: mergeCommand,
  export: exportCommand,
};

function usage(): string {
  return [
    'usage: commonplace <command> [args]',
    ...Object.values(COMMANDS).map((c) => '  ' + c.usage),
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(name && name !== 'help' ? `unknown command: ${name}\n${usage()}\n` : usage() + '\n');
    return name === 'help' ? 0 : EXIT_USAGE;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\nusage: ${command.usage}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const io: CliIO = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(
        `commonplace: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
