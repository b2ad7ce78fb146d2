/**
 * The merge rules, shared by import (against the rows already in the database) and by the offline
 * `merge` command (against another backup):
 *
 * - Tags are the same tag when they have the same id and kind, else the same kind and key, else
 *   the same kind and the incoming key is an alias key of an existing tag (or an existing key an
 *   alias key of the incoming tag). The existing id is kept; aliases are united, and the name of
 *   the losing record becomes an alias when its key differs.
 * - Pieces are the same piece when they have the same id, else the same canonical URL. The
 *   existing id is kept, and the incoming piece's stored copy and passages follow it.
 * - Stored copies match by piece, passages by id, settings by key. A piece takes the fields that
 *   describe its copy (kind, words, hash, when taken) from the side whose copy was kept.
 * - For the same record, the newer `updatedAt` wins (the whole record); on a tie the existing
 *   record stays. A change that would give two tags one key, or two pieces one URL, is not made.
 * - References (pieceId, authorIds, themeIds) of incoming rows are rewritten to the kept ids.
 *
 * Every rule keeps what is already there when nothing is newer, and the order of the rows in the
 * file does not matter (existing tags and pieces are merged first, retried while one frees a key
 * another wants; `mergeIncoming` repeats passes until nothing changes). So merging the same data
 * twice changes nothing the second time, and merging a backup with itself gives it back.
 */
import type { ContentRow, PassageRow, PieceRow, SettingRow, TagRow } from '../model/records';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  compareKeys,
  primaryKey,
  type Backup,
  type BackupRow,
  type BackupTable,
} from './format';
import { tagKey } from '../tags/normalize';

export interface TableSummary {
  /** Rows that were not there before. */
  added: number;
  /** Rows that were there and changed. */
  updated: number;
  /** Incoming rows that matched a row and changed nothing. */
  unchanged: number;
}

export type MergeSummary = Record<BackupTable, TableSummary>;

/** The existing side of a merge; lookups are synchronous (the database side prefetches). */
export interface MergeSource {
  /** Every existing tag (the tag table is small and matched by key and alias). */
  tags: Iterable<TagRow>;
  piece(id: string): PieceRow | undefined;
  pieceIdByUrl(url: string): string | undefined;
  content(pieceId: string): ContentRow | undefined;
  passage(id: string): PassageRow | undefined;
  setting(key: string): SettingRow | undefined;
}

/** Strictly newer: equal instants (even written differently) are a tie. */
export function isNewer(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

/** Structural equality of JSON values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => deepEqual(item, other[i]));
  }
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(b, key) &&
      deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

const union = (first: string[], second: string[], extra?: string): string[] => {
  const result = [...first];
  for (const item of second) if (!result.includes(item)) result.push(item);
  if (extra !== undefined && !result.includes(extra)) result.push(extra);
  return result;
};

/** The fields of a piece that describe its stored copy. */
const copyFields = ({ pageKind, wordCount, contentHash, capturedAt }: PieceRow) => ({
  pageKind,
  wordCount,
  contentHash,
  capturedAt,
});

/** What a merge did to a row: `before` (undefined: none) and `after` (undefined: not written). */
function outcome(before: BackupRow | undefined, after: BackupRow | undefined): keyof TableSummary {
  if (before === undefined) return 'added';
  return after && !deepEqual(after, before) ? 'updated' : 'unchanged';
}

const kindKey = (kind: string, key: string): string => `${kind}\u0000${key}`;

/**
 * Merges the rows that `exists` says are already there first, again and again while one refused
 * (`merge` returns false) can still succeed because another moved; then the other rows, in order.
 */
function mergeExistingFirst<T>(
  rows: readonly T[],
  exists: (row: T) => boolean,
  merge: (row: T) => boolean,
): void {
  const existing = new Set(rows.filter(exists));
  let pending = [...existing];
  while (pending.length > 0) {
    const refused = pending.filter((row) => !merge(row));
    if (refused.length === pending.length) break;
    pending = refused;
  }
  for (const row of rows) if (!existing.has(row)) merge(row);
}

/**
 * Applies incoming rows, table by table in the order of `BACKUP_TABLES`, to a working view over
 * the existing rows. `finish()` gives the rows to write and what happened.
 */
export class Merger {
  private readonly tagsById = new Map<string, TagRow>();
  private readonly tagIdByKey = new Map<string, string>();
  /** Alias key → ids of tags that existed before the merge (incoming tags never merge together). */
  private readonly aliasOwners = new Map<string, string[]>();
  private readonly baseTagIds = new Set<string>();
  private readonly tagIdMap = new Map<string, string>();
  private readonly pieceIdMap = new Map<string, string>();
  /** Incoming pieces by their own id. */
  private readonly incomingPieces = new Map<string, PieceRow>();
  /** Kept piece id → the incoming piece whose stored copy it now has. */
  private readonly copySources = new Map<string, PieceRow>();
  private readonly urlOverlay = new Map<string, string | null>();
  /** Rows written by the merge, by table and primary key. */
  private readonly written: { [T in BackupTable]: Map<string, Backup[T][number]> } = {
    tags: new Map(),
    pieces: new Map(),
    contents: new Map(),
    passages: new Map(),
    settings: new Map(),
  };
  /** The row before the merge (undefined: there was none) of every key an incoming row reached. */
  private readonly touched: { [T in BackupTable]: Map<string, Backup[T][number] | undefined> } = {
    tags: new Map(),
    pieces: new Map(),
    contents: new Map(),
    passages: new Map(),
    settings: new Map(),
  };

  constructor(private readonly source: MergeSource) {
    for (const tag of source.tags) {
      this.tagsById.set(tag.id, tag);
      this.tagIdByKey.set(kindKey(tag.kind, tag.key), tag.id);
      this.baseTagIds.add(tag.id);
      this.indexAliases(tag);
    }
  }

  private indexAliases(tag: TagRow): void {
    for (const aliasKey of tag.aliasKeys) {
      const key = kindKey(tag.kind, aliasKey);
      const owners = this.aliasOwners.get(key);
      if (!owners) this.aliasOwners.set(key, [tag.id]);
      else if (!owners.includes(tag.id)) {
        owners.push(tag.id);
        owners.sort(compareKeys);
      }
    }
  }

  private touch<T extends BackupTable>(
    table: T,
    key: string,
    before: Backup[T][number] | undefined,
  ) {
    if (!this.touched[table].has(key)) this.touched[table].set(key, before);
  }

  // --- tags ---

  private findTag(tag: TagRow): TagRow | undefined {
    const byId = this.tagsById.get(tag.id);
    if (byId && byId.kind === tag.kind) return byId;
    const byKeyId = this.tagIdByKey.get(kindKey(tag.kind, tag.key));
    if (byKeyId !== undefined) return this.tagsById.get(byKeyId);
    const owner = this.aliasOwners.get(kindKey(tag.kind, tag.key))?.[0];
    if (owner !== undefined) return this.tagsById.get(owner);
    for (const aliasKey of tag.aliasKeys) {
      const id = this.tagIdByKey.get(kindKey(tag.kind, aliasKey));
      if (id !== undefined && this.baseTagIds.has(id)) return this.tagsById.get(id);
    }
    return undefined;
  }

  private freeTagId(tag: TagRow): string {
    let id = tag.id;
    while (this.tagsById.has(id)) id = `${id}~${tag.kind}`;
    return id;
  }

  private setTag(tag: TagRow, previous: TagRow | undefined): void {
    if (previous && previous.key !== tag.key) {
      this.tagIdByKey.delete(kindKey(previous.kind, previous.key));
    }
    this.tagsById.set(tag.id, tag);
    this.tagIdByKey.set(kindKey(tag.kind, tag.key), tag.id);
    if (this.baseTagIds.has(tag.id)) this.indexAliases(tag);
    this.written.tags.set(tag.id, tag);
  }

  /**
   * Tags that exist (same id and kind) are merged first, again and again while one of them can
   * still take a name another has given up; then the others are matched by key and alias. So the
   * order of the file does not matter, and importing it again changes nothing.
   */
  mergeTags(incoming: readonly TagRow[]): void {
    mergeExistingFirst(
      incoming,
      (tag) => this.tagsById.get(tag.id)?.kind === tag.kind,
      (tag) => this.mergeTag(tag),
    );
  }

  /** Merges one tag; false when it lost a newer name only because another tag holds it. */
  private mergeTag(tag: TagRow): boolean {
    const target = this.findTag(tag);
    if (!target) {
      const id = this.freeTagId(tag);
      const row = id === tag.id ? tag : { ...tag, id };
      this.touch('tags', id, undefined);
      this.setTag(row, undefined);
      this.tagIdMap.set(tag.id, id);
      return true;
    }
    this.tagIdMap.set(tag.id, target.id);
    this.touch('tags', target.id, target);
    const { merged, blocked } = this.mergeTagRows(target, tag);
    if (merged !== target) this.setTag(merged, target);
    return !blocked;
  }

  private mergeTagRows(existing: TagRow, incoming: TagRow): { merged: TagRow; blocked: boolean } {
    let winner = isNewer(incoming.updatedAt, existing.updatedAt) ? incoming : existing;
    let blocked = false;
    if (winner === incoming && incoming.key !== existing.key) {
      const holder = this.tagIdByKey.get(kindKey(existing.kind, incoming.key));
      if (holder !== undefined && holder !== existing.id) {
        winner = existing;
        blocked = true;
      }
    }
    const loser = winner === existing ? incoming : existing;
    const rename = loser.key !== winner.key;
    // A tag's own name is never one of its aliases (a later pass may rename it to a former alias).
    const aliases = union(
      existing.aliases,
      incoming.aliases,
      rename ? loser.name : undefined,
    ).filter((alias) => tagKey(alias) !== winner.key);
    const aliasKeys = union(
      existing.aliasKeys,
      incoming.aliasKeys,
      rename ? loser.key : undefined,
    ).filter((key) => key !== winner.key);
    const merged: TagRow = {
      id: existing.id,
      kind: existing.kind,
      name: winner.name,
      key: winner.key,
      aliases,
      aliasKeys,
      color: winner.color,
      personName: winner.personName,
      createdAt: winner.createdAt,
      updatedAt: winner.updatedAt,
    };
    return { merged: deepEqual(merged, existing) ? existing : merged, blocked };
  }

  private remapTagIds(ids: string[]): string[] {
    let changed = false;
    const result: string[] = [];
    for (const id of ids) {
      const mapped = this.tagIdMap.get(id) ?? id;
      if (mapped !== id) changed = true;
      if (result.includes(mapped)) changed = true;
      else result.push(mapped);
    }
    return changed ? result : ids;
  }

  // --- pieces ---

  private currentPiece(id: string): PieceRow | undefined {
    return this.written.pieces.get(id) ?? this.source.piece(id);
  }

  private urlOwner(url: string): string | undefined {
    if (this.urlOverlay.has(url)) return this.urlOverlay.get(url) ?? undefined;
    return this.source.pieceIdByUrl(url);
  }

  private setPiece(piece: PieceRow, previous: PieceRow | undefined): void {
    if (previous && previous.url !== piece.url) this.urlOverlay.set(previous.url, null);
    this.urlOverlay.set(piece.url, piece.id);
    this.written.pieces.set(piece.id, piece);
  }

  private withPieceRefs(piece: PieceRow, id: string): PieceRow {
    const authorIds = this.remapTagIds(piece.authorIds);
    const themeIds = this.remapTagIds(piece.themeIds);
    if (id === piece.id && authorIds === piece.authorIds && themeIds === piece.themeIds)
      return piece;
    return { ...piece, id, authorIds, themeIds };
  }

  /**
   * Pieces that exist (same id) are merged first, again and again while one of them can still
   * move to a URL another has given up; then the others are matched by URL. So the order of the
   * file does not matter, and importing it again changes nothing.
   */
  mergePieces(incoming: readonly PieceRow[]): void {
    mergeExistingFirst(
      incoming,
      (piece) => this.currentPiece(piece.id) !== undefined,
      (piece) => this.mergePiece(piece),
    );
  }

  /** Merges one piece; false when it is newer but its URL belongs to another piece. */
  private mergePiece(piece: PieceRow): boolean {
    this.incomingPieces.set(piece.id, piece);
    let target = this.currentPiece(piece.id);
    if (!target) {
      const ownerId = this.urlOwner(piece.url);
      if (ownerId !== undefined) target = this.currentPiece(ownerId);
    }
    if (!target) {
      this.touch('pieces', piece.id, undefined);
      this.pieceIdMap.set(piece.id, piece.id);
      this.setPiece(this.withPieceRefs(piece, piece.id), undefined);
      return true;
    }
    this.pieceIdMap.set(piece.id, target.id);
    this.touch('pieces', target.id, this.source.piece(target.id));
    if (!isNewer(piece.updatedAt, target.updatedAt)) return true;
    const owner = this.urlOwner(piece.url);
    if (owner !== undefined && owner !== target.id) return false; // two pieces, one URL
    this.setPiece(this.withPieceRefs(piece, target.id), target);
    return true;
  }

  /** The piece id an incoming `pieceId` stands for after `mergePieces`. */
  pieceIdFor(incomingId: string): string {
    return this.pieceIdMap.get(incomingId) ?? incomingId;
  }

  // --- stored copies, passages, settings ---

  mergeContents(incoming: readonly ContentRow[]): void {
    for (const content of incoming) {
      const pieceId = this.pieceIdFor(content.pieceId);
      const current = this.written.contents.get(pieceId) ?? this.source.content(pieceId);
      this.touch('contents', pieceId, this.source.content(pieceId));
      if (current && !isNewer(content.updatedAt, current.updatedAt)) continue;
      const row = pieceId === content.pieceId ? content : { ...content, pieceId };
      this.written.contents.set(pieceId, row);
      const source = this.incomingPieces.get(content.pieceId);
      if (source) this.copySources.set(pieceId, source);
    }
  }

  /**
   * A piece describes its stored copy (kind, words, hash, when it was taken), but piece and copy
   * are merged as separate records: a newer note from one side and a newer copy from the other
   * would leave the piece describing a copy it no longer has. So the piece takes these fields from
   * the side whose copy was kept.
   */
  private alignCopies(): void {
    const ids = new Set([...this.written.pieces.keys(), ...this.written.contents.keys()]);
    for (const id of ids) {
      const piece = this.currentPiece(id);
      const described = this.written.contents.has(id)
        ? this.copySources.get(id)
        : this.source.piece(id);
      if (!piece || !described) continue;
      const fields = copyFields(described);
      if (deepEqual(copyFields(piece), fields)) continue;
      this.touch('pieces', id, this.source.piece(id));
      this.setPiece({ ...piece, ...fields }, piece);
    }
  }

  mergePassages(incoming: readonly PassageRow[]): void {
    for (const passage of incoming) {
      const current = this.written.passages.get(passage.id) ?? this.source.passage(passage.id);
      this.touch('passages', passage.id, this.source.passage(passage.id));
      if (current && !isNewer(passage.updatedAt, current.updatedAt)) continue;
      const pieceId = this.pieceIdFor(passage.pieceId);
      const authorIds = this.remapTagIds(passage.authorIds);
      const themeIds = this.remapTagIds(passage.themeIds);
      const same =
        pieceId === passage.pieceId &&
        authorIds === passage.authorIds &&
        themeIds === passage.themeIds;
      this.written.passages.set(
        passage.id,
        same ? passage : { ...passage, pieceId, authorIds, themeIds },
      );
    }
  }

  mergeSettings(incoming: readonly SettingRow[]): void {
    for (const setting of incoming) {
      const current = this.written.settings.get(setting.key) ?? this.source.setting(setting.key);
      this.touch('settings', setting.key, this.source.setting(setting.key));
      if (current && !isNewer(setting.updatedAt, current.updatedAt)) continue;
      this.written.settings.set(setting.key, setting);
    }
  }

  /** Runs every table of `incoming` in order. */
  mergeAll(incoming: Backup): void {
    this.mergeTags(incoming.tags);
    this.mergePieces(incoming.pieces);
    this.mergeContents(incoming.contents);
    this.alignCopies();
    this.mergePassages(incoming.passages);
    this.mergeSettings(incoming.settings);
  }

  /** The keys of every table that incoming rows reached (matched or added). */
  touchedKeys(table: BackupTable): Iterable<string> {
    return this.touched[table].keys();
  }

  /** The rows to write (added, or changed against the source), in primary-key order. */
  finish(): { [T in BackupTable]: Backup[T] } {
    const writes = {} as Record<BackupTable, BackupRow[]>;
    for (const table of BACKUP_TABLES) {
      const written = this.written[table] as Map<string, BackupRow>;
      const rows: BackupRow[] = [];
      for (const [key, before] of this.touched[table] as Map<string, BackupRow | undefined>) {
        const after = written.get(key);
        if (after && outcome(before, after) !== 'unchanged') rows.push(after);
      }
      writes[table] = rows;
    }
    return writes as { [T in BackupTable]: Backup[T] };
  }
}

/** A merge source over the rows of a backup. */
export function backupSource(backup: Backup): MergeSource {
  const pieces = new Map(backup.pieces.map((p) => [p.id, p]));
  const urls = new Map(backup.pieces.map((p) => [p.url, p.id]));
  const contents = new Map(backup.contents.map((c) => [c.pieceId, c]));
  const passages = new Map(backup.passages.map((p) => [p.id, p]));
  const settings = new Map(backup.settings.map((s) => [s.key, s]));
  return {
    tags: backup.tags,
    piece: (id) => pieces.get(id),
    pieceIdByUrl: (url) => urls.get(url),
    content: (pieceId) => contents.get(pieceId),
    passage: (id) => passages.get(id),
    setting: (key) => settings.get(key),
  };
}

type TableRows = { [T in BackupTable]: Map<string, Backup[T][number]> };

const emptyTableRows = (): TableRows => ({
  tags: new Map(),
  pieces: new Map(),
  contents: new Map(),
  passages: new Map(),
  settings: new Map(),
});

/** `base` with `rows` written over it (a merge only adds and replaces rows). */
function overlaySource(base: MergeSource, rows: TableRows): MergeSource {
  const tags = new Map<string, TagRow>();
  for (const tag of base.tags) tags.set(tag.id, tag);
  for (const [id, tag] of rows.tags) tags.set(id, tag);
  // url → piece id, or null for a URL a piece gave up.
  const urls = new Map<string, string | null>();
  for (const piece of rows.pieces.values()) {
    const before = base.piece(piece.id);
    if (before && before.url !== piece.url) urls.set(before.url, null);
  }
  for (const piece of rows.pieces.values()) urls.set(piece.url, piece.id);
  return {
    tags: [...tags.values()],
    piece: (id) => rows.pieces.get(id) ?? base.piece(id),
    pieceIdByUrl: (url) => (urls.has(url) ? (urls.get(url) ?? undefined) : base.pieceIdByUrl(url)),
    content: (pieceId) => rows.contents.get(pieceId) ?? base.content(pieceId),
    passage: (id) => rows.passages.get(id) ?? base.passage(id),
    setting: (key) => rows.settings.get(key) ?? base.setting(key),
  };
}

/** A bound on the passes: each one only applies newer rows and unites aliases, so few are needed. */
const MAX_PASSES = 8;

/**
 * `incoming` merged into `source`, pass after pass, until a pass changes nothing: what one pass
 * does can make a change possible that it refused earlier (a tag renamed onto a name that an
 * alias match later frees). Without more passes, importing the same file again could still
 * change something. Gives the rows to write and the counts, both against `source`.
 */
export function mergeIncoming(
  source: MergeSource,
  incoming: Backup,
): { writes: { [T in BackupTable]: Backup[T] }; summary: MergeSummary } {
  const merged = emptyTableRows();
  const touched = Object.fromEntries(
    BACKUP_TABLES.map((table) => [table, new Set<string>()]),
  ) as Record<BackupTable, Set<string>>;
  let current = source;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const merger = new Merger(current);
    merger.mergeAll(incoming);
    const writes = merger.finish();
    let changed = false;
    for (const table of BACKUP_TABLES) {
      for (const key of merger.touchedKeys(table)) touched[table].add(key);
      const rows = merged[table] as Map<string, BackupRow>;
      for (const row of writes[table] as BackupRow[]) {
        rows.set(primaryKey(table, row), row);
        changed = true;
      }
    }
    if (!changed) break;
    current = overlaySource(source, merged);
  }

  const tagsBefore = new Map<string, TagRow>();
  for (const tag of source.tags) tagsBefore.set(tag.id, tag);
  const before: { [T in BackupTable]: (key: string) => Backup[T][number] | undefined } = {
    tags: (id) => tagsBefore.get(id),
    pieces: (id) => source.piece(id),
    contents: (pieceId) => source.content(pieceId),
    passages: (id) => source.passage(id),
    settings: (key) => source.setting(key),
  };
  const summary = {} as MergeSummary;
  const writes = {} as Record<BackupTable, BackupRow[]>;
  for (const table of BACKUP_TABLES) {
    const counts: TableSummary = { added: 0, updated: 0, unchanged: 0 };
    const rows: BackupRow[] = [];
    for (const key of touched[table]) {
      const after = merged[table].get(key) as BackupRow | undefined;
      const result = outcome(before[table](key) as BackupRow | undefined, after);
      counts[result]++;
      if (after && result !== 'unchanged') rows.push(after);
    }
    rows.sort((a, b) => compareKeys(primaryKey(table, a), primaryKey(table, b)));
    summary[table] = counts;
    writes[table] = rows;
  }
  return { writes: writes as { [T in BackupTable]: Backup[T] }, summary };
}

/** The rows of every table in primary-key order (the order of an export). */
export function sortBackup(backup: Backup): Backup {
  const sorted = { ...backup };
  for (const table of BACKUP_TABLES) {
    const rows = [...backup[table]] as BackupRow[];
    rows.sort((a, b) => compareKeys(primaryKey(table, a), primaryKey(table, b)));
    (sorted as Record<BackupTable, BackupRow[]>)[table] = rows;
  }
  return sorted;
}

/**
 * `incoming` merged into `base`, as import would merge it into a database holding `base`.
 * Pure; both must be valid backups. Rows come out in primary-key order.
 */
export function mergeBackupsWithSummary(
  base: Backup,
  incoming: Backup,
): { backup: Backup; summary: MergeSummary } {
  const { writes, summary } = mergeIncoming(backupSource(base), incoming);
  const result: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: isNewer(incoming.exportedAt, base.exportedAt)
      ? incoming.exportedAt
      : base.exportedAt,
    tags: [],
    pieces: [],
    contents: [],
    passages: [],
    settings: [],
  };
  for (const table of BACKUP_TABLES) {
    const rows = new Map<string, BackupRow>();
    for (const row of base[table] as BackupRow[]) rows.set(primaryKey(table, row), row);
    for (const row of writes[table] as BackupRow[]) rows.set(primaryKey(table, row), row);
    const merged = [...rows.values()].sort((a, b) =>
      compareKeys(primaryKey(table, a), primaryKey(table, b)),
    );
    (result as unknown as Record<BackupTable, BackupRow[]>)[table] = merged;
  }
  return { backup: result, summary };
}

export function mergeBackups(base: Backup, incoming: Backup): Backup {
  return mergeBackupsWithSummary(base, incoming).backup;
}
