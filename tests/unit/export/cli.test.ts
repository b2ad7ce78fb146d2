import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportCommand } from '../../../lib/cli/export';
import { UsageError } from '../../../lib/cli/shared';
import { EXPORT_FORMATS } from '../../../lib/export';
import { captureIO } from '../factories';

const example = new URL('../../../docs/examples/backup.json', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'commonplace-export-'));

describe('commonplace export', () => {
  it('writes every format from a backup file', async () => {
    for (const format of EXPORT_FORMATS) {
      const out = join(dir, `out-${format}`);
      const io = captureIO();
      expect(await exportCommand.run(['--format', format, '--in', example, '--out', out], io)).toBe(
        0,
      );
      expect(io.err).toBe('');
      expect(io.out).toMatch(new RegExp(`^${out}: .+: 6 pieces, 5 passages\\n$`));
      const bytes = readFileSync(out);
      if (format === 'md') {
        expect(Object.keys(unzipSync(bytes))).toHaveLength(11);
        continue;
      }
      const text = bytes.toString('utf8');
      if (format === 'csv') {
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const rows = parseCsv(text, { bom: true }) as string[][];
        expect(rows).toHaveLength(1 + 5 + 2);
        // Newest captured first.
        expect(rows[1]![0]).toBe('Walking the old tram lines');
      }
      if (format === 'json' || format === 'jsonld' || format === 'csl') {
        expect(() => JSON.parse(text)).not.toThrow();
      }
      if (format === 'bibtex') expect(text.match(/^@online\{/gm)).toHaveLength(6);
      if (format === 'ris') expect(text.match(/^TY {2}- ELEC\r$/gm)).toHaveLength(6);
      if (format === 'dossier') expect(text).toContain('# Commonplace — by author');
    }
  });

  it('groups the dossier by theme on request', async () => {
    const out = join(dir, 'by-theme.md');
    const args = ['--format', 'dossier', '--group-by', 'theme', '--in', example, '--out', out];
    expect(await exportCommand.run(args, captureIO())).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('\n## Utopia\n');
  });

  it('refuses a wrong command line', async () => {
    const run = (args: string[]) => exportCommand.run(args, captureIO());
    await expect(run(['--in', example, '--out', 'x'])).rejects.toThrow(/needs --format/);
    await expect(run(['--format', 'docx', '--in', example, '--out', 'x'])).rejects.toThrow(
      /unknown format "docx"/,
    );
    await expect(run(['--format', 'csv', '--out', 'x'])).rejects.toThrow(/needs --in/);
    await expect(run(['--format', 'csv', '--in', example])).rejects.toThrow(/needs --out/);
    await expect(
      run(['--format', 'dossier', '--group-by', 'site', '--in', example, '--out', 'x']),
    ).rejects.toThrow(UsageError);
    await expect(
      run(['--format', 'csv', '--group-by', 'theme', '--in', example, '--out', 'x']),
    ).rejects.toThrow(/for --format dossier/);
    await expect(run(['--format', 'csv', '--in', example, '--out', 'x', 'extra'])).rejects.toThrow(
      /unexpected argument/,
    );
  });

  it('says what is wrong with a bad backup and writes nothing', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"commonplace-backup","version":1');
    const out = join(dir, 'never.csv');
    const io = captureIO();
    expect(await exportCommand.run(['--format', 'csv', '--in', bad, '--out', out], io)).toBe(1);
    expect(io.err).toMatch(/bad\.json: \$: not valid JSON/);
    expect(() => readFileSync(out)).toThrow();
    const missing = captureIO();
    expect(
      await exportCommand.run(
        ['--format', 'csv', '--in', join(dir, 'nope.json'), '--out', out],
        missing,
      ),
    ).toBe(1);
    expect(missing.err).toMatch(/no such file/);
  });

  it('says when it cannot write', async () => {
    const io = captureIO();
    const out = join(dir, 'no-such-dir', 'x.csv');
    expect(await exportCommand.run(['--format', 'csv', '--in', example, '--out', out], io)).toBe(1);
    expect(io.err).toMatch(/cannot write/);
  });
});
