/**
 * The schemas of the collection's rows (valibot): what a row may hold, with the limits a saved
 * row and a backup's record must keep. Beside the record types so that storage checks a row
 * before saving it without depending on the backup format; type assertions at the end fail the
 * typecheck when a row type of ./records.ts drifts from its schema.
 */
import * as v from 'valibot';
import type { ContentRow, PassageRow, PieceRow, SettingRow, TagRow } from './records';

/** Size limits: far above anything the extension writes, low enough to refuse junk cleanly. */
export const LIMITS = {
  /** Ids, setting keys. */
  id: 1_000,
  /** Every other string: titles, names, notes, quotes, URLs, language tags, colours ... */
  text: 1_000_000,
  /** Stored copies: `contentHtml`, `textContent`. */
  document: 50_000_000,
  /** Ids or aliases in one list. */
  list: 10_000,
  /** Selectors of one passage. */
  selectors: 100,
  /** Nesting of a selector or a setting value (an object or array inside another counts one). */
  jsonDepth: 32,
  /** Values (objects, arrays, strings, numbers ...) inside one selector or setting value. */
  jsonNodes: 100_000,
  /** Characters of all strings and keys inside one selector or setting value. */
  jsonChars: 10_000_000,
} as const;

const count = (n: number): string => n.toLocaleString('en-US');

function chars(max: number, description: string) {
  return v.pipe(
    v.string(),
    v.maxLength(
      max,
      (issue) => `too long: ${count(Number(issue.received))} characters (at most ${count(max)})`,
    ),
    v.description(description),
  );
}

function nonEmpty(max: number, description: string) {
  return v.pipe(
    v.string(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(
      max,
      (issue) => `too long: ${count(Number(issue.received))} characters (at most ${count(max)})`,
    ),
    v.description(description),
  );
}

const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** True for an ISO 8601 date-time with seconds and an offset that names a real instant. */
export function isTimestamp(text: string): boolean {
  if (!TIMESTAMP_RE.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  const hour = Number(text.slice(11, 13));
  const minute = Number(text.slice(14, 16));
  const second = Number(text.slice(17, 19));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > days) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(text);
  if (offset && (Number(offset[2]) > 14 || Number(offset[3]) > 59)) return false;
  return !Number.isNaN(Date.parse(text));
}

const DATE_RE =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * True for an ISO 8601 calendar date, with or without a time and an offset (`2015-11-09`,
 * `2015-11-09T10:30`, `2015-11-09T10:30:00+00:00`), that names a real day and time. Publication
 * dates come from pages and from the reader, so they are not always full timestamps.
 */
export function isIsoDate(text: string): boolean {
  if (!DATE_RE.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > days) return false;
  if (text.length === 10) return true;
  const hour = Number(text.slice(11, 13));
  const minute = Number(text.slice(14, 16));
  const second = text[16] === ':' ? Number(text.slice(17, 19)) : 0;
  if (hour > 23 || minute > 59 || second > 59) return false;
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(text.slice(16));
  return !offset || (Number(offset[2]) <= 14 && Number(offset[3]) <= 59);
}

function calendarDate(description: string) {
  return v.pipe(
    v.string(),
    v.maxLength(40, 'not a date: too long'),
    v.regex(DATE_RE, (issue) => `not an ISO 8601 date: ${issue.received}`),
    v.check(isIsoDate, (issue) => `not a real date or time: ${issue.received}`),
    v.description(description),
  );
}

export function timestamp(description: string) {
  return v.pipe(
    v.string(),
    v.maxLength(40, 'not a date-time: too long'),
    v.regex(TIMESTAMP_RE, (issue) => `not an ISO 8601 date-time: ${issue.received}`),
    v.check(isTimestamp, (issue) => `not a real date or time: ${issue.received}`),
    v.description(description),
  );
}

function idList(description: string) {
  return v.pipe(
    v.array(nonEmpty(LIMITS.id, 'Tag id.')),
    v.maxLength(LIMITS.list, (issue) => `too many ids: ${issue.received} (at most ${LIMITS.list})`),
    v.description(description),
  );
}

/**
 * Measures a JSON value without recursing past `LIMITS.jsonDepth`, so that deeply nested junk is
 * refused without a stack overflow. Returns a problem, or null for a plain, bounded JSON value.
 */
export function jsonValueProblem(value: unknown): string | null {
  let nodes = 0;
  let chars = 0;
  const visit = (item: unknown, depth: number): string | null => {
    if (++nodes > LIMITS.jsonNodes) return `too large: more than ${count(LIMITS.jsonNodes)} values`;
    if (item === null || typeof item === 'boolean') return null;
    if (typeof item === 'string') {
      chars += item.length;
      return chars > LIMITS.jsonChars
        ? `too large: more than ${count(LIMITS.jsonChars)} characters`
        : null;
    }
    if (typeof item === 'number') return Number.isFinite(item) ? null : 'not a JSON number';
    if (typeof item !== 'object') return `not a JSON value (${typeof item})`;
    if (depth >= LIMITS.jsonDepth)
      return `nested too deeply (more than ${LIMITS.jsonDepth} levels)`;
    if (Array.isArray(item)) {
      for (const element of item) {
        const problem = visit(element, depth + 1);
        if (problem) return problem;
      }
      return null;
    }
    const proto: unknown = Object.getPrototypeOf(item);
    if (proto !== Object.prototype && proto !== null) return 'not a plain JSON object';
    for (const [key, element] of Object.entries(item)) {
      chars += key.length;
      const problem = visit(element, depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  return visit(value, 0);
}

function jsonCheck<T>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = jsonValueProblem(dataset.value);
    if (problem) addIssue({ message: problem });
  });
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON object (valibot's `record` alone would take an array for one). */
export function objectOf(message: string) {
  return v.pipe(
    v.custom<Record<string, unknown>>(isPlainObject, message),
    v.record(v.string(), v.unknown()),
  );
}

const SelectorSchema = v.pipe(
  objectOf('expected a selector object'),
  jsonCheck<Record<string, unknown>>(),
  v.description(
    'A W3C Web Annotation selector (TextQuoteSelector, TextPositionSelector ...): any JSON object.',
  ),
);

export const PersonNameSchema = v.union(
  [
    v.strictObject({
      family: chars(LIMITS.text, 'Family name.'),
      given: chars(LIMITS.text, 'Given names.'),
    }),
    v.strictObject({
      literal: chars(LIMITS.text, 'A name kept whole (an organisation, a single-word name).'),
    }),
  ],
  'expected {"family", "given"} or {"literal"}',
);

export const TagSchema = v.strictObject({
  id: nonEmpty(LIMITS.id, 'Unique id of the tag.'),
  kind: v.picklist(['author', 'theme'], 'expected "author" or "theme"'),
  name: nonEmpty(LIMITS.text, 'Display name.'),
  key: nonEmpty(
    LIMITS.text,
    'Case-, accent- and punctuation-insensitive key of the name; unique per kind.',
  ),
  aliases: v.pipe(
    v.array(chars(LIMITS.text, 'Another spelling.')),
    v.maxLength(LIMITS.list, (issue) => `too many aliases: ${issue.received}`),
    v.description('Other spellings of the name (display form).'),
  ),
  aliasKeys: v.pipe(
    v.array(chars(LIMITS.text, 'Key of an alias.')),
    v.maxLength(LIMITS.list, (issue) => `too many alias keys: ${issue.received}`),
    v.description('Keys of the aliases; a tag is found by its key or any of these.'),
  ),
  color: v.nullable(chars(LIMITS.text, 'CSS colour.')),
  personName: v.nullable(PersonNameSchema),
  createdAt: timestamp('When the tag was created.'),
  updatedAt: timestamp('When the tag was last changed; the newer record wins a merge.'),
});

export const PieceSchema = v.strictObject({
  id: nonEmpty(LIMITS.id, 'Unique id of the piece.'),
  url: nonEmpty(LIMITS.text, 'Canonical URL; one URL is one piece.'),
  pageUrl: chars(LIMITS.text, 'The address the piece was clipped from.'),
  pageKind: v.picklist(
    ['article', 'listing', 'bookmark'],
    'expected "article", "listing" or "bookmark"',
  ),
  title: chars(LIMITS.text, 'Title.'),
  siteName: v.nullable(chars(LIMITS.text, 'Name of the site.')),
  authorIds: idList('Ids of author tags, in byline order.'),
  themeIds: idList('Ids of theme tags.'),
  publishedTime: v.nullable(
    calendarDate('Publication date: an ISO 8601 date, with or without a time and an offset.'),
  ),
  modifiedTime: v.nullable(
    calendarDate('Modification date: an ISO 8601 date, with or without a time and an offset.'),
  ),
  lang: v.nullable(chars(LIMITS.text, 'Language tag (BCP 47).')),
  excerpt: chars(LIMITS.text, 'Short summary.'),
  wordCount: v.pipe(
    v.number('expected a number'),
    v.integer('expected a whole number'),
    v.minValue(0, 'must not be negative'),
    v.description('Words in the stored copy.'),
  ),
  contentHash: chars(LIMITS.text, 'SHA-256 (hex) of the stored text.'),
  note: chars(LIMITS.text, "The reader's note."),
  capturedAt: timestamp('When the stored copy was taken.'),
  createdAt: timestamp('When the piece was first saved.'),
  updatedAt: timestamp('When the piece was last changed; the newer record wins a merge.'),
});

export const ContentSchema = v.strictObject({
  pieceId: nonEmpty(LIMITS.id, 'Id of the piece this is the stored copy of (one per piece).'),
  contentHtml: chars(LIMITS.document, 'Sanitised HTML of the article body.'),
  textContent: chars(LIMITS.document, 'Plain text of the article body.'),
  updatedAt: timestamp('When the copy was stored; the newer record wins a merge.'),
});

export const PassageSchema = v.strictObject({
  id: nonEmpty(LIMITS.id, 'Unique id of the passage.'),
  pieceId: nonEmpty(LIMITS.id, 'Id of the piece the passage was marked in.'),
  selectors: v.pipe(
    v.array(SelectorSchema),
    v.maxLength(LIMITS.selectors, (issue) => `too many selectors: ${issue.received}`),
    v.description('W3C Web Annotation selectors that anchor the passage in the stored copy.'),
  ),
  quote: chars(LIMITS.text, 'The exact quoted text.'),
  textFragment: v.nullable(
    chars(LIMITS.text, '`#:~:text=` fragment for links that scroll to the passage.'),
  ),
  note: chars(LIMITS.text, "The reader's note on the passage."),
  authorIds: idList('Ids of author tags.'),
  themeIds: idList('Ids of theme tags.'),
  createdAt: timestamp('When the passage was marked.'),
  updatedAt: timestamp('When the passage was last changed; the newer record wins a merge.'),
});

export const SettingSchema = v.strictObject({
  key: nonEmpty(LIMITS.id, 'Name of the setting.'),
  value: v.pipe(v.unknown(), jsonCheck<unknown>(), v.description('Any JSON value.')),
  updatedAt: timestamp('When the setting was last changed; the newer record wins a merge.'),
});

export const RECORD_SCHEMAS = {
  tags: TagSchema,
  pieces: PieceSchema,
  contents: ContentSchema,
  passages: PassageSchema,
  settings: SettingSchema,
} as const;

export type RecordTable = keyof typeof RECORD_SCHEMAS;

/** Field order of each record in a written backup (the schema's order). */
export const RECORD_KEYS: { [T in RecordTable]: readonly string[] } = {
  tags: Object.keys(TagSchema.entries),
  pieces: Object.keys(PieceSchema.entries),
  contents: Object.keys(ContentSchema.entries),
  passages: Object.keys(PassageSchema.entries),
  settings: Object.keys(SettingSchema.entries),
};

// --- The format must describe the rows exactly: these fail the typecheck when lib/db drifts. ---
type Output<S extends v.GenericSchema> = v.InferOutput<S>;
type SameKeys<A, B> = [keyof A] extends [keyof B]
  ? [keyof B] extends [keyof A]
    ? true
    : false
  : false;
type Assignable<A, B> = [A] extends [B] ? true : false;
type Assert<T extends true> = T;
export type FormatMatchesRows = [
  Assert<SameKeys<Output<typeof TagSchema>, TagRow>>,
  Assert<Assignable<Output<typeof TagSchema>, TagRow>>,
  Assert<Assignable<TagRow, Output<typeof TagSchema>>>,
  Assert<SameKeys<Output<typeof PieceSchema>, PieceRow>>,
  Assert<Assignable<Output<typeof PieceSchema>, PieceRow>>,
  Assert<Assignable<PieceRow, Output<typeof PieceSchema>>>,
  Assert<SameKeys<Output<typeof ContentSchema>, ContentRow>>,
  Assert<Assignable<Output<typeof ContentSchema>, ContentRow>>,
  Assert<Assignable<ContentRow, Output<typeof ContentSchema>>>,
  Assert<SameKeys<Output<typeof PassageSchema>, PassageRow>>,
  Assert<Assignable<Output<typeof PassageSchema>, PassageRow>>,
  Assert<SameKeys<Output<typeof SettingSchema>, SettingRow>>,
  Assert<Assignable<Output<typeof SettingSchema>, SettingRow>>,
];
