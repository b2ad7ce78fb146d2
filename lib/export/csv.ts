/**
 * Passages as CSV for spreadsheets and qualitative analysis tools: one row per passage (and one
 * row for each piece without passages, with the passage columns empty), RFC 4180 (comma, `"`
 * quoting, CRLF), UTF-8 with a byte order mark so that Excel reads the accents.
 *
 * Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
 * carriage return, or their full-width forms) get a leading `'`, as OWASP recommends.
 */
import type { Backup } from '../backup/format';
import { passageUrl } from './fragment';
import { Collection, type ProgressCallback } from './model';
import { Pacer } from './pace';
import { wellFormed } from './text';

export const CSV_COLUMNS = [
  'Title',
  'URL',
  'Site',
  'Authors',
  'Themes',
  'Quote',
  'Note',
  'Tags',
  'Passage authors',
  'Link to passage',
  'Published',
  'Captured',
  'Marked',
  'Piece note',
  'Piece ID',
  'Passage ID',
] as const;

export interface CsvOptions {
  /** A row for each piece that has no passages (default true). */
  piecesWithoutPassages?: boolean;
  onProgress?: ProgressCallback;
}

/** Separator of several names in one cell. */
export const LIST_SEPARATOR = '; ';

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Neutralises a cell a spreadsheet would run as a formula. */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field: neutralised, and quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | null | undefined): string {
  const text = neutralise(wellFormed(value ?? ''));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = (cells: Array<string | null | undefined>) => cells.map(csvField).join(',') + '\r\n';

/** The CSV in parts: the header, then one part per piece. */
export function* csvParts(
  backup: Backup,
  options: CsvOptions = {},
): Generator<{ text: string; done: number; total: number }> {
  const collection = new Collection(backup);
  const withoutPassages = options.piecesWithoutPassages ?? true;
  const total = backup.pieces.length;
  yield { text: '\uFEFF' + row([...CSV_COLUMNS]), done: 0, total };
  let done = 0;
  for (const piece of backup.pieces) {
    const pieceCells = [
      piece.title,
      piece.url,
      piece.siteName,
      collection.names(piece.authorIds).join(LIST_SEPARATOR),
      collection.names(piece.themeIds).join(LIST_SEPARATOR),
    ];
    const passages = collection.passages(piece.id);
    let text = '';
    for (const passage of passages) {
      text += row([
        ...pieceCells,
        passage.quote,
        passage.note,
        collection.names(passage.themeIds).join(LIST_SEPARATOR),
        collection.names(passage.authorIds).join(LIST_SEPARATOR),
        passageUrl(piece.url, passage),
        piece.publishedTime,
        piece.capturedAt,
        passage.createdAt,
        piece.note,
        piece.id,
        passage.id,
      ]);
    }
    if (passages.length === 0 && withoutPassages) {
      text += row([
        ...pieceCells,
        '',
        '',
        '',
        '',
        '',
        piece.publishedTime,
        piece.capturedAt,
        '',
        piece.note,
        piece.id,
        '',
      ]);
    }
    yield { text, done: ++done, total };
  }
}

/** The CSV text, starting with the byte order mark (U+FEFF). */
export function exportCsv(backup: Backup, options: CsvOptions = {}): string {
  const parts: string[] = [];
  const pacer = new Pacer(backup.pieces.length, options.onProgress);
  for (const part of csvParts(backup, options)) {
    parts.push(part.text);
    pacer.step(part.done);
  }
  pacer.finish();
  return parts.join('');
}
