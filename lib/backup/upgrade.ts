/**
 * Older backup formats, and the steps that bring them to the current one.
 *
 * Format 0 is the pre-release shape: pieces carried their stored copy inline, authors and themes
 * as plain strings (`authors`, `tags`), one `savedAt` date, and settings were one object. There
 * were no passages and no tag table. Upgrading creates the tags (ids derived from kind + key, so
 * that upgrading the same file twice gives the same backup) and splits the stored copies out.
 */
import * as v from 'valibot';
import { parsePersonName } from '../extract/names';
import { countWords } from '../extract/text';
import type { TagKind } from '../model/records';
import { cleanTagName, tagKey } from '../tags/normalize';
import type { ContentRow, PieceRow, SettingRow, TagRow } from '../model/records';
import { BACKUP_FORMAT, BACKUP_VERSION, compareKeys, type Backup } from './format';
import { LIMITS, isIsoDate, isTimestamp, jsonValueProblem, objectOf } from '../model/row-schemas';
import { fromValibot, type BackupIssue } from './issues';

const text = (max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max, (issue) => `too long: ${issue.received} characters (at most ${max})`),
  );
const id = v.pipe(text(LIMITS.id), v.minLength(1, 'must not be empty'));
const timestamp = v.pipe(
  v.string(),
  v.maxLength(40, 'not a date-time: too long'),
  v.check(isTimestamp, (issue) => `not an ISO 8601 date-time: ${issue.received}`),
);
const names = v.pipe(
  v.array(text(LIMITS.text)),
  v.maxLength(LIMITS.list, (issue) => `too many names: ${issue.received}`),
);

const V0PieceSchema = v.strictObject({
  id,
  url: v.pipe(text(LIMITS.text), v.minLength(1, 'must not be empty')),
  title: text(LIMITS.text),
  siteName: v.nullable(text(LIMITS.text)),
  authors: names,
  tags: names,
  publishedTime: v.nullable(
    v.pipe(
      v.string(),
      v.maxLength(40, 'not a date: too long'),
      v.check(isIsoDate, (issue) => `not an ISO 8601 date: ${issue.received}`),
    ),
  ),
  excerpt: text(LIMITS.text),
  note: text(LIMITS.text),
  contentHtml: text(LIMITS.document),
  textContent: text(LIMITS.document),
  contentHash: text(LIMITS.text),
  savedAt: timestamp,
  updatedAt: timestamp,
});

const V0BackupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(0),
  exportedAt: timestamp,
  pieces: v.array(V0PieceSchema),
  settings: v.pipe(
    objectOf('expected an object of settings'),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const problem = jsonValueProblem(dataset.value);
      if (problem) addIssue({ message: problem });
    }),
  ),
});

type V0Backup = v.InferOutput<typeof V0BackupSchema>;

export type UpgradeResult = { ok: true; doc: unknown } | { ok: false; errors: BackupIssue[] };

/** A short deterministic hash (two 32-bit FNV-style lanes), for derived ids. */
function hashHex(input: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

const earlier = (a: string, b: string): string => (Date.parse(b) < Date.parse(a) ? b : a);

function upgradeV0(doc: V0Backup): Backup {
  const tags = new Map<string, TagRow>();
  const tagIds = (kind: TagKind, rawNames: string[], savedAt: string): string[] => {
    const ids: string[] = [];
    for (const raw of rawNames) {
      const name = cleanTagName(raw);
      const key = tagKey(name);
      if (!key) continue;
      const mapKey = `${kind}\u0000${key}`;
      let tag = tags.get(mapKey);
      if (!tag) {
        tag = {
          id: `v0-${kind}-${hashHex(key)}`,
          kind,
          name,
          key,
          aliases: [],
          aliasKeys: [],
          color: null,
          personName: kind === 'author' ? parsePersonName(name) : null,
          createdAt: savedAt,
          updatedAt: savedAt,
        };
        tags.set(mapKey, tag);
      } else {
        tag.createdAt = tag.updatedAt = earlier(tag.createdAt, savedAt);
      }
      if (!ids.includes(tag.id)) ids.push(tag.id);
    }
    return ids;
  };

  const pieces: PieceRow[] = [];
  const contents: ContentRow[] = [];
  for (const old of doc.pieces) {
    const hasCopy = old.textContent.trim() !== '' || old.contentHtml.trim() !== '';
    pieces.push({
      id: old.id,
      url: old.url,
      pageUrl: old.url,
      pageKind: hasCopy ? 'article' : 'bookmark',
      title: old.title,
      siteName: old.siteName,
      authorIds: tagIds('author', old.authors, old.savedAt),
      themeIds: tagIds('theme', old.tags, old.savedAt),
      publishedTime: old.publishedTime,
      modifiedTime: null,
      lang: null,
      excerpt: old.excerpt,
      wordCount: countWords(old.textContent),
      contentHash: old.contentHash,
      note: old.note,
      capturedAt: old.savedAt,
      createdAt: old.savedAt,
      updatedAt: old.updatedAt,
    });
    if (hasCopy) {
      contents.push({
        pieceId: old.id,
        contentHtml: old.contentHtml,
        textContent: old.textContent,
        updatedAt: old.savedAt,
      });
    }
  }
  const settings: SettingRow[] = Object.entries(doc.settings).map(([key, value]) => ({
    key,
    value,
    updatedAt: doc.exportedAt,
  }));

  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: doc.exportedAt,
    tags: [...tags.values()].sort((a, b) => compareKeys(a.id, b.id)),
    pieces: pieces.sort((a, b) => compareKeys(a.id, b.id)),
    contents: contents.sort((a, b) => compareKeys(a.pieceId, b.pieceId)),
    passages: [],
    settings: settings.sort((a, b) => compareKeys(a.key, b.key)),
  };
}

/**
 * Brings a document of format `from` (older than the current one) to the current format. The
 * result still has to pass `validateBackup`'s checks of the current format.
 */
export function upgradeBackup(doc: unknown, from: number, maxErrors = 100): UpgradeResult {
  if (from !== 0) {
    return {
      ok: false,
      errors: [{ path: '$.version', message: `unknown format version ${from}` }],
    };
  }
  const result = v.safeParse(V0BackupSchema, doc, { abortPipeEarly: true });
  if (!result.success) {
    const errors = result.issues.slice(0, maxErrors).map((issue) => fromValibot('', issue, 0));
    return { ok: false, errors };
  }
  return { ok: true, doc: upgradeV0(result.output) };
}
