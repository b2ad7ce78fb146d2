/**
 * Exports: the collection (or part of it, see `selectBackup`) in the formats other tools read.
 * Pure functions of a `Backup`: no DOM, no extension APIs; they run in a page and in Node.
 *
 * ```ts
 * const part = selectBackup(backup, pieceIds);
 * const { data, fileName, mimeType } = await exportFormat(part, 'md', { onProgress });
 * saveBlob(new Blob([data], { type: mimeType }), fileName);
 * ```
 */
import type { Backup } from '../backup/format';
import { serializeBackup } from '../backup/serialize';
import { exportWebAnnotations } from './annotations';
import { exportBibtex, exportCslJson, exportRis } from './citations';
import { csvParts } from './csv';
import { dossierParts, type GroupBy } from './dossier';
import type { ProgressCallback } from './model';
import { Pacer } from './pace';
import { fileDate } from './text';
import { exportMarkdownZip } from './vault';

export { selectBackup, type ExportProgress, type ProgressCallback } from './model';
export { exportMarkdownZip, type MarkdownZipOptions } from './vault';
export { exportDossier, type DossierOptions, type GroupBy } from './dossier';
export { exportCsv, CSV_COLUMNS, type CsvOptions } from './csv';
export { exportWebAnnotations, type AnnotationCollection, type WebAnnotation } from './annotations';
export { exportBibtex, exportCslJson, exportRis, type CslItem } from './citations';
export { buildTextDirective, passageUrl } from './fragment';

export const EXPORT_FORMATS = [
  'md',
  'dossier',
  'csv',
  'jsonld',
  'csl',
  'bibtex',
  'ris',
  'json',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Labels for a format menu. */
export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  md: 'Markdown files (zip, Obsidian vault)',
  dossier: 'Markdown dossier (one file)',
  csv: 'CSV spreadsheet (one row per passage)',
  jsonld: 'Web Annotations (JSON-LD)',
  csl: 'Citations: CSL-JSON',
  bibtex: 'Citations: BibTeX',
  ris: 'Citations: RIS',
  json: 'Commonplace backup (JSON)',
};

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export interface ExportFormatOptions {
  /** Dossier only: group by author (default) or by theme. */
  groupBy?: GroupBy;
  /** Markdown zip only: write a page per author (default true). */
  authorPages?: boolean;
  onProgress?: ProgressCallback;
  /** The date in file names (default: now). */
  now?: Date;
}

export interface ExportResult {
  /** Bytes (the zip; the dossier and the CSV as UTF-8) or text (save it as UTF-8). */
  data: Uint8Array | string;
  fileName: string;
  mimeType: string;
}

/**
 * Runs a generator of text parts into UTF-8 bytes, reporting progress and letting the page
 * breathe. Encoding part by part keeps a large export to its bytes, instead of the parts and
 * their joined copy as UTF-16 strings.
 */
async function collect(
  parts: Generator<{ text: string; done: number; total: number }>,
  onProgress?: ProgressCallback,
): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let pacer: Pacer | undefined;
  for (const part of parts) {
    const bytes = encoder.encode(part.text);
    chunks.push(bytes);
    size += bytes.length;
    pacer ??= new Pacer(part.total, onProgress);
    await pacer.pause(part.done);
  }
  pacer?.finish();
  const data = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    data.set(chunk, offset);
    offset += chunk.length;
  }
  return data;
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

/** The one entry the library and the CLI call: the export in `format`, named and typed. */
export async function exportFormat(
  backup: Backup,
  format: ExportFormat,
  options: ExportFormatOptions = {},
): Promise<ExportResult> {
  const now = options.now ?? new Date();
  const day = fileDate(now);
  const name = (suffix: string) => `commonplace-${suffix}-${day}`;
  const whole = (data: string) => {
    options.onProgress?.({ done: backup.pieces.length, total: backup.pieces.length });
    return data;
  };
  switch (format) {
    case 'md':
      return {
        data: await exportMarkdownZip(backup, {
          authorPages: options.authorPages,
          onProgress: options.onProgress,
        }),
        fileName: `${name('markdown')}.zip`,
        mimeType: 'application/zip',
      };
    case 'dossier': {
      const groupBy = options.groupBy ?? 'author';
      return {
        data: await collect(dossierParts(backup, { groupBy, now }), options.onProgress),
        fileName: `${name(`dossier-by-${groupBy}`)}.md`,
        mimeType: 'text/markdown;charset=utf-8',
      };
    }
    case 'csv':
      return {
        data: await collect(csvParts(backup), options.onProgress),
        fileName: `${name('passages')}.csv`,
        mimeType: 'text/csv;charset=utf-8',
      };
    case 'jsonld':
      return {
        data: whole(json(exportWebAnnotations(backup))),
        fileName: `${name('annotations')}.jsonld`,
        mimeType: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"',
      };
    case 'csl':
      return {
        data: whole(json(exportCslJson(backup))),
        fileName: `${name('citations')}.csl.json`,
        mimeType: 'application/vnd.citationstyles.csl+json',
      };
    case 'bibtex':
      return {
        data: whole(exportBibtex(backup)),
        fileName: `${name('citations')}.bib`,
        mimeType: 'application/x-bibtex;charset=utf-8',
      };
    case 'ris':
      return {
        data: whole(exportRis(backup)),
        fileName: `${name('citations')}.ris`,
        mimeType: 'application/x-research-info-systems;charset=utf-8',
      };
    case 'json':
      return {
        data: whole([...serializeBackup(backup)].join('')),
        fileName: `${name('backup')}.json`,
        mimeType: 'application/json',
      };
  }
}
