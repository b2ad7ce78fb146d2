/**
 * Everything the library page writes, and the exports and imports it starts. Failures are
 * thrown; the caller shows them.
 */
import type { ExportRequest } from '../../components/library/ExportPanel';
import { importAnnotations } from '../../lib/import';
import { exportBackupBlob } from '../../lib/backup/export-stream';
import { backupFileName } from '../../lib/backup/file-name';
import { importBackup } from '../../lib/backup/import-file';
import type { BackupProgress } from '../../lib/backup/progress';
import { collectBackup } from '../../lib/backup/references';
import { browser } from 'wxt/browser';
import { openDatabase } from '../../lib/collection/database';
import { writeSetting } from '../../lib/collection/settings';
import { sendMessage } from '../../lib/messaging';
import { IMAGES_SHOWN } from '../../lib/settings/catalogue';
import { saveBlob } from './download';
import { type PieceMetadataEdits } from '../../lib/model/edits';
import {
  deletePiece,
  restorePiece,
  updatePiece,
  type DeletedPiece,
} from '../../lib/collection/pieces';
import * as tags from '../../lib/collection/tags';
import type { PersonName, TagKind } from '../../lib/model/records';
import { UserError } from '../../lib/errors';
import { exportFormat, type ProgressCallback } from '../../lib/export';
import type { ExportSelection } from '../../lib/library/export-scope';

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

export function allowImages(pieceId: string): Promise<void> {
  return writeSetting(db, IMAGES_SHOWN.of(pieceId), true);
}

export function saveThemeColor(themeId: string, color: string): Promise<void> {
  return tags.setThemeColor(db, themeId, color);
}

export async function renameTag(id: string, name: string): Promise<void> {
  await tags.renameTag(db, id, name);
}

export function mergeTags(fromId: string, intoId: string): Promise<tags.TagMerge> {
  return tags.mergeTags(db, fromId, intoId);
}

export function undoMerge(merge: tags.TagMerge): Promise<void> {
  return tags.undoMerge(db, merge);
}

export function deleteTag(id: string): Promise<tags.TagRemoval> {
  return tags.deleteTag(db, id);
}

export function undoTagDeletion(removal: tags.TagRemoval): Promise<void> {
  return tags.undoTagDeletion(db, removal);
}

export async function addTagAlias(id: string, alias: string): Promise<void> {
  await tags.addTagAlias(db, id, alias);
}

export async function removeTagAlias(id: string, alias: string): Promise<void> {
  await tags.removeTagAlias(db, id, alias);
}

export async function setPersonName(id: string, name: PersonName): Promise<void> {
  await tags.setPersonName(db, id, name);
}

export function addTagToPieces(pieceIds: readonly string[], kind: TagKind, name: string) {
  return tags.addTagToPieces(db, pieceIds, kind, name);
}

export function removeTagFromPieces(pieceIds: readonly string[], tagId: string) {
  return tags.removeTagFromPieces(db, pieceIds, tagId);
}

/**
 * Must be called first thing in the click handler: the permission prompt needs its gesture, so
 * it is asked here; the background then registers the script (it owns tab scripting).
 */
export async function turnOnAutoHighlights(origins: string[]): Promise<void> {
  if (!(await browser.permissions.request({ origins }))) {
    throw new UserError(
      'Automatic highlights stay off: the browser did not grant access to those sites.',
    );
  }
  await setAutoHighlights(true, origins);
}

export function turnOffAutoHighlights(origins: string[]): Promise<void> {
  return setAutoHighlights(false, origins);
}

async function setAutoHighlights(enabled: boolean, origins: string[]): Promise<void> {
  const answer = await sendMessage('highlights/set', { enabled, origins });
  if (!answer.ok) throw new UserError(answer.message);
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
