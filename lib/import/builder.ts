/**
 * Turns annotations (from any tool) into a partial backup that validates with `validateBackup`
 * and merges with the collection through the backup merge:
 *
 * - A page already in the collection (same URL, tracking parameters ignored) keeps its piece; the
 *   piece row is included unchanged (with the tags it uses) so that the passages can point at it.
 * - A page that is not gets a bookmark-style piece: no stored copy, titled from the annotation's
 *   document title or its address.
 * - Each annotation with a quote becomes a passage: selectors from its target, note from its
 *   text body, themes from its tags (an existing theme with the same key or alias, or a new one).
 * - Ids are stable (see ./ids.ts) and timestamps come from the annotations, so importing the same
 *   file twice changes nothing the second time.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../backup/format';
import { LIMITS, isTimestamp, jsonValueProblem } from '../model/row-schemas';
import type { PassageRow, PieceRow, TagRow } from '../model/records';
import { stripTracking } from '../extract/tracking';
import { cleanTagName, tagKey } from '../tags/normalize';
import { nameUuid } from './ids';

/** What the collection already holds (a backup will do): pieces by URL, themes by key. */
export interface ImportContext {
  tags?: readonly TagRow[];
  pieces?: readonly PieceRow[];
  passages?: readonly PassageRow[];
}

export interface ImportOptions {
  /** Timestamp for rows whose annotation has none (default: now). */
  now?: Date;
}

export interface ImportSkip {
  /** Position of the annotation in the file. */
  index: number;
  /** The annotation's own id, when it has one. */
  id?: string;
  reason: string;
}

export interface ImportSummary {
  /** Annotations found in the file. */
  annotations: number;
  /** Passages in the result. */
  passages: number;
  /** Pieces created (bookmarks) and pieces that were already in the collection. */
  newPieces: number;
  matchedPieces: number;
  /** Themes created and themes that were already in the collection. */
  newThemes: number;
  matchedThemes: number;
  skipped: ImportSkip[];
}

export interface ImportResult {
  /** A partial backup: merge it with `applyBackup`/`mergeBackupsWithSummary`. */
  backup: Backup;
  summary: ImportSummary;
}

/** Thrown when the input is not the format at all (nothing to import). */
export class ImportFormatError extends Error {
  override name = 'ImportFormatError';
}

/** One annotation, as the format readers hand it over. */
export interface AnnotationInput {
  index: number;
  /** The annotation's id in its own tool (for a stable passage id and for messages). */
  sourceId?: string;
  /** The tool whose ids `sourceId` is (ids of two tools may look alike). */
  scope: 'hypothesis' | 'annotation';
  /** A Commonplace passage id carried by the annotation (our own export). */
  passageId?: string;
  /** The annotated page. */
  source: string;
  /** The page's title, when the tool knows it. */
  title?: string;
  selectors: Record<string, unknown>[];
  note: string;
  tags: string[];
  created?: string;
  modified?: string;
}

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses JSON text, or passes a parsed value through. */
export function readJson(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ImportFormatError(
      `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** A timestamp the backup format accepts, from whatever the tool wrote; null if none. */
function timestampOf(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  if (isTimestamp(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const TEXT_QUOTE = 'TextQuoteSelector';

/** The quote of a TextQuoteSelector (at the top or inside a `refinedBy` chain). */
function quoteOf(selectors: JsonObject[]): string | null {
  for (let selector of selectors) {
    for (let depth = 0; depth < 8; depth++) {
      if (selector.type === TEXT_QUOTE && typeof selector.exact === 'string') return selector.exact;
      if (!isObject(selector.refinedBy)) break;
      selector = selector.refinedBy;
    }
  }
  return null;
}

const MAX_TITLE = 1_000;

export class PartialBackupBuilder {
  private readonly now: string;
  private readonly piecesByUrl = new Map<string, PieceRow>();
  private readonly themesByKey = new Map<string, TagRow>();
  private readonly themesByName = new Map<string, TagRow>();
  private readonly contextTags = new Map<string, TagRow>();
  private readonly seenQuotes = new Set<string>();
  private readonly contextPassages = new Set<string>();

  private readonly pieces = new Map<string, PieceRow>();
  private readonly newPieceIds = new Set<string>();
  private readonly tags = new Map<string, TagRow>();
  private readonly newTagIds = new Set<string>();
  private readonly matchedThemeIds = new Set<string>();
  private readonly passages = new Map<string, PassageRow>();
  private readonly skipped: ImportSkip[] = [];
  private annotations = 0;

  constructor(context: ImportContext, options: ImportOptions = {}) {
    this.now = (options.now ?? new Date()).toISOString();
    for (const tag of context.tags ?? []) {
      this.contextTags.set(tag.id, tag);
      if (tag.kind !== 'theme') continue;
      this.themesByName.set(cleanTagName(tag.name), tag);
      for (const key of [tag.key, ...tag.aliasKeys]) {
        if (!this.themesByKey.has(key)) this.themesByKey.set(key, tag);
      }
    }
    for (const piece of context.pieces ?? []) {
      for (const url of [piece.url, stripTracking(piece.url), stripTracking(piece.pageUrl)]) {
        if (!this.piecesByUrl.has(url)) this.piecesByUrl.set(url, piece);
      }
    }
    for (const passage of context.passages ?? []) {
      this.seenQuotes.add(quoteKey(passage.pieceId, passage.quote));
      this.contextPassages.add(passage.id);
    }
  }

  /** Counts an annotation found in the file (imported or skipped). */
  found(): void {
    this.annotations++;
  }

  skip(index: number, reason: string, id?: string): void {
    this.skipped.push(id === undefined ? { index, reason } : { index, id, reason });
  }

  /** The piece for a page: the collection's, or a new bookmark. Null for an unusable address. */
  private pieceFor(source: string, title: string | undefined, time: string): PieceRow | null {
    const url = stripTracking(source);
    if (!/^https?:\/\//i.test(url) || url.length > LIMITS.text) return null;
    const known = this.piecesByUrl.get(url) ?? this.piecesByUrl.get(source);
    if (known && this.newPieceIds.has(known.id)) {
      // A bookmark of this import: the earliest annotation dates it.
      if (Date.parse(time) < Date.parse(known.createdAt)) {
        known.createdAt = known.capturedAt = known.updatedAt = time;
      }
      // Titled by the first annotation that knows the title.
      if (known.title === url.slice(0, MAX_TITLE) && title && cleanTagName(title)) {
        known.title = cleanTagName(title).slice(0, MAX_TITLE);
      }
      return known;
    }
    if (known) {
      if (!this.pieces.has(known.id)) this.pieces.set(known.id, this.withKnownTags(known));
      return this.pieces.get(known.id)!;
    }
    const id = nameUuid(`commonplace-import:piece:${url}`);
    const piece: PieceRow = {
      id,
      url,
      pageUrl: source.length <= LIMITS.text ? source : url,
      pageKind: 'bookmark',
      title: (title ? cleanTagName(title) : '').slice(0, MAX_TITLE) || url.slice(0, MAX_TITLE),
      siteName: null,
      authorIds: [],
      themeIds: [],
      publishedTime: null,
      modifiedTime: null,
      lang: null,
      excerpt: '',
      wordCount: 0,
      contentHash: '',
      note: '',
      capturedAt: time,
      createdAt: time,
      updatedAt: time,
    };
    this.pieces.set(id, piece);
    this.newPieceIds.add(id);
    this.piecesByUrl.set(url, piece);
    return piece;
  }

  /** A piece of the collection, with only the tag references this import can include. */
  private withKnownTags(piece: PieceRow): PieceRow {
    const keep = (ids: string[], kind: TagRow['kind']) =>
      ids.filter((id) => {
        const tag = this.contextTags.get(id);
        if (!tag || tag.kind !== kind) return false;
        this.tags.set(tag.id, tag);
        return true;
      });
    const authorIds = keep(piece.authorIds, 'author');
    const themeIds = keep(piece.themeIds, 'theme');
    return authorIds.length === piece.authorIds.length && themeIds.length === piece.themeIds.length
      ? piece
      : { ...piece, authorIds, themeIds };
  }

  /** Theme ids for tag names: existing themes by key or alias, else new ones. */
  private themesFor(names: string[], time: string): string[] {
    const ids: string[] = [];
    for (const raw of names.slice(0, LIMITS.list)) {
      if (typeof raw !== 'string' || raw.length > LIMITS.text) continue;
      const name = cleanTagName(raw);
      const key = tagKey(name);
      // A name without letters or digits has no key; only a theme of that very name matches.
      let tag = key ? this.themesByKey.get(key) : this.themesByName.get(name);
      if (!key && !tag) continue;
      if (!tag) {
        tag = {
          id: nameUuid(`commonplace-import:theme:${key}`),
          kind: 'theme',
          name,
          key,
          aliases: [],
          aliasKeys: [],
          color: null,
          personName: null,
          createdAt: time,
          updatedAt: time,
        };
        this.themesByKey.set(key, tag);
        this.newTagIds.add(tag.id);
      } else if (this.newTagIds.has(tag.id)) {
        if (Date.parse(time) < Date.parse(tag.createdAt)) tag.createdAt = tag.updatedAt = time;
      } else {
        this.matchedThemeIds.add(tag.id);
      }
      this.tags.set(tag.id, tag);
      if (!ids.includes(tag.id)) ids.push(tag.id);
    }
    return ids;
  }

  /** Adds one annotation as a passage (or records why not). */
  add(input: AnnotationInput): void {
    const skip = (reason: string) => this.skip(input.index, reason, input.sourceId);
    const selectors = input.selectors
      .filter((selector) => jsonValueProblem(selector) === null)
      .slice(0, LIMITS.selectors);
    const quote = quoteOf(selectors);
    if (quote === null || quote.trim() === '') return skip('no quoted text (no TextQuoteSelector)');
    if (quote.length > LIMITS.text || input.note.length > LIMITS.text) return skip('too long');
    const created = timestampOf(input.created) ?? timestampOf(input.modified) ?? this.now;
    const modified = timestampOf(input.modified) ?? created;
    const piece = this.pieceFor(input.source, input.title, created);
    if (!piece) return skip(`not a web address: ${input.source.slice(0, 200)}`);

    const id =
      input.passageId ??
      nameUuid(
        input.sourceId !== undefined
          ? `commonplace-import:${input.scope}:${input.sourceId}`
          : `commonplace-import:quote:${piece.url}\n${quote}\n${created}`,
      );
    if (this.passages.has(id)) return skip('the same annotation twice in the file');
    const key = quoteKey(piece.id, quote);
    if (this.seenQuotes.has(key) && !this.contextPassages.has(id)) {
      return skip('already in the collection: a passage with the same quote on the same page');
    }
    this.seenQuotes.add(key);
    this.passages.set(id, {
      id,
      pieceId: piece.id,
      selectors,
      quote,
      textFragment: null,
      note: input.note,
      authorIds: [],
      themeIds: this.themesFor(input.tags, created),
      createdAt: created,
      updatedAt: modified < created ? created : modified,
    });
  }

  /**
   * A note on a whole page (no quote): the note and tags of a new bookmark. A page already in
   * the collection keeps its own note.
   */
  addPageNote(input: AnnotationInput): void {
    const created = timestampOf(input.created) ?? this.now;
    const url = stripTracking(input.source);
    const known = this.piecesByUrl.get(url) ?? this.piecesByUrl.get(input.source);
    if (known && !this.newPieceIds.has(known.id)) {
      return this.skip(
        input.index,
        'a page note on a piece already in the collection (its own note is kept)',
        input.sourceId,
      );
    }
    if (input.note.length > LIMITS.text) return this.skip(input.index, 'too long', input.sourceId);
    const piece = this.pieceFor(input.source, input.title, created);
    if (!piece) {
      return this.skip(
        input.index,
        `not a web address: ${input.source.slice(0, 200)}`,
        input.sourceId,
      );
    }
    const note = input.note.trim();
    if (note && piece.note.length + note.length + 2 <= LIMITS.text) {
      piece.note = piece.note ? `${piece.note}\n\n${note}` : note;
    }
    for (const id of this.themesFor(input.tags, created)) {
      if (!piece.themeIds.includes(id)) piece.themeIds.push(id);
    }
  }

  result(): ImportResult {
    const tags = [...this.tags.values()];
    const pieces = [...this.pieces.values()];
    const passages = [...this.passages.values()];
    const backup: Backup = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: this.now,
      tags,
      pieces,
      contents: [],
      passages,
      settings: [],
    };
    return {
      backup,
      summary: {
        annotations: this.annotations,
        passages: passages.length,
        newPieces: this.newPieceIds.size,
        matchedPieces: pieces.length - this.newPieceIds.size,
        newThemes: tags.filter((t) => this.newTagIds.has(t.id)).length,
        matchedThemes: this.matchedThemeIds.size,
        skipped: this.skipped,
      },
    };
  }
}

function quoteKey(pieceId: string, quote: string): string {
  return `${pieceId}\u0000${quote.replace(/\s+/g, ' ').trim()}`;
}
