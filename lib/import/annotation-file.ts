/**
 * Annotations exported by another tool (Hypothesis, or W3C Web Annotations), merged into the
 * collection like a backup: pieces for their pages (matched by URL), passages with their
 * selectors, themes from their tags. The file's format is guessed from its shape.
 *
 * What the readers of this folder need to know of the collection comes from the import's prefetch
 * (../backup/import-apply.ts), inside its transaction: every tag and piece URL, which it holds anyway, and
 * the rows of the pieces the file's pages can match. Pieces and passages are not read whole.
 */
import type { CommonplaceDB } from '../collection/database';
import { isSameSite } from '../extract/canonical-url';
import { stripTracking } from '../extract/tracking';
import { compareKeys, type Backup } from '../backup/format';
import { applyPrepared, type ImportPrefetch } from '../backup/import-apply';
import { InvalidBackupError } from '../backup/issues';
import type { MergeSummary } from '../backup/merge';
import { validateBackup } from '../backup/validate';
import type { ImportContext } from './builder';
import { importHypothesis } from './hypothesis';
import { importWebAnnotations } from './web-annotations';

type Reader = typeof importWebAnnotations;

/** Hypothesis's export file (`{export_date, annotations: [...]}`); anything else is read as Web Annotations. */
function readerFor(json: unknown): Reader {
  const isHypothesis =
    typeof json === 'object' && json !== null && 'annotations' in json && 'export_date' in json;
  return isHypothesis ? importHypothesis : importWebAnnotations;
}

/**
 * What the collection holds of the pages in `pages` (the pieces a first reading made for them):
 * the pieces with one of their ids or addresses, as stored or without tracking parameters, in id
 * order (the order of a whole-table read), and the passages of those pieces.
 *
 * A page no piece URL matches may still be a piece's clipped address (`pageUrl`, not indexed)
 * under another canonical URL. A canonical URL is only taken on the page's own site, so only the
 * pieces of that site are read to look for it.
 */
async function contextFor(
  db: CommonplaceDB,
  prefetch: ImportPrefetch,
  pages: Backup['pieces'],
): Promise<ImportContext> {
  const addresses = new Set(pages.flatMap((p) => [p.url, p.pageUrl]));
  const ids = new Set<string>();
  for (const [url, id] of prefetch.pieceIdByUrl) {
    if (addresses.has(url) || addresses.has(stripTracking(url))) ids.add(id);
  }
  const existing = new Set(prefetch.pieceIdByUrl.values());
  for (const page of pages) if (existing.has(page.id)) ids.add(page.id);
  const unmatched = pages.filter(
    (page) => !prefetch.pieceIdByUrl.has(page.url) && !existing.has(page.id),
  );
  const sameSite = [...prefetch.pieceIdByUrl]
    .filter(([url, id]) => !ids.has(id) && unmatched.some((page) => isSameSite(url, page.url)))
    .map(([, id]) => id);
  for (const piece of await prefetch.readPieces(sameSite)) {
    if (addresses.has(piece.pageUrl) || addresses.has(stripTracking(piece.pageUrl)))
      ids.add(piece.id);
  }
  const pieces = await prefetch.readPieces([...ids].sort(compareKeys));
  const pieceIds = [...new Set([...ids, ...pages.map((p) => p.id)])];
  const passages = await db.passages.where('pieceId').anyOf(pieceIds).toArray();
  return { tags: prefetch.tags, pieces, passages };
}

/** Imports an annotation file's text; `skipped` counts the annotations that were left out. */
export async function importAnnotations(
  db: CommonplaceDB,
  text: string,
): Promise<{ summary: MergeSummary; skipped: number }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InvalidBackupError([{ path: '$', message: 'not valid JSON' }]);
  }
  const read = readerFor(json);
  let skipped = 0;
  const summary = await applyPrepared(db, async (prefetch) => {
    // A first reading against the tags alone names the pages; the second meets their pieces.
    const pages = read(json, { tags: prefetch.tags }).backup.pieces;
    const { backup, summary } = read(json, await contextFor(db, prefetch, pages));
    const checked = validateBackup(backup);
    if (!checked.ok) throw new InvalidBackupError(checked.errors);
    skipped = summary.skipped.length;
    return checked.backup;
  });
  return { summary, skipped };
}
