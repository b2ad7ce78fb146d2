/** One pass of the merge rules of ./merge.ts: incoming rows applied to a view of the existing ones. */
import { isDeviceSetting } from '../settings/catalogue';
import type { ContentRow, PassageRow, PieceRow, SettingRow, TagRow } from '../model/records';
import {
  BACKUP_TABLES,
  compareKeys,
  type Backup,
  type BackupRow,
  type BackupTable,
} from './format';
import { deepEqual, isNewer, outcome } from './merge-compare';
import { tagKey } from '../tags/normalize';

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
      // A backup made before settings had scopes may hold another device's (lib/settings).
      if (isDeviceSetting(setting.key)) continue;
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
