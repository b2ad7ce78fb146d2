/**
 * What every exporter needs from a backup: tags by id, the passages of each piece in reading
 * order, and `selectBackup`, which cuts a backup down to the pieces the reader chose.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../backup/format';
import type { PassageRow, PersonName, PieceRow, TagRow } from '../model/records';

/** Progress of a long export: `done` of `total` pieces. */
export interface ExportProgress {
  done: number;
  total: number;
}

export type ProgressCallback = (progress: ExportProgress) => void;

/**
 * The chosen pieces with their stored copies, their passages and the tags they use, in the order
 * of `pieceIds` (the library's order); ids that name no piece are ignored. Settings are left out.
 * The result is a valid backup of its own.
 */
export function selectBackup(backup: Backup, pieceIds: Iterable<string>): Backup {
  const byId = new Map(backup.pieces.map((piece) => [piece.id, piece]));
  const pieces: PieceRow[] = [];
  const chosen = new Set<string>();
  for (const id of pieceIds) {
    const piece = byId.get(id);
    if (!piece || chosen.has(id)) continue;
    chosen.add(id);
    pieces.push(piece);
  }
  const passages = backup.passages.filter((passage) => chosen.has(passage.pieceId));
  const used = new Set<string>();
  for (const row of [...pieces, ...passages]) {
    for (const id of row.authorIds) used.add(id);
    for (const id of row.themeIds) used.add(id);
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: backup.exportedAt,
    tags: backup.tags.filter((tag) => used.has(tag.id)),
    pieces,
    contents: backup.contents.filter((content) => chosen.has(content.pieceId)),
    passages,
    settings: [],
  };
}

/** Start offset of a passage in its stored copy, when a TextPositionSelector says it. */
export function passageStart(passage: PassageRow): number | null {
  for (const selector of passage.selectors) {
    if (typeof selector !== 'object' || selector === null) continue;
    const s = selector as Record<string, unknown>;
    if (s.type === 'TextPositionSelector' && typeof s.start === 'number') return s.start;
  }
  return null;
}

/** Passages in reading order: by position in the stored copy, then by when they were marked. */
export function compareReadingOrder(a: PassageRow, b: PassageRow): number {
  const x = passageStart(a);
  const y = passageStart(b);
  if (x !== null && y !== null && x !== y) return x - y;
  if (x !== null && y === null) return -1;
  if (x === null && y !== null) return 1;
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}

/** Lookups over one backup, built once per export. */
export class Collection {
  readonly tags = new Map<string, TagRow>();
  private readonly passagesOf = new Map<string, PassageRow[]>();

  constructor(readonly backup: Backup) {
    for (const tag of backup.tags) this.tags.set(tag.id, tag);
    for (const passage of backup.passages) {
      const list = this.passagesOf.get(passage.pieceId);
      if (list) list.push(passage);
      else this.passagesOf.set(passage.pieceId, [passage]);
    }
    for (const list of this.passagesOf.values()) list.sort(compareReadingOrder);
  }

  get pieces(): PieceRow[] {
    return this.backup.pieces;
  }

  /** The passages of a piece in reading order. */
  passages(pieceId: string): PassageRow[] {
    return this.passagesOf.get(pieceId) ?? [];
  }

  /** The tags behind `ids` (ids that name no tag are skipped). */
  tagsOf(ids: readonly string[]): TagRow[] {
    const result: TagRow[] = [];
    for (const id of ids) {
      const tag = this.tags.get(id);
      if (tag) result.push(tag);
    }
    return result;
  }

  names(ids: readonly string[]): string[] {
    return this.tagsOf(ids).map((tag) => tag.name);
  }
}

/** The name of an author for citations: the parsed one, or the display name kept whole. */
export function citationName(tag: TagRow): PersonName {
  const name = tag.personName;
  if (name && 'family' in name && name.family.trim()) {
    return { family: name.family.trim(), given: name.given.trim() };
  }
  if (name && 'literal' in name && name.literal.trim()) return { literal: name.literal.trim() };
  return { literal: tag.name.trim() };
}
