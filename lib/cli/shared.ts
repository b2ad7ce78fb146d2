import { open, rename, rm } from 'node:fs/promises';

/** Exit codes of the `commonplace` CLI: 0 ok, 1 bad input, 2 usage. */
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CliCommand {
  /** One-line usage, shown by `commonplace help` and on usage errors. */
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

/** Thrown for a wrong command line; the dispatcher prints it with the usage and exits 2. */
export class UsageError extends Error {}

/**
 * Splits `args` into positionals and `--name value` / `--flag` options.
 * `flags` lists the options that take no value.
 */
export function parseArgs(
  args: string[],
  known: { values?: string[]; flags?: string[] },
): { positionals: string[]; options: Record<string, string | true> } {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (known.flags?.includes(name)) {
      options[name] = true;
    } else if (known.values?.includes(name)) {
      const value = args[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options[name] = value;
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positionals, options };
}

/**
 * Writes `chunks` to `out` through a temporary file renamed at the end, so a failed write never
 * leaves half a file. Reports a failure as `<out>: cannot write: …` and returns false.
 */
export async function writeFileAtomically(
  out: string,
  chunks: Iterable<string | Uint8Array>,
  io: CliIO,
): Promise<boolean> {
  const temp = `${out}.${process.pid}.tmp`;
  try {
    const handle = await open(temp, 'w');
    try {
      for (const chunk of chunks) {
        // Two calls, one per overload of write() (text or bytes).
        await (typeof chunk === 'string' ? handle.write(chunk) : handle.write(chunk));
      }
    } finally {
      await handle.close();
    }
    await rename(temp, out);
    return true;
  } catch (error) {
    await rm(temp, { force: true });
    io.stderr(`${out}: cannot write: ${error instanceof Error ? error.message : String(error)}\n`);
    return false;
  }
}
