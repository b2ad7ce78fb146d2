/**
 * What refers to what in a backup: pieces and passages name tags (`authorIds`, `themeIds`);
 * stored copies and passages name a piece (`pieceId`). An export leaves out references that point
 * at nothing, so that every export is importable; a partial backup carries what its pieces need.
 * Settings of this device only stay out of every backup.
 */
import type { CommonplaceDB } from '../collection/database';
import type { ContentRow, PassageRow, PieceRow, SettingRow, TagRow } from '../model/records';
import { isDeviceSetting } from '../settings/catalogue';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  type BackupRow,
  type BackupTable,
} from './format';

type TagReferences = Pick<PieceRow, 'authorIds' | 'themeIds'>;

/**
 * Keeps only the references to rows it has been shown. Rows must come table by table in the
 * order of `BACKUP_TABLES` (tags, then pieces, then the rows that name a piece).
 */
export class ReferenceFilter {
  private readonly tagKinds = new Map<string, TagRow['kind']>();
  private readonly pieceIds = new Set<string>();

  /** The row as it can be restored, or null to leave it out (its piece is not there). */
  keep(table: BackupTable, row: BackupRow): BackupRow | null {
    switch (table) {
      case 'tags': {
        const tag = row as TagRow;
        this.tagKinds.set(tag.id, tag.kind);
        return tag;
      }
      case 'pieces': {
        const piece = row as PieceRow;
        this.pieceIds.add(piece.id);
        return this.withKnownTags(piece);
      }
      case 'contents':
        return this.pieceIds.has((row as ContentRow).pieceId) ? row : null;
      case 'passages': {
        const passage = row as PassageRow;
        return this.pieceIds.has(passage.pieceId) ? this.withKnownTags(passage) : null;
      }
      case 'settings':
        return isDeviceSetting((row as SettingRow).key) ? null : row;
    }
  }

  /** The row itself when every tag it names is there (once, of the right kind), else a copy. */
  private withKnownTags<R extends TagReferences>(row: R): R {
    const authorIds = this.known(row.authorIds, 'author');
    const themeIds = this.known(row.themeIds, 'theme');
    return authorIds === row.authorIds && themeIds === row.themeIds
      ? row
      : { ...row, authorIds, themeIds };
  }

  private known(ids: string[], kind: TagRow['kind']): string[] {
    const kept = ids.filter((id, i) => this.tagKinds.get(id) === kind && ids.indexOf(id) === i);
    return kept.length === ids.length ? ids : kept;
  }
}

/**
 * The collection (or only the pieces `pieceIds`, with their copies, passages and tags) as an
 * in-memory Backup, the input of every export format. A partial backup has no settings.
 */
export async function collectBackup(
  db: CommonplaceDB,
  pieceIds: readonly string[] | null,
  now: Date = new Date(),
): Promise<Backup> {
  return db.transaction(
    'r',
    db.pieces,
    db.contents,
    db.passages,
    db.tags,
    db.settings,
    async () => {
      const pieces = pieceIds
        ? (await db.pieces.bulkGet([...pieceIds])).filter((p): p is PieceRow => p !== undefined)
        : await db.pieces.toArray();
      const ids = pieces.map((p) => p.id);
      const contents = pieceIds
        ? (await db.contents.bulkGet(ids)).filter((c): c is ContentRow => c !== undefined)
        : await db.contents.toArray();
      const passages = pieceIds
        ? await db.passages.where('pieceId').anyOf(ids).toArray()
        : await db.passages.toArray();
      const used = new Set(
        [...pieces, ...passages].flatMap((r) => [...r.authorIds, ...r.themeIds]),
      );
      const tags = (await db.tags.toArray()).filter((t) => !pieceIds || used.has(t.id));
      return {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: now.toISOString(),
        tags,
        pieces,
        contents,
        passages,
        settings: pieceIds
          ? []
          : (await db.settings.toArray()).filter((s) => !isDeviceSetting(s.key)),
      };
    },
  );
}
