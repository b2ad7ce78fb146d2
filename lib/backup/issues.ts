/** Problems found in a backup file, each with the place it concerns, and the error refusing one. */
import type * as v from 'valibot';

export interface BackupIssue {
  /** Where: `$` (the whole file), `$.version`, `pieces[3].url`, `tags[0].aliases[2]` ... */
  path: string;
  message: string;
}

/** A file that was refused; `errors` say what is wrong and where. Nothing was written. */
export class InvalidBackupError extends Error {
  override name = 'InvalidBackupError';
  constructor(readonly errors: BackupIssue[]) {
    const first = errors[0];
    super(
      `Not imported: the file is not a valid Commonplace backup` +
        (first ? ` (${first.path}: ${first.message})` : '') +
        '. Nothing in your collection was changed.',
    );
  }
}

/** Collects issues up to a limit, so that a file of junk gives a readable list. */
export class IssueList {
  readonly items: BackupIssue[] = [];
  full = false;

  constructor(private readonly max: number) {}

  add(path: string, message: string): void {
    if (this.full) return;
    if (this.items.length >= this.max) {
      this.items.push({
        path: '$',
        message: `more problems not listed (stopped after ${this.max})`,
      });
      this.full = true;
      return;
    }
    this.items.push({ path, message });
  }

  get length(): number {
    return this.items.length;
  }
}

/** `pieces[3]` + `url` → `pieces[3].url`; keys that are not identifiers are quoted. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return base === '' ? key : `${base}.${key}`;
  return `${base}[${JSON.stringify(key)}]`;
}

/**
 * The path of `keys` under `base`. At the root (`base` empty), a record of a table is written
 * `pieces[3].url` and any other field `$.version`, `$.settings.theme`.
 */
export function pathOf(base: string, keys: ReadonlyArray<string | number>): string {
  let path = base;
  keys.forEach((key, i) => {
    if (path === '' && i === 0 && typeof key === 'string' && typeof keys[1] !== 'number') {
      path = joinPath('$', key);
    } else {
      path = joinPath(path, key);
    }
  });
  return path || '$';
}

/** A short, safe rendering of a value for a message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** JSON-quoted and cut to `max` characters, for ids and names inside messages. */
export function quote(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? text.slice(0, max) + '…' : text);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  Array: 'an array',
  Object: 'an object',
  null: 'null',
};

/** A valibot issue as `{ path, message }`, relative to `base`. */
export function fromValibot(
  base: string,
  issue: v.BaseIssue<unknown>,
  version: number,
): BackupIssue {
  return { path: pathOf(base, issueKeys(issue)), message: describeIssue(issue, version) };
}

/** The keys from the checked value down to the place of a valibot issue. */
export function issueKeys(issue: v.BaseIssue<unknown>): Array<string | number> {
  return (issue.path ?? []).map((item) => {
    const key = (item as { key: unknown }).key;
    return typeof key === 'number' ? key : String(key);
  });
}

function describeIssue(issue: v.BaseIssue<unknown>, version: number): string {
  if (issue.kind !== 'schema') return issue.message;
  const found = describeValue(issue.input);
  if (issue.type === 'strict_object' || issue.type === 'object') {
    if (issue.expected === 'never') return `unknown field (not part of backup format ${version})`;
    if (issue.expected?.startsWith('"') && issue.input === undefined) return 'missing (required)';
    return `expected an object, found ${found}`;
  }
  if (
    issue.type === 'union' ||
    issue.type === 'picklist' ||
    issue.type === 'record' ||
    issue.type === 'custom' ||
    issue.type === 'literal'
  ) {
    return issue.message.startsWith('Invalid')
      ? `expected ${issue.expected}, found ${found}`
      : `${issue.message}, found ${found}`;
  }
  const expected = issue.expected ?? '';
  const wanted = expected
    .split(' | ')
    .map((part) => TYPE_NAMES[part] ?? part)
    .join(' or ');
  return `expected ${wanted}, found ${found}`;
}
