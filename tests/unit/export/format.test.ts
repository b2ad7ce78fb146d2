import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { validateBackup } from '../../../lib/backup/validate';
import {
  EXPORT_FORMATS,
  exportCsv,
  exportDossier,
  exportFormat,
  isExportFormat,
  selectBackup,
  type ExportProgress,
} from '../../../lib/export';
import { NameAllocator, safeBaseName } from '../../../lib/export/filenames';
import { makeCollection } from '../backup/helpers';
import { exampleBackup } from '../factories';

describe('selectBackup', () => {
  it('keeps the chosen pieces, in the order given, with their copies, passages and tags', () => {
    const backup = makeCollection(7, 30);
    const withPassages = [...new Set(backup.passages.map((p) => p.pieceId))];
    const ids = [withPassages[3]!, 'no-such-piece', withPassages[0]!, withPassages[3]!];
    const part = selectBackup(backup, ids);
    const valid = validateBackup(part);
    expect(valid.ok ? [] : valid.errors).toEqual([]);
    expect(part.pieces.map((p) => p.id)).toEqual([withPassages[3], withPassages[0]]);
    expect(part.passages.map((p) => p.id).sort()).toEqual(
      backup.passages
        .filter((p) => p.pieceId === withPassages[0] || p.pieceId === withPassages[3])
        .map((p) => p.id)
        .sort(),
    );
    expect(part.contents.map((c) => c.pieceId).sort()).toEqual(
      [withPassages[0], withPassages[3]].sort(),
    );
    const used = new Set(
      [...part.pieces, ...part.passages].flatMap((row) => [...row.authorIds, ...row.themeIds]),
    );
    expect(new Set(part.tags.map((t) => t.id))).toEqual(used);
    expect(part.settings).toEqual([]);
  });

  it('gives an empty, valid backup for no pieces', () => {
    const part = selectBackup(exampleBackup(), []);
    expect(validateBackup(part).ok).toBe(true);
    expect(part.pieces).toEqual([]);
    expect(part.tags).toEqual([]);
  });
});

describe('exportFormat', () => {
  const now = new Date('2025-05-01T12:00:00Z');

  it('names and types every format', async () => {
    const expected = {
      md: ['commonplace-markdown-2025-05-01.zip', 'application/zip'],
      dossier: ['commonplace-dossier-by-author-2025-05-01.md', 'text/markdown;charset=utf-8'],
      csv: ['commonplace-passages-2025-05-01.csv', 'text/csv;charset=utf-8'],
      jsonld: [
        'commonplace-annotations-2025-05-01.jsonld',
        'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"',
      ],
      csl: ['commonplace-citations-2025-05-01.csl.json', 'application/vnd.citationstyles.csl+json'],
      bibtex: ['commonplace-citations-2025-05-01.bib', 'application/x-bibtex;charset=utf-8'],
      ris: [
        'commonplace-citations-2025-05-01.ris',
        'application/x-research-info-systems;charset=utf-8',
      ],
      json: ['commonplace-backup-2025-05-01.json', 'application/json'],
    } as const;
    expect([...EXPORT_FORMATS].sort()).toEqual(Object.keys(expected).sort());
    const backup = exampleBackup();
    for (const format of EXPORT_FORMATS) {
      const result = await exportFormat(backup, format, { now });
      expect([result.fileName, result.mimeType]).toEqual(expected[format]);
      if (format === 'md') {
        expect(result.data).toBeInstanceOf(Uint8Array);
        expect(Object.keys(unzipSync(result.data as Uint8Array))).toHaveLength(11);
      } else if (format === 'dossier' || format === 'csv') {
        // Long text exports come as UTF-8 bytes, the same as the single exporters' text.
        expect(result.data).toBeInstanceOf(Uint8Array);
        const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
          result.data as Uint8Array,
        );
        expect(text).toBe(
          format === 'csv' ? exportCsv(backup) : exportDossier(backup, { groupBy: 'author', now }),
        );
      } else {
        expect(typeof result.data).toBe('string');
        expect((result.data as string).length).toBeGreaterThan(100);
      }
    }
    const byTheme = await exportFormat(backup, 'dossier', { now, groupBy: 'theme' });
    expect(byTheme.fileName).toBe('commonplace-dossier-by-theme-2025-05-01.md');
    expect(new TextDecoder().decode(byTheme.data as Uint8Array)).toContain('## Solidarity');
  });

  it('exports the backup itself as valid backup JSON', async () => {
    const backup = exampleBackup();
    const result = await exportFormat(selectBackup(backup, [backup.pieces[1]!.id]), 'json', {
      now,
    });
    const valid = validateBackup(result.data as string);
    expect(valid.ok).toBe(true);
    if (valid.ok) expect(valid.backup.pieces.map((p) => p.id)).toEqual([backup.pieces[1]!.id]);
  });

  it('reports progress from 0 to the total for every format', async () => {
    const backup = makeCollection(3, 40);
    for (const format of EXPORT_FORMATS) {
      const seen: ExportProgress[] = [];
      await exportFormat(backup, format, { now, onProgress: (p) => seen.push(p) });
      expect(seen.length).toBeGreaterThanOrEqual(1);
      const last = seen[seen.length - 1]!;
      expect(last.done).toBe(last.total);
      expect(last.total).toBeGreaterThanOrEqual(backup.pieces.length);
      for (let i = 1; i < seen.length; i++) {
        expect(seen[i]!.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
      }
    }
  });

  it('knows its format names', () => {
    expect(isExportFormat('bibtex')).toBe(true);
    expect(isExportFormat('docx')).toBe(false);
  });
});

describe('file names', () => {
  it('are safe on every system', () => {
    expect(safeBaseName('a/b\\c:d*e?f"g<h>i|j')).toBe('a b c d e f g h i j');
    expect(safeBaseName('[[Wiki]] #tag ^block')).toBe('Wiki tag block');
    expect(safeBaseName('  ..hidden. ')).toBe('hidden');
    expect(safeBaseName('trailing dots...')).toBe('trailing dots');
    expect(safeBaseName('CON')).toBe('CON_');
    expect(safeBaseName('lpt1.txt')).toBe('lpt1.txt_');
    expect(safeBaseName('line\nbreak\ttab\u0000nul')).toBe('line break tab nul');
    expect(safeBaseName('bidi \u202egnp.exe')).toBe('bidi gnp.exe');
    expect(safeBaseName('')).toBe('Untitled');
    expect(safeBaseName('???', 'Unnamed')).toBe('Unnamed');
    expect(safeBaseName('e\u0301')).toBe('é');
    const long = safeBaseName('👩🏽‍🔬'.repeat(40));
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(120);
    expect(long.length % '👩🏽‍🔬'.length).toBe(0);
  });

  it('are unique regardless of case', () => {
    const names = new NameAllocator();
    expect(names.allocate('Notes')).toBe('Notes');
    expect(names.allocate('notes')).toBe('notes (2)');
    expect(names.allocate('NOTES')).toBe('NOTES (3)');
    expect(names.allocate('Notes (2)')).toBe('Notes (2) (2)');
    const long = 'x'.repeat(200);
    expect(names.allocate(long)).toBe('x'.repeat(120));
    expect(names.allocate(long)).toBe('x'.repeat(116) + ' (2)');
  });
});
