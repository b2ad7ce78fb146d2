/**
 * Checks a backup completely before anything is written: JSON syntax, format and version, every
 * record against the schema, then what a schema cannot say (unique ids, URLs and tag keys, and
 * references that point at rows of the file). Every problem names its place in the file.
 */
import * as v from 'valibot';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  type Backup,
  type BackupTable,
} from './format';
import { RECORD_SCHEMAS, isTimestamp } from '../model/row-schemas';
import { IssueList, describeValue, fromValibot, joinPath, quote, type BackupIssue } from './issues';
import { upgradeBackup } from './upgrade';

export type { BackupIssue } from './issues';

export type BackupValidation =
  | {
      ok: true;
      backup: Backup;
      /** The format version of the file when it was older than the current one. */
      upgradedFrom: number | null;
    }
  | { ok: false; errors: BackupIssue[] };

export interface ValidateOptions {
  /** Stop after this many problems (default 100). */
  maxErrors?: number;
}

const CUT_OFF = 'the file ends too early (cut off?)';

/**
 * Where a text stops being JSON, found by a scan of its own (engines word their errors
 * differently, and some give no position at all). Null when the text is JSON.
 */
export function locateJsonError(text: string): { at: number; reason: string } | null {
  const n = text.length;
  const containers: number[] = [];
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  let i = 0;
  const space = () => {
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    }
  };
  const string = (): string | null => {
    for (i++; i < n;) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20) {
        return text.slice(i).trim() === ''
          ? CUT_OFF
          : 'a control character (such as a line break) inside a string';
      }
      if (c !== 0x5c) {
        i++;
        continue;
      }
      const escape = text[i + 1];
      if (escape === undefined) return CUT_OFF;
      if ('"\\/bfnrt'.includes(escape)) i += 2;
      else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
      else if (escape === 'u' && /^[0-9a-fA-F]{0,3}$/.test(text.slice(i + 2))) return CUT_OFF;
      else return `a bad escape "\\${escape}" inside a string`;
    }
    return CUT_OFF;
  };
  const charAt = (): string => {
    const c = text.codePointAt(i)!;
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfffd
      ? `U+${c.toString(16).toUpperCase().padStart(4, '0')}`
      : JSON.stringify(String.fromCodePoint(c));
  };
  let state: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    space();
    if (i >= n)
      return containers.length === 0 && state === 'after' ? null : { at: i, reason: CUT_OFF };
    const c = text[i]!;
    if (state === 'value') {
      if (c === '{' || c === '[') {
        containers.push(c.charCodeAt(0));
        i++;
        space();
        if (text[i] === (c === '{' ? '}' : ']')) {
          containers.pop();
          i++;
          state = 'after';
        } else state = c === '{' ? 'key' : 'value';
      } else if (c === '"') {
        const start = i;
        const problem = string();
        if (problem)
          return {
            at: problem === CUT_OFF ? n : i,
            reason: problem === CUT_OFF ? CUT_OFF : problem,
          };
        if (start === i) return { at: i, reason: CUT_OFF };
        state = 'after';
      } else if (c === '-' || (c >= '0' && c <= '9')) {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return { at: i, reason: 'a malformed number' };
        i = NUMBER.lastIndex;
        state = 'after';
      } else {
        const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
        if (!word) {
          const partial = ['true', 'false', 'null'].some((w) => w.startsWith(text.slice(i)));
          return { at: i, reason: partial ? CUT_OFF : `unexpected character ${charAt()}` };
        }
        i += word.length;
        state = 'after';
      }
    } else if (state === 'key') {
      if (c !== '"') return { at: i, reason: `expected a "quoted" field name, found ${charAt()}` };
      const problem = string();
      if (problem) return { at: problem === CUT_OFF ? n : i, reason: problem };
      space();
      if (i >= n) return { at: i, reason: CUT_OFF };
      if (text[i] !== ':') return { at: i, reason: 'expected ":" after a field name' };
      i++;
      state = 'value';
    } else {
      const top = containers[containers.length - 1];
      if (top === undefined) return { at: i, reason: 'more text after the end of the JSON' };
      const close = top === 0x7b ? '}' : ']';
      if (c === ',') {
        i++;
        state = top === 0x7b ? 'key' : 'value';
        space();
        if (text[i] === '}' || text[i] === ']')
          return { at: i, reason: `a comma before "${text[i]}"` };
      } else if (c === close) {
        containers.pop();
        i++;
      } else {
        return { at: i, reason: `expected "," or "${close}", found ${charAt()}` };
      }
    }
  }
}

/** `JSON.parse` with a message that says where the text stops being JSON. */
export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; error: BackupIssue } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: { path: '$', message: 'the file is empty' } };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const found = locateJsonError(body);
    if (!found) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { path: '$', message: `not valid JSON: ${reason}` } };
    }
    let line = 1;
    let lineStart = 0;
    for (let nl = body.indexOf('\n'); nl !== -1 && nl < found.at; nl = body.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    const column = found.at - lineStart + 1;
    const message =
      found.reason === CUT_OFF
        ? `not valid JSON: ${CUT_OFF} at line ${line}`
        : `not valid JSON at line ${line}, column ${column}: ${found.reason}`;
    return { ok: false, error: { path: '$', message } };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates a backup: `input` is the text of a file, or an already parsed value. An older format
 * is upgraded first; the result is then checked as the current format.
 */
export function validateBackup(input: unknown, options: ValidateOptions = {}): BackupValidation {
  const maxErrors = options.maxErrors ?? 100;
  let doc: unknown = input;
  if (typeof input === 'string') {
    const parsed = parseJson(input);
    if (!parsed.ok) return { ok: false, errors: [parsed.error] };
    doc = parsed.value;
  }

  if (!isObject(doc)) {
    return {
      ok: false,
      errors: [
        {
          path: '$',
          message: `not a Commonplace backup: expected a JSON object, found ${describeValue(doc)}`,
        },
      ],
    };
  }
  if (doc.format !== BACKUP_FORMAT) {
    const message =
      doc.format === undefined
        ? `missing: this is not a Commonplace backup (no "format": "${BACKUP_FORMAT}")`
        : `not a Commonplace backup: expected "${BACKUP_FORMAT}", found ${describeValue(doc.format)}`;
    return { ok: false, errors: [{ path: '$.format', message }] };
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    const message =
      version === undefined
        ? 'missing: the format version of the backup'
        : `expected a format version (a whole number), found ${describeValue(version)}`;
    return { ok: false, errors: [{ path: '$.version', message }] };
  }
  if (version > BACKUP_VERSION) {
    return {
      ok: false,
      errors: [
        {
          path: '$.version',
          message: `made by a newer version of Commonplace (format ${version}); update the extension`,
        },
      ],
    };
  }
  let upgradedFrom: number | null = null;
  if (version < BACKUP_VERSION) {
    const upgraded = upgradeBackup(doc, version, maxErrors);
    if (!upgraded.ok) return upgraded;
    if (!isObject(upgraded.doc)) throw new Error('upgrade produced no object');
    doc = upgraded.doc;
    upgradedFrom = version;
  }

  const issues = new IssueList(maxErrors);
  checkShape(doc as Record<string, unknown>, issues);
  if (issues.length === 0) checkIntegrity(doc as unknown as Backup, issues);
  if (issues.length > 0) return { ok: false, errors: issues.items };
  return { ok: true, backup: doc as unknown as Backup, upgradedFrom };
}

const TOP_KEYS = ['format', 'version', 'exportedAt', ...BACKUP_TABLES];

function checkShape(doc: Record<string, unknown>, issues: IssueList): void {
  for (const key of Object.keys(doc)) {
    if (!TOP_KEYS.includes(key)) {
      issues.add(joinPath('$', key), `unknown field (not part of backup format ${BACKUP_VERSION})`);
    }
  }
  const exportedAt = doc.exportedAt;
  if (exportedAt === undefined) issues.add('$.exportedAt', 'missing (required)');
  else if (typeof exportedAt !== 'string' || exportedAt.length > 40 || !isTimestamp(exportedAt)) {
    issues.add('$.exportedAt', `not an ISO 8601 date-time: ${describeValue(exportedAt)}`);
  }
  for (const table of BACKUP_TABLES) {
    const rows = doc[table];
    if (rows === undefined) {
      issues.add(joinPath('$', table), 'missing (required; use [] when there are none)');
      continue;
    }
    if (!Array.isArray(rows)) {
      issues.add(joinPath('$', table), `expected an array, found ${describeValue(rows)}`);
      continue;
    }
    const schema: v.GenericSchema = RECORD_SCHEMAS[table];
    for (let i = 0; i < rows.length && !issues.full; i++) {
      const result = v.safeParse(schema, rows[i], { abortPipeEarly: true });
      if (result.success) continue;
      for (const issue of result.issues) {
        const { path, message } = fromValibot(`${table}[${i}]`, issue, BACKUP_VERSION);
        issues.add(path, message);
      }
    }
  }
}

const KIND_NAMES = { author: 'an author', theme: 'a theme' } as const;

/** Uniqueness and references: what the database would refuse or could not show. */
function checkIntegrity(backup: Backup, issues: IssueList): void {
  const unique = <R>(
    table: BackupTable,
    rows: R[],
    field: string,
    keyOf: (row: R) => string,
    describe: (key: string, first: number) => string,
  ): Map<string, number> => {
    const seen = new Map<string, number>();
    rows.forEach((row, i) => {
      const key = keyOf(row);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else issues.add(`${table}[${i}].${field}`, describe(key, first));
    });
    return seen;
  };
  const duplicateId = (table: BackupTable) => (key: string, first: number) =>
    `duplicate id ${quote(key)} (first at ${table}[${first}])`;

  const tagIndex = unique('tags', backup.tags, 'id', (t) => t.id, duplicateId('tags'));
  unique(
    'tags',
    backup.tags,
    'key',
    (t) => `${t.kind}\u0000${t.key}`,
    (key, first) =>
      `${KIND_NAMES[backup.tags[first]!.kind]} with the key ${quote(key.slice(key.indexOf('\u0000') + 1))} is already at tags[${first}]`,
  );
  const pieceIndex = unique('pieces', backup.pieces, 'id', (p) => p.id, duplicateId('pieces'));
  unique(
    'pieces',
    backup.pieces,
    'url',
    (p) => p.url,
    (_, first) => `the same URL as pieces[${first}] (one URL is one piece)`,
  );
  unique(
    'contents',
    backup.contents,
    'pieceId',
    (c) => c.pieceId,
    (key, first) => `a second stored copy of piece ${quote(key)} (first at contents[${first}])`,
  );
  unique('passages', backup.passages, 'id', (p) => p.id, duplicateId('passages'));
  unique(
    'settings',
    backup.settings,
    'key',
    (s) => s.key,
    (key, first) => `duplicate setting ${quote(key)} (first at settings[${first}])`,
  );

  const checkTagRefs = (
    base: string,
    ids: string[],
    field: 'authorIds' | 'themeIds',
    kind: 'author' | 'theme',
  ) => {
    const seen = new Set<string>();
    ids.forEach((id, j) => {
      const path = `${base}.${field}[${j}]`;
      const at = tagIndex.get(id);
      const tag = at === undefined ? undefined : backup.tags[at];
      if (!tag) issues.add(path, `no tag with id ${quote(id)} in this backup`);
      else if (tag.kind !== kind) {
        issues.add(
          path,
          `tag ${quote(id)} (tags[${at}]) is ${KIND_NAMES[tag.kind]}, not ${KIND_NAMES[kind]}`,
        );
      }
      if (seen.has(id)) issues.add(path, `tag ${quote(id)} is listed twice`);
      seen.add(id);
    });
  };
  const checkPieceRef = (path: string, id: string) => {
    if (!pieceIndex.has(id)) issues.add(path, `no piece with id ${quote(id)} in this backup`);
  };

  backup.pieces.forEach((piece, i) => {
    checkTagRefs(`pieces[${i}]`, piece.authorIds, 'authorIds', 'author');
    checkTagRefs(`pieces[${i}]`, piece.themeIds, 'themeIds', 'theme');
  });
  backup.contents.forEach((content, i) => checkPieceRef(`contents[${i}].pieceId`, content.pieceId));
  backup.passages.forEach((passage, i) => {
    checkPieceRef(`passages[${i}].pieceId`, passage.pieceId);
    checkTagRefs(`passages[${i}]`, passage.authorIds, 'authorIds', 'author');
    checkTagRefs(`passages[${i}]`, passage.themeIds, 'themeIds', 'theme');
  });
}

/** One line of counts: `3 pieces, 3 stored copies, 5 passages, 6 tags (4 authors, 2 themes), 1 setting`. */
export function describeCounts(backup: Backup): string {
  const n = (count: number, one: string, many: string) =>
    `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
  const authors = backup.tags.filter((t) => t.kind === 'author').length;
  return [
    n(backup.pieces.length, 'piece', 'pieces'),
    n(backup.contents.length, 'stored copy', 'stored copies'),
    n(backup.passages.length, 'passage', 'passages'),
    `${n(backup.tags.length, 'tag', 'tags')} (${n(authors, 'author', 'authors')}, ${n(backup.tags.length - authors, 'theme', 'themes')})`,
    n(backup.settings.length, 'setting', 'settings'),
  ].join(', ');
}
