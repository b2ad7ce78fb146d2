import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, exportCsv, neutralise } from '../../../lib/export/csv';
import { passageUrl } from '../../../lib/export/fragment';
import { Collection } from '../../../lib/export/model';
import { hostileCollection } from './hostile';
import { wellFormed } from './parse';

const FORMULA = /^[=+\-@\t\r]/;

/** RFC 4180 strictly: CRLF records, `"` quoting, no relaxing of anything. */
function parseStrict(text: string): string[][] {
  return parse(text, {
    bom: true,
    record_delimiter: '\r\n',
    relax_quotes: false,
    relax_column_count: false,
    skip_empty_lines: false,
  }) as string[][];
}

describe('CSV export', () => {
  it('starts with a byte order mark and ends every record with CRLF', () => {
    const text = exportCsv(hostileCollection(8));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.endsWith('\r\n')).toBe(true);
    // Outside quoted fields there are no bare line feeds or carriage returns.
    const outside = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(outside.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('parses back, cell for cell, with one row per passage and per piece without passages', () => {
    const backup = hostileCollection(20);
    const collection = new Collection(backup);
    const rows = parseStrict(exportCsv(backup));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const names = (ids: string[]) => collection.names(ids).join('; ');
    const expected: string[][] = [];
    for (const piece of backup.pieces) {
      const head = [
        piece.title,
        piece.url,
        piece.siteName ?? '',
        names(piece.authorIds),
        names(piece.themeIds),
      ];
      const passages = collection.passages(piece.id);
      for (const passage of passages) {
        expected.push([
          ...head,
          passage.quote,
          passage.note,
          names(passage.themeIds),
          names(passage.authorIds),
          passageUrl(piece.url, passage),
          piece.publishedTime ?? '',
          piece.capturedAt,
          passage.createdAt,
          piece.note,
          piece.id,
          passage.id,
        ]);
      }
      if (passages.length === 0) {
        expected.push([
          ...head,
          '',
          '',
          '',
          '',
          '',
          piece.publishedTime ?? '',
          piece.capturedAt,
          '',
          piece.note,
          piece.id,
          '',
        ]);
      }
    }
    const data = rows.slice(1);
    expect(data).toHaveLength(expected.length);
    expect(data.length).toBeGreaterThan(backup.passages.length);
    data.forEach((row, i) => {
      expect(row).toHaveLength(CSV_COLUMNS.length);
      row.forEach((cell, j) => {
        const value = wellFormed(expected[i]![j]!);
        expect(cell).toBe(FORMULA.test(value) ? `'${value}` : value);
      });
    });
  });

  it('leaves no cell that a spreadsheet would run as a formula', () => {
    const rows = parseStrict(exportCsv(hostileCollection(20)));
    let neutralised = 0;
    for (const row of rows) {
      for (const cell of row) {
        expect(cell).not.toMatch(/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/);
        if (/^'[=+\-@\t\r]/.test(cell)) neutralised++;
      }
    }
    expect(neutralised).toBeGreaterThan(10);
  });

  it('neutralises and quotes single fields', () => {
    expect(neutralise('=1+1')).toBe("'=1+1");
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralise('+33 1 23')).toBe("'+33 1 23");
    expect(neutralise('-2')).toBe("'-2");
    expect(neutralise('\tx')).toBe("'\tx");
    expect(neutralise('\rx')).toBe("'\rx");
    expect(neutralise('＝1')).toBe("'＝1");
    expect(neutralise('a=1')).toBe('a=1');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField(null)).toBe('');
    expect(csvField('half \uD83D')).toBe('half \uFFFD');
  });

  it('can leave out pieces without passages, and encodes as UTF-8 with the BOM', () => {
    const backup = hostileCollection(10);
    const rows = parseStrict(exportCsv(backup, { piecesWithoutPassages: false }));
    expect(rows).toHaveLength(backup.passages.length + 1);
    const bytes = new TextEncoder().encode(exportCsv(backup));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toContain('Кириллица');
  });
});
