/**
 * Files that must be refused: each with the place and the message that says what is wrong, and
 * a database that is the same before and after the refused import.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importBackup } from '../../../lib/backup/import-file';
import { InvalidBackupError } from '../../../lib/backup/issues';
import type { Backup } from '../../../lib/backup/format';
import { validateBackup } from '../../../lib/backup/validate';
import {
  dump,
  emptyBackup,
  exportText,
  fill,
  makeCollection,
  makePassage,
  makePiece,
  makeTag,
  newDb,
  stamp,
} from './helpers';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/backup/${name}`, import.meta.url), 'utf8');

/** A small valid backup whose row positions the cases below rely on. */
function base(): Backup {
  const backup = emptyBackup();
  backup.tags = [
    makeTag('author', 'Boris Kagarlitsky', 'a1', 0),
    makeTag('author', 'Han Kang', 'a2', 0),
    makeTag('theme', 'Solidarity', 't1', 0),
    makeTag('theme', 'Memory', 't2', 0),
  ];
  backup.pieces = [
    makePiece('p1', 'https://example.org/1', 10, { authorIds: ['a1'], themeIds: ['t1'] }),
    makePiece('p2', 'https://example.org/2', 20, { authorIds: ['a2'], themeIds: ['t2'] }),
  ];
  backup.contents = [
    { pieceId: 'p1', contentHtml: '<p>One</p>', textContent: 'One', updatedAt: stamp(10) },
    { pieceId: 'p2', contentHtml: '<p>Two</p>', textContent: 'Two', updatedAt: stamp(20) },
  ];
  backup.passages = [
    makePassage('q1', 'p1', 11, { themeIds: ['t1'] }),
    makePassage('q2', 'p2', 21, { authorIds: ['a2'] }),
  ];
  backup.settings = [
    { key: 'palette', value: ['#ffe08a'], updatedAt: stamp(1) },
    { key: 'view', value: { dense: true }, updatedAt: stamp(2) },
  ];
  return backup;
}

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const mutate = (change: (doc: Doc) => void): string => {
  const doc = structuredClone(base()) as unknown as Doc;
  change(doc);
  return JSON.stringify(doc);
};

/** JSON text of objects and arrays nested `depth` times (written as text: too deep to stringify). */
const nested = (depth: number): string =>
  '{"inner":['.repeat(depth) + '"bottom"' + ']}'.repeat(depth);
const NESTED = '"__nested__"';

const validText = JSON.stringify(base());

interface Case {
  name: string;
  input: string | Blob;
  path: string;
  message: RegExp;
}

const cases: Case[] = [
  // --- not JSON at all ---
  { name: 'an empty file', input: '', path: '$', message: /^the file is empty$/ },
  { name: 'only white space', input: ' \n\t\n', path: '$', message: /^the file is empty$/ },
  {
    name: 'plain text',
    input: 'my reading list',
    path: '$',
    message: /^not valid JSON at line 1, column 1: /,
  },
  {
    name: 'a file cut in half',
    input: validText.slice(0, validText.length / 2),
    path: '$',
    message: /ends too early \(cut off\?\)/,
  },
  {
    name: 'a file cut inside a string',
    input: '{"format":"commonplace-backup","version":1,"exportedAt":"2024-',
    path: '$',
    message: /ends too early/,
  },
  {
    name: 'a trailing comma',
    input: '{"format":"commonplace-backup",}',
    path: '$',
    message: /^not valid JSON at line 1, column 32: /,
  },
  {
    name: 'single quotes',
    input: "{'format':'commonplace-backup'}",
    path: '$',
    message: /^not valid JSON at line 1, column 2: /,
  },
  {
    name: 'junk after the JSON',
    input: validText + '\n}x',
    path: '$',
    message: /^not valid JSON at line 2, column 1: /,
  },
  {
    name: 'NaN',
    input: '{"format":"commonplace-backup","version":NaN}',
    path: '$',
    message: /^not valid JSON at line 1, column 42: unexpected character "N"$/,
  },
  {
    name: 'binary junk',
    input: new Blob([
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    ]),
    path: '$',
    message: /^not valid JSON at line 1, column 1/,
  },
  {
    name: 'a CSV file',
    input: 'title,url\n"Solidarity",https://example.org/1\n',
    path: '$',
    message: /^not valid JSON at line 1, column 1/,
  },
  {
    name: 'a Netscape bookmarks file',
    input: fixture('bookmarks.html'),
    path: '$',
    message: /^not valid JSON at line 1, column 1/,
  },
  {
    name: 'a truncated export (fixture)',
    input: fixture('truncated.json'),
    path: '$',
    message: /ends too early/,
  },

  // --- JSON, but not a Commonplace backup ---
  {
    name: 'an array',
    input: '[]',
    path: '$',
    message: /^not a Commonplace backup: expected a JSON object, found an array$/,
  },
  { name: 'a string', input: '"backup"', path: '$', message: /found "backup"$/ },
  { name: 'null', input: 'null', path: '$', message: /found null$/ },
  { name: 'a number', input: '42', path: '$', message: /found 42$/ },
  {
    name: 'an empty object',
    input: '{}',
    path: '$.format',
    message: /^missing: this is not a Commonplace backup/,
  },
  {
    name: 'a package.json',
    input: JSON.stringify({ name: 'x', version: '1.0.0', dependencies: {} }),
    path: '$.format',
    message: /not a Commonplace backup/,
  },
  {
    name: 'a Firefox bookmarks backup (fixture)',
    input: fixture('firefox-bookmarks.json'),
    path: '$.format',
    message: /not a Commonplace backup/,
  },
  {
    name: 'CSL JSON (an array of items)',
    input: JSON.stringify([{ id: 'x', type: 'article', title: 'T' }]),
    path: '$',
    message: /expected a JSON object, found an array/,
  },
  {
    name: 'another format name',
    input: JSON.stringify({ format: 'zotero-backup', version: 1 }),
    path: '$.format',
    message: /^not a Commonplace backup: expected "commonplace-backup", found "zotero-backup"$/,
  },
  {
    name: 'a format that is a number',
    input: mutate((d) => (d.format = 1)),
    path: '$.format',
    message: /found 1$/,
  },

  // --- version ---
  {
    name: 'no version',
    input: mutate((d) => delete d.version),
    path: '$.version',
    message: /^missing/,
  },
  {
    name: 'a version as text',
    input: mutate((d) => (d.version = '1')),
    path: '$.version',
    message: /expected a format version \(a whole number\), found "1"/,
  },
  {
    name: 'a fractional version',
    input: mutate((d) => (d.version = 1.5)),
    path: '$.version',
    message: /found 1.5/,
  },
  {
    name: 'a negative version',
    input: mutate((d) => (d.version = -1)),
    path: '$.version',
    message: /found -1/,
  },
  {
    name: 'the next version',
    input: mutate((d) => (d.version = 2)),
    path: '$.version',
    message: /^made by a newer version of Commonplace \(format 2\); update the extension$/,
  },
  {
    name: 'a far future version (fixture)',
    input: fixture('future-version.json'),
    path: '$.version',
    message: /newer version of Commonplace \(format 2\)/,
  },
  {
    name: 'version 999',
    input: mutate((d) => (d.version = 999)),
    path: '$.version',
    message: /\(format 999\)/,
  },
  {
    name: 'a version 0 file with a broken piece',
    input: JSON.stringify({ ...JSON.parse(fixture('version-0.json')), pieces: [{ id: 'x' }] }),
    path: 'pieces[0].url',
    message: /^missing \(required\)$/,
  },
  {
    name: 'a version 0 file with tables of version 1',
    input: JSON.stringify({ ...JSON.parse(fixture('version-0.json')), tags: [] }),
    path: '$.tags',
    message: /unknown field \(not part of backup format 0\)/,
  },

  // --- the top level ---
  {
    name: 'no exportedAt',
    input: mutate((d) => delete d.exportedAt),
    path: '$.exportedAt',
    message: /^missing/,
  },
  {
    name: 'exportedAt not a date',
    input: mutate((d) => (d.exportedAt = 'yesterday')),
    path: '$.exportedAt',
    message: /not an ISO 8601 date-time: "yesterday"/,
  },
  {
    name: 'an unknown top-level field',
    input: mutate((d) => (d.collections = [])),
    path: '$.collections',
    message: /^unknown field/,
  },
  {
    name: 'no pieces',
    input: mutate((d) => delete d.pieces),
    path: '$.pieces',
    message: /^missing \(required; use \[\] when there are none\)$/,
  },
  {
    name: 'pieces as an object',
    input: mutate((d) => (d.pieces = {})),
    path: '$.pieces',
    message: /^expected an array, found an object$/,
  },
  {
    name: 'tags as null',
    input: mutate((d) => (d.tags = null)),
    path: '$.tags',
    message: /found null/,
  },

  // --- records: types and required fields ---
  {
    name: 'a piece that is a string',
    input: mutate((d) => (d.pieces[0] = 'piece')),
    path: 'pieces[0]',
    message: /^expected an object, found "piece"$/,
  },
  {
    name: 'a piece without url',
    input: mutate((d) => delete d.pieces[0].url),
    path: 'pieces[0].url',
    message: /^missing \(required\)$/,
  },
  {
    name: 'a title that is a number',
    input: mutate((d) => (d.pieces[1].title = 42)),
    path: 'pieces[1].title',
    message: /^expected a string, found 42$/,
  },
  {
    name: 'an empty url',
    input: mutate((d) => (d.pieces[0].url = '')),
    path: 'pieces[0].url',
    message: /^must not be empty$/,
  },
  {
    name: 'an unknown page kind',
    input: mutate((d) => (d.pieces[0].pageKind = 'video')),
    path: 'pieces[0].pageKind',
    message: /^expected "article", "listing" or "bookmark", found "video"$/,
  },
  {
    name: 'a negative word count',
    input: mutate((d) => (d.pieces[0].wordCount = -1)),
    path: 'pieces[0].wordCount',
    message: /^must not be negative$/,
  },
  {
    name: 'a fractional word count',
    input: mutate((d) => (d.pieces[0].wordCount = 1.5)),
    path: 'pieces[0].wordCount',
    message: /^expected a whole number$/,
  },
  {
    name: 'a word count as text',
    input: mutate((d) => (d.pieces[0].wordCount = '12')),
    path: 'pieces[0].wordCount',
    message: /^expected a number/,
  },
  {
    name: 'an impossible date',
    input: mutate((d) => (d.pieces[0].publishedTime = '2024-13-45T00:00:00Z')),
    path: 'pieces[0].publishedTime',
    message: /^not a real date or time: "2024-13-45T00:00:00Z"$/,
  },
  {
    name: 'a publication date in words',
    input: mutate((d) => (d.pieces[1].publishedTime = 'May 2024')),
    path: 'pieces[1].publishedTime',
    message: /^not an ISO 8601 date: "May 2024"$/,
  },
  {
    name: 'a date in words',
    input: mutate((d) => (d.pieces[1].createdAt = 'yesterday')),
    path: 'pieces[1].createdAt',
    message: /^not an ISO 8601 date-time: "yesterday"$/,
  },
  {
    name: 'a date as a number',
    input: mutate((d) => (d.pieces[0].capturedAt = 1714550400000)),
    path: 'pieces[0].capturedAt',
    message: /^expected a string, found 1714550400000$/,
  },
  {
    name: 'a date without time zone',
    input: mutate((d) => (d.pieces[0].updatedAt = '2024-01-01T00:00:00')),
    path: 'pieces[0].updatedAt',
    message: /^not an ISO 8601 date-time/,
  },
  {
    name: 'an unknown field on a piece',
    input: mutate((d) => (d.pieces[0].tags = ['x'])),
    path: 'pieces[0].tags',
    message: /^unknown field \(not part of backup format 1\)$/,
  },
  {
    name: 'authorIds that is not a list',
    input: mutate((d) => (d.pieces[0].authorIds = 'a1')),
    path: 'pieces[0].authorIds',
    message: /^expected an array, found "a1"$/,
  },
  {
    name: 'an author id that is a number',
    input: mutate((d) => (d.pieces[0].authorIds = [1])),
    path: 'pieces[0].authorIds[0]',
    message: /^expected a string, found 1$/,
  },
  {
    name: 'an unknown tag kind',
    input: mutate((d) => (d.tags[0].kind = 'publisher')),
    path: 'tags[0].kind',
    message: /^expected "author" or "theme", found "publisher"$/,
  },
  {
    name: 'a person name of another shape',
    input: mutate((d) => (d.tags[0].personName = { first: 'B', last: 'K' })),
    path: 'tags[0].personName',
    message: /^expected \{"family", "given"\} or \{"literal"\}, found an object$/,
  },
  {
    name: 'an empty tag name',
    input: mutate((d) => (d.tags[1].name = '')),
    path: 'tags[1].name',
    message: /^must not be empty$/,
  },
  {
    name: 'an alias that is not text',
    input: mutate((d) => (d.tags[2].aliases = [{}])),
    path: 'tags[2].aliases[0]',
    message: /^expected a string, found an object$/,
  },
  {
    name: 'a stored copy without text',
    input: mutate((d) => delete d.contents[0].textContent),
    path: 'contents[0].textContent',
    message: /^missing/,
  },
  {
    name: 'selectors that are not a list',
    input: mutate((d) => (d.passages[0].selectors = { type: 'TextQuoteSelector' })),
    path: 'passages[0].selectors',
    message: /^expected an array, found an object$/,
  },
  {
    name: 'a selector that is text',
    input: mutate((d) => (d.passages[1].selectors = ['quote'])),
    path: 'passages[1].selectors[0]',
    message: /^expected a selector object, found "quote"$/,
  },
  {
    name: 'a selector that is an array',
    input: mutate((d) => (d.passages[0].selectors = [['TextQuoteSelector']])),
    path: 'passages[0].selectors[0]',
    message: /^expected a selector object, found an array$/,
  },
  {
    name: 'a setting without value',
    input: mutate((d) => delete d.settings[1].value),
    path: 'settings[1].value',
    message: /^missing/,
  },

  // --- sizes and nesting ---
  {
    name: 'deeply nested junk in a selector',
    input: mutate((d) => (d.passages[0].selectors = ['__nested__'])).replace(NESTED, nested(1000)),
    path: 'passages[0].selectors[0]',
    message: /^nested too deeply \(more than 32 levels\)$/,
  },
  {
    name: 'deeply nested junk instead of a title',
    input: mutate((d) => (d.pieces[0].title = '__nested__')).replace(NESTED, nested(50_000)),
    path: 'pieces[0].title',
    message: /^expected a string, found an object$/,
  },
  {
    name: 'deeply nested arrays as the whole file',
    input: '['.repeat(100_000) + ']'.repeat(100_000),
    path: '$',
    message: /expected a JSON object, found an array/,
  },
  {
    name: 'a 2-million-character title',
    input: mutate((d) => (d.pieces[0].title = 'x'.repeat(2_000_000))),
    path: 'pieces[0].title',
    message: /^too long: 2,000,000 characters \(at most 1,000,000\)$/,
  },
  {
    name: 'a 5,000-character id',
    input: mutate((d) => (d.passages[0].id = 'q'.repeat(5000))),
    path: 'passages[0].id',
    message: /^too long: 5,000 characters \(at most 1,000\)$/,
  },
  {
    name: 'a setting with too many values',
    input: mutate((d) => (d.settings[0].value = new Array(150_000).fill(0))),
    path: 'settings[0].value',
    message: /^too large: more than 100,000 values$/,
  },
  {
    name: 'too many selectors',
    input: mutate((d) => (d.passages[0].selectors = new Array(101).fill({ type: 'X' }))),
    path: 'passages[0].selectors',
    message: /^too many selectors: 101$/,
  },

  // --- what the schema cannot see ---
  {
    name: 'two pieces with one id',
    input: mutate((d) => (d.pieces[1].id = 'p1')),
    path: 'pieces[1].id',
    message: /^duplicate id "p1" \(first at pieces\[0\]\)$/,
  },
  {
    name: 'two pieces with one URL',
    input: mutate((d) => (d.pieces[1].url = d.pieces[0].url)),
    path: 'pieces[1].url',
    message: /^the same URL as pieces\[0\] \(one URL is one piece\)$/,
  },
  {
    name: 'two tags with one id',
    input: mutate((d) => (d.tags[1].id = 'a1')),
    path: 'tags[1].id',
    message: /^duplicate id "a1"/,
  },
  {
    name: 'two authors with one key',
    input: mutate((d) => (d.tags[1].key = d.tags[0].key)),
    path: 'tags[1].key',
    message: /^an author with the key "boris kagarlitsky" is already at tags\[0\]$/,
  },
  {
    name: 'a stored copy of a missing piece',
    input: mutate((d) => (d.contents[0].pieceId = 'gone')),
    path: 'contents[0].pieceId',
    message: /^no piece with id "gone" in this backup$/,
  },
  {
    name: 'two stored copies of one piece',
    input: mutate((d) => (d.contents[1].pieceId = 'p1')),
    path: 'contents[1].pieceId',
    message: /^a second stored copy of piece "p1" \(first at contents\[0\]\)$/,
  },
  {
    name: 'a passage of a missing piece',
    input: mutate((d) => (d.passages[1].pieceId = 'gone')),
    path: 'passages[1].pieceId',
    message: /^no piece with id "gone"/,
  },
  {
    name: 'two passages with one id',
    input: mutate((d) => (d.passages[1].id = 'q1')),
    path: 'passages[1].id',
    message: /^duplicate id "q1"/,
  },
  {
    name: 'an author id of a missing tag',
    input: mutate((d) => (d.pieces[0].authorIds = ['ghost'])),
    path: 'pieces[0].authorIds[0]',
    message: /^no tag with id "ghost" in this backup$/,
  },
  {
    name: 'a theme id that is an author',
    input: mutate((d) => (d.pieces[0].themeIds = ['a1'])),
    path: 'pieces[0].themeIds[0]',
    message: /^tag "a1" \(tags\[0\]\) is an author, not a theme$/,
  },
  {
    name: 'an author listed twice',
    input: mutate((d) => (d.pieces[1].authorIds = ['a2', 'a2'])),
    path: 'pieces[1].authorIds[1]',
    message: /^tag "a2" is listed twice$/,
  },
  {
    name: 'a passage theme of a missing tag',
    input: mutate((d) => (d.passages[0].themeIds = ['t1', 'gone'])),
    path: 'passages[0].themeIds[1]',
    message: /^no tag with id "gone"/,
  },
  {
    name: 'two settings with one key',
    input: mutate((d) => (d.settings[1].key = 'palette')),
    path: 'settings[1].key',
    message: /^duplicate setting "palette"/,
  },
];

describe('malformed files', () => {
  it('has at least 50 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it('accepts the base the cases start from', () => {
    expect(validateBackup(validText)).toMatchObject({ ok: true });
  });

  it.each(cases)('refuses $name', async ({ input, path, message }) => {
    const text = typeof input === 'string' ? input : await input.text();
    const result = validateBackup(text);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toContainEqual({ path, message: expect.stringMatching(message) });

    const db = newDb();
    await fill(db, makeCollection(31, 3));
    const before = await dump(db);
    const error = await importBackup(db, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidBackupError);
    expect((error as InvalidBackupError).errors).toContainEqual({
      path,
      message: expect.stringMatching(message),
    });
    expect(await dump(db)).toEqual(before);
    db.close();
  });

  it('lists many problems, each at its place, and stops after the limit', () => {
    const doc = structuredClone(base()) as unknown as Doc;
    doc.pieces = Array.from({ length: 300 }, (_, i) => ({ id: `p${i}` }));
    const result = validateBackup(JSON.stringify(doc));
    if (result.ok) throw new Error('accepted');
    expect(result.errors).toHaveLength(101);
    expect(result.errors[0]).toEqual({ path: 'pieces[0].url', message: 'missing (required)' });
    expect(result.errors.at(-1)).toEqual({
      path: '$',
      message: 'more problems not listed (stopped after 100)',
    });
  });

  it('refuses a cut-off export read from a file, where the line reader gives up', async () => {
    const db = newDb();
    await fill(db, makeCollection(32, 5));
    const text = await exportText(db);
    const before = await dump(db);
    const cut = new Blob([text.slice(0, text.lastIndexOf('"passages"') + 20)]);
    const error = await importBackup(db, cut).catch((e: unknown) => e);
    expect((error as InvalidBackupError).errors).toEqual([
      { path: '$', message: expect.stringMatching(/^not valid JSON: the file ends too early/) },
    ]);
    expect(await dump(db)).toEqual(before);
  });
});
