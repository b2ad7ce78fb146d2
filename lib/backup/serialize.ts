/**
 * Writing and reading the line layout of a backup. A written backup is ordinary JSON, and also one
 * record per line, so it can be produced and read back in chunks:
 *
 *     {"format":"commonplace-backup","version":1,"exportedAt":"2025-05-01T09:00:00.000Z",
 *     "tags":[
 *     {"id":"…","kind":"author",…},
 *     {"id":"…","kind":"theme",…}
 *     ],
 *     "pieces":[
 *     …
 *     ],
 *     "settings":[
 *     ]}
 *
 * Import accepts any JSON of the format (pretty-printed, reordered); the line reader is only a
 * fast path that falls back to `JSON.parse` of the whole text when the layout differs.
 */
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  type Backup,
  type BackupRow,
  type BackupTable,
} from './format';
import { RECORD_KEYS } from '../model/row-schemas';

/** The first line of a written backup (without the line break). */
function headerText(exportedAt: string): string {
  return `{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${JSON.stringify(exportedAt)}`;
}

/** One record as JSON, fields in the format's order (fields the format does not know are left out). */
function recordText(table: BackupTable, row: BackupRow): string {
  const ordered: Record<string, unknown> = {};
  const source = row as unknown as Record<string, unknown>;
  for (const key of RECORD_KEYS[table]) ordered[key] = source[key];
  return JSON.stringify(ordered);
}

/**
 * Writes rows of the tables in order, with the exact separators, and gives the text out in pieces
 * of about `chunkChars` characters (counting the rows): the concatenation of the pieces is the
 * backup.
 */
export class BackupWriter {
  private first = true;
  private parts: string[];
  private size = 0;

  constructor(
    exportedAt: string,
    private readonly chunkChars: number,
  ) {
    this.parts = [headerText(exportedAt)];
  }

  beginTable(table: BackupTable): void {
    this.first = true;
    this.parts.push(`,\n${JSON.stringify(table)}:[`);
  }

  /** Adds a row; gives the text not given out yet once it has reached `chunkChars`, else null. */
  row(table: BackupTable, row: BackupRow): string | null {
    const text = (this.first ? '\n' : ',\n') + recordText(table, row);
    this.first = false;
    this.parts.push(text);
    this.size += text.length;
    return this.size >= this.chunkChars ? this.take() : null;
  }

  endTable(): void {
    this.parts.push('\n]');
  }

  /** Ends the backup: the text not given out yet. */
  end(): string {
    this.parts.push('}\n');
    return this.take();
  }

  private take(): string {
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    return text;
  }
}

/** The text of a backup, in pieces of about `chunkChars` characters. */
export function* serializeBackup(backup: Backup, chunkChars = 1 << 20): Generator<string> {
  const writer = new BackupWriter(backup.exportedAt, chunkChars);
  for (const table of BACKUP_TABLES) {
    writer.beginTable(table);
    for (const row of backup[table] as BackupRow[]) {
      const text = writer.row(table, row);
      if (text !== null) yield text;
    }
    writer.endTable();
  }
  yield writer.end();
}

/**
 * Reads the line layout one line at a time. `push` returns false as soon as a line does not fit
 * the layout (the caller then parses the whole text instead); `finish` gives the document.
 */
export class LineReader {
  private state: 'header' | 'table' | 'rows' | 'done' = 'header';
  private doc: Record<string, unknown> = {};
  private tableIndex = 0;
  private rows: unknown[] = [];
  private expectMore = false;
  private failed = false;

  push(rawLine: string): boolean {
    if (this.failed) return false;
    const ok = this.accept(rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine);
    if (!ok) this.failed = true;
    return ok;
  }

  private accept(line: string): boolean {
    switch (this.state) {
      case 'header': {
        const text = line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
        if (!text.startsWith('{') || !text.endsWith(',')) return false;
        const header = tryParse(text.slice(0, -1) + '}');
        if (
          !header ||
          typeof header !== 'object' ||
          Object.keys(header).join() !== 'format,version,exportedAt' ||
          (header as Record<string, unknown>).format !== BACKUP_FORMAT ||
          (header as Record<string, unknown>).version !== BACKUP_VERSION
        ) {
          return false;
        }
        this.doc = header as Record<string, unknown>;
        this.state = 'table';
        return true;
      }
      case 'table': {
        const table = BACKUP_TABLES[this.tableIndex];
        if (line !== `${JSON.stringify(table)}:[`) return false;
        this.rows = [];
        this.expectMore = false;
        this.state = 'rows';
        return true;
      }
      case 'rows': {
        if (line.startsWith(']')) {
          if (this.expectMore) return false;
          const table = BACKUP_TABLES[this.tableIndex]!;
          const last = this.tableIndex === BACKUP_TABLES.length - 1;
          if (line !== (last ? ']}' : '],')) return false;
          this.doc[table] = this.rows;
          this.rows = [];
          this.tableIndex++;
          this.state = last ? 'done' : 'table';
          return true;
        }
        if (this.rows.length > 0 && !this.expectMore) return false;
        const more = line.endsWith(',');
        const record = tryParse(more ? line.slice(0, -1) : line);
        if (record === undefined) return false;
        this.rows.push(record);
        this.expectMore = more;
        return true;
      }
      case 'done':
        return /^[ \t]*$/.test(line);
    }
  }

  /** The document, or null when the text ended before the layout did. */
  finish(): Record<string, unknown> | null {
    return !this.failed && this.state === 'done' ? this.doc : null;
  }
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const DECODE_BYTES = 1 << 16;

/**
 * Reads a file: through the line reader when it has the written layout (no copy of the whole
 * text is kept), else as one text for `validateBackup` to parse. Progress counts bytes.
 */
export async function readBackupFile(
  file: Blob,
  onBytes?: (done: number, total: number) => void,
): Promise<unknown> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  const lines = new LineReader();
  let parts: string[] = [];
  let bytes = 0;
  let fits = true;
  const take = (text: string): boolean => {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      let line = text.slice(start, nl);
      if (parts.length > 0) {
        parts.push(line);
        line = parts.join('');
        parts = [];
      }
      start = nl + 1;
      if (!lines.push(line)) return false;
    }
    if (start < text.length) parts.push(text.slice(start));
    return true;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      onBytes?.(bytes, file.size);
      // Decoded in small pieces: short-lived strings stay in the young generation.
      for (let at = 0; fits && at < value.byteLength; at += DECODE_BYTES) {
        fits = take(decoder.decode(value.subarray(at, at + DECODE_BYTES), { stream: true }));
      }
      if (!fits) break;
    }
  } finally {
    if (!fits) await reader.cancel().catch(() => undefined);
  }
  if (fits) {
    const rest = parts.join('') + decoder.decode();
    parts = [];
    if (rest === '' || lines.push(rest)) {
      const doc = lines.finish();
      if (doc) return doc;
    }
  }
  const text = await file.text();
  onBytes?.(file.size, file.size);
  return text;
}
