/**
 * Everything the library page writes, and the exports and imports it starts. Failures are
 * thrown; the caller shows them.
 */
import type { ExportRequest } from '../../components/library/ExportPanel';
import {
  backupFileName,
  collectBackup,
  exportBackupBlob,
  importAnnotations,
  importBackup,
  saveBlob,
  type BackupProgress,
} from '../../lib/backup/database';
import { openDatabase } from '../../lib/db/schema';
import {
  deletePiece,
  restorePiece,
  updatePiece,
  type DeletedPiece,
  type PieceMetadataEdits,
} from '../../lib/db/pieces';
import { setThemeColor } from '../../lib/db/tags';
import { UserError } from '../../lib/errors';
import { exportFormat, type ProgressCallback } from '../../lib/export';
import type { ExportSelection } from '../../lib/library/export-scope';
import { disableAutoHighlights, enableAutoHighlights } from './auto-highlights';
import { imageSettingKey } from './image-setting';

const db = openDatabase();

/** Deletes a piece with its copy and passages; what is returned brings them back. */
export function removePiece(id: string): Promise<DeletedPiece | null> {
  return deletePiece(db, id);
}

export function undoRemoval(deleted: DeletedPiece): Promise<void> {
  return restorePiece(db, deleted);
}

export async function savePieceEdits(id: string, edits: PieceMetadataEdits): Promise<void> {
  await updatePiece(db, id, edits);
}

export async function allowImages(pieceId: string): Promise<void> {
  await db.settings.put({
    key: imageSettingKey(pieceId),
    value: true,
    updatedAt: new Date().toISOString(),
  });
}

export function saveThemeColor(themeId: string, color: string): Promise<void> {
  return setThemeColor(db, themeId, color);
}

/** Must be called first thing in the click handler: the permission prompt needs its gesture. */
export async function turnOnAutoHighlights(origins: string[]): Promise<void> {
  if (!(await enableAutoHighlights(db, origins))) {
    throw new UserError(
      'Automatic highlights stay off: the browser did not grant access to those sites.',
    );
  }
}

export function turnOffAutoHighlights(origins: string[]): Promise<void> {
  return disableAutoHighlights(db, origins);
}

/** Offers the whole collection as a backup file to download. */
export async function downloadBackup(onProgress: (progress: BackupProgress) => void) {
  saveBlob(await exportBackupBlob(db, { onProgress }), backupFileName());
}

export function restoreBackup(file: File, onProgress: (progress: BackupProgress) => void) {
  return importBackup(db, file, { onProgress });
}

/** Imports a file of annotations; resolves to a sentence saying what it added. */
export async function importAnnotationFile(file: File): Promise<string> {
  const { summary, skipped } = await importAnnotations(db, await file.text());
  const added = summary.passages.added + summary.passages.updated;
  return `Imported ${added} ${added === 1 ? 'passage' : 'passages'} on ${summary.pieces.added} new ${summary.pieces.added === 1 ? 'page' : 'pages'}${skipped ? `; ${skipped} skipped` : ''}.`;
}

/** Offers the selected pieces and passages, in the format asked for, as a file to download. */
export async function downloadExport(
  selection: ExportSelection,
  request: ExportRequest,
  onProgress: ProgressCallback,
): Promise<void> {
  const backup = await collectBackup(db, selection.pieceIds);
  const { passageIds } = selection;
  if (passageIds) backup.passages = backup.passages.filter((p) => passageIds.has(p.id));
  const result = await exportFormat(backup, request.format, {
    groupBy: request.groupBy,
    onProgress,
  });
  saveBlob(new Blob([result.data as BlobPart], { type: result.mimeType }), result.fileName);
}
