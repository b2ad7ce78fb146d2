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
