/** Shared helpers of the backup tests: databases, dumps, and generated collections. */
import { CommonplaceDB } from '../../../lib/collection/database';
import type { PassageRow, PieceRow, TagRow } from '../../../lib/model/records';
import { parsePersonName } from '../../../lib/extract/names';
import type { TagKind } from '../../../lib/model/records';
import { cleanTagName, tagKey } from '../../../lib/tags/normalize';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  type Backup,
  type BackupTable,
} from '../../../lib/backup/format';
import { mergeBackupsWithSummary, sortBackup } from '../../../lib/backup/merge';
import { exportBackup } from '../../../lib/backup/export-stream';
import { random } from '../../support/random';
import { SEARCH_INDEX_TABLES } from '../../../lib/search';

export { random };

export function newDb(): CommonplaceDB {
  return new CommonplaceDB('test-' + crypto.randomUUID());
}

export type Dump = Record<BackupTable, unknown[]>;

/** Every row of every table, in primary-key order. */
export async function dump(db: CommonplaceDB): Promise<Dump> {
  const result = {} as Dump;
  for (const table of BACKUP_TABLES) result[table] = await db[table].toCollection().toArray();
  return result;
}

/** Every row of the search index's tables, in primary-key order. */
export async function dumpSearchIndex(db: CommonplaceDB): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of SEARCH_INDEX_TABLES) result[table] = await db.table(table).toArray();
  return result;
}

/** The rows of a backup in the shape of `dump`. */
export function tablesOf(backup: Backup): Dump {
  const sorted = sortBackup(backup);
  const result = {} as Dump;
  for (const table of BACKUP_TABLES) result[table] = sorted[table];
  return result;
}

/** `incoming` merged into `base`, the merged backup alone. */
export function mergeBackups(base: Backup, incoming: Backup): Backup {
  return mergeBackupsWithSummary(base, incoming).backup;
}

/** Writes a backup's rows into the database as they are (no merge). */
export async function fill(db: CommonplaceDB, backup: Backup): Promise<void> {
  await db.transaction(
    'rw',
    [db.tags, db.pieces, db.contents, db.passages, db.settings],
    async () => {
      await db.tags.bulkAdd(backup.tags);
      await db.pieces.bulkAdd(backup.pieces);
      await db.contents.bulkAdd(backup.contents);
      await db.passages.bulkAdd(backup.passages);
      await db.settings.bulkAdd(backup.settings);
    },
  );
}

export async function exportText(db: CommonplaceDB, chunkSize?: number): Promise<string> {
  const parts: string[] = [];
  for await (const part of exportBackup(db, { chunkSize, now: new Date('2025-05-01T09:00:00Z') })) {
    parts.push(part);
  }
  return parts.join('');
}

export const stamp = (minutes: number): string =>
  new Date(Date.UTC(2024, 0, 1) + minutes * 60_000).toISOString();

export function makeTag(
  kind: TagKind,
  name: string,
  id: string,
  minutes: number,
  aliases: string[] = [],
): TagRow {
  const clean = cleanTagName(name);
  return {
    id,
    kind,
    name: clean,
    key: tagKey(clean),
    aliases,
    aliasKeys: aliases.map(tagKey),
    color: kind === 'theme' ? '#b85c00' : null,
    personName: kind === 'author' ? parsePersonName(clean) : null,
    createdAt: stamp(minutes),
    updatedAt: stamp(minutes),
  };
}

export function makePiece(
  id: string,
  url: string,
  minutes: number,
  extra: Partial<PieceRow> = {},
): PieceRow {
  return {
    id,
    url,
    pageUrl: url + '?utm_source=feed',
    pageKind: 'article',
    title: `Piece ${id}`,
    siteName: 'Example Review',
    authorIds: [],
    themeIds: [],
    publishedTime: '2023-11-09T10:30:00+00:00',
    modifiedTime: null,
    lang: 'en',
    excerpt: 'An excerpt.',
    wordCount: 1200,
    contentHash: 'ab'.repeat(32),
    note: '',
    capturedAt: stamp(minutes),
    createdAt: stamp(minutes),
    updatedAt: stamp(minutes),
    ...extra,
  };
}

export function makePassage(
  id: string,
  pieceId: string,
  minutes: number,
  extra: Partial<PassageRow> = {},
): PassageRow {
  return {
    id,
    pieceId,
    selectors: [
      { type: 'TextQuoteSelector', exact: 'the quoted words', prefix: 'before ', suffix: ' after' },
      { type: 'TextPositionSelector', start: 120, end: 136 },
    ],
    quote: 'the quoted words',
    textFragment: 'the%20quoted%20words',
    note: '',
    authorIds: [],
    themeIds: [],
    createdAt: stamp(minutes),
    updatedAt: stamp(minutes),
    ...extra,
  };
}

export function emptyBackup(): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: stamp(0),
    tags: [],
    pieces: [],
    contents: [],
    passages: [],
    settings: [],
  };
}

const AUTHORS = [
  'Boris Kagarlitsky',
  'Ursula K. Le Guin',
  'Chimamanda Ngozi Adichie',
  'Amos Oz',
  'Naguib Mahfouz',
  'Wisława Szymborska',
  'Ngũgĩ wa Thiong’o',
  'Han Kang',
  'The Editors',
  'José Saramago',
];
const THEMES = [
  'Solidarity',
  'Memory',
  'Translation',
  'Cities',
  'Labour history',
  'Écologie',
  'Exile',
  'Reading',
];

/**
 * A generated collection: `pieces` pieces by several authors on several themes, most with a
 * stored copy, a few passages each, some aliases, notes and settings. Rows in primary-key order.
 */
export function makeCollection(seed: number, pieces = 12, prefix = 'c'): Backup {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const backup = emptyBackup();
  const authors = AUTHORS.map((name, i) =>
    makeTag(
      'author',
      name,
      `${prefix}-a${i}`,
      Math.floor(rnd() * 1000),
      i % 3 === 0 ? [name.toUpperCase() + ' Jr'] : [],
    ),
  );
  const themes = THEMES.map((name, i) =>
    makeTag(
      'theme',
      name,
      `${prefix}-t${i}`,
      Math.floor(rnd() * 1000),
      i === 0 ? ['Solidarność'] : [],
    ),
  );
  backup.tags = [...authors, ...themes];
  for (let i = 0; i < pieces; i++) {
    const id = `${prefix}-p${String(i).padStart(3, '0')}`;
    const minutes = 2000 + Math.floor(rnd() * 10_000);
    const authorIds = [...new Set([pick(authors).id, ...(rnd() < 0.3 ? [pick(authors).id] : [])])];
    const themeIds = [...new Set([pick(themes).id, pick(themes).id])];
    const piece = makePiece(id, `https://example.org/${prefix}/${i}`, minutes, {
      title: `On ${pick(THEMES).toLowerCase()} — part ${i}`,
      authorIds,
      themeIds,
      note: rnd() < 0.5 ? `Note ${i}: "quoted", with commas, and\na new line.` : '',
      pageKind: rnd() < 0.85 ? 'article' : 'bookmark',
    });
    backup.pieces.push(piece);
    if (piece.pageKind === 'article') {
      backup.contents.push({
        pieceId: id,
        contentHtml: `<p>Body of piece ${i}.</p>`,
        textContent: `Body of piece ${i}.`,
        updatedAt: piece.capturedAt,
      });
      const count = Math.floor(rnd() * 4);
      for (let j = 0; j < count; j++) {
        backup.passages.push(
          makePassage(`${prefix}-q${String(i).padStart(3, '0')}-${j}`, id, minutes + 5 + j, {
            note: j === 0 ? 'Worth quoting.' : '',
            themeIds: rnd() < 0.5 ? [pick(themes).id] : [],
            authorIds: rnd() < 0.2 ? [pick(authors).id] : [],
          }),
        );
      }
    }
  }
  backup.settings = [
    { key: 'highlightPalette', value: ['#ffe08a', '#b5e3ff'], updatedAt: stamp(50) },
    { key: 'libraryView', value: { sort: 'capturedAt', dense: false }, updatedAt: stamp(60) },
  ];
  return sortBackup(backup);
}

/**
 * A second collection that overlaps `a` the way two browsers' collections do: edits newer and
 * older than `a`'s, new rows, the same URL under another id, the same tag under another id, a
 * renamed tag, an alias match, changed settings.
 */
export function divergeFrom(a: Backup, seed: number): Backup {
  const rnd = random(seed);
  const b: Backup = structuredClone(a);
  b.exportedAt = stamp(100_000);
  for (const piece of b.pieces) {
    const roll = rnd();
    if (roll < 0.2) {
      piece.note = `Edited elsewhere (${seed})`;
      piece.updatedAt = stamp(50_000 + Math.floor(rnd() * 1000));
    } else if (roll < 0.3) {
      piece.title = 'An older title';
      piece.updatedAt = stamp(10);
    }
  }
  for (const passage of b.passages) {
    if (rnd() < 0.3) {
      passage.note = 'Re-read: still true.';
      passage.updatedAt = stamp(60_000);
    }
  }
  // A tag renamed on the other side (newer), and one with the same key under another id.
  const renamed = b.tags.find((t) => t.kind === 'theme' && t.name === 'Memory');
  if (renamed) {
    renamed.name = 'Collective memory';
    renamed.key = tagKey(renamed.name);
    renamed.updatedAt = stamp(70_000);
  }
  // The other browser created "Boris Kagarlitsky" itself: same key, another id.
  const other = makeTag('author', 'boris  KAGARLITSKY', `${seed}-kag`, 80_000, [
    'Борис Кагарлицкий',
  ]);
  const mine = b.tags.find((t) => t.kind === 'author' && t.key === other.key);
  if (mine) {
    b.tags = b.tags.filter((t) => t !== mine);
    const swap = (ids: string[]) => ids.map((id) => (id === mine.id ? other.id : id));
    for (const row of [...b.pieces, ...b.passages]) row.authorIds = swap(row.authorIds);
  }
  b.tags.push(other);
  // An author matched through an alias of `a` ("AMOS OZ Jr" is an alias there).
  const aliasMatch = makeTag('author', 'Amos Oz, Jr', `${seed}-oz`, 5);
  b.tags.push(aliasMatch);
  const newTheme = makeTag('theme', `Borders ${seed}`, `${seed}-t-new`, 90_000);
  b.tags.push(newTheme);
  // The same URL as a piece of `a`, under another id, with its own copy and a passage.
  const twin = a.pieces[Math.floor(rnd() * a.pieces.length)];
  if (twin) {
    const twinId = `${seed}-twin`;
    b.pieces.push(
      makePiece(twinId, twin.url, 95_000, {
        title: 'Saved again elsewhere',
        authorIds: [other.id, aliasMatch.id],
        themeIds: [newTheme.id],
      }),
    );
    b.contents.push({
      pieceId: twinId,
      contentHtml: '<p>Newer copy</p>',
      textContent: 'Newer copy',
      updatedAt: stamp(95_000),
    });
    b.passages.push(
      makePassage(`${seed}-twin-q`, twinId, 95_001, {
        authorIds: [other.id],
        themeIds: [newTheme.id],
      }),
    );
    // Drop the duplicate rows the twin replaces inside b itself.
    b.pieces = b.pieces.filter((p) => p.id === twinId || p.url !== twin.url);
    b.contents = b.contents.filter((c) => c.pieceId !== twin.id);
    b.passages = b.passages.filter((p) => p.pieceId !== twin.id);
  }
  for (let i = 0; i < 3; i++) {
    const id = `${seed}-new-${i}`;
    b.pieces.push(
      makePiece(id, `https://elsewhere.example/${seed}/${i}`, 30_000 + i, {
        authorIds: [other.id],
        themeIds: [renamed?.id ?? newTheme.id],
      }),
    );
  }
  b.settings = b.settings.map((s, i) =>
    i === 0 ? { ...s, value: ['#000000'], updatedAt: stamp(99_000) } : s,
  );
  b.settings.push({ key: `only-in-${seed}`, value: null, updatedAt: stamp(1) });
  return sortBackup(b);
}

/** Strings that break naive code: every script, direction marks, emoji, quotes, separators. */
export function hostile(label: string, length = 0): string {
  const base =
    `${label} — “quoted” "double" 'single' «guillemets», commas, semi;colons\n` +
    'new line\r\nCRLF\ttab \\ backslash \u2028 LS \u2029 PS \u0000 NUL ' +
    'עברית מימין לשמאל \u200f العربية \u200e Ελληνικά Кириллица 中文 日本語 한국어 ' +
    'emoji 👩🏽‍🔬 🇺🇦 ❤️ 🏳️‍🌈 e\u0301 ß ﬁ ';
  if (length <= base.length) return base;
  let text = base;
  while (text.length < length) text += base;
  // Cut mid-way: may leave half an emoji (a lone surrogate), which must survive too.
  return text.slice(0, length);
}
