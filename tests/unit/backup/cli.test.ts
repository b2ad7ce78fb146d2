import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../lib/cli/shared';
import { validateCommand } from '../../../lib/cli/validate';
import { mergeCommand } from '../../../lib/cli/merge';
import { serializeBackup } from '../../../lib/backup/serialize';
import { validateBackup } from '../../../lib/backup/validate';
import type { Backup } from '../../../lib/backup/format';
import { divergeFrom, makeCollection, mergeBackups } from './helpers';
import { captureIO } from '../factories';

const root = new URL('../../../', import.meta.url);
const example = new URL('docs/examples/backup.json', root).pathname;
const version0 = new URL('tests/fixtures/backup/version-0.json', root).pathname;
const dir = mkdtempSync(join(tmpdir(), 'commonplace-cli-'));

function write(name: string, content: string | Backup): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    typeof content === 'string' ? content : [...serializeBackup(content)].join(''),
  );
  return path;
}

const parse = (path: string): Backup => {
  const result = validateBackup(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.backup;
};

describe('commonplace validate', () => {
  it('prints one line of counts and exits 0 for a valid backup', async () => {
    const io = captureIO();
    expect(await validateCommand.run([example], io)).toBe(0);
    expect(io.err).toBe('');
    expect(io.out).toBe(
      `${example}: valid Commonplace backup (format 1): 6 pieces, 5 stored copies, 5 passages, 10 tags (5 authors, 5 themes), 2 settings\n`,
    );
  });

  it('says when it upgraded an older format', async () => {
    const io = captureIO();
    expect(await validateCommand.run([version0], io)).toBe(0);
    expect(io.out).toMatch(
      /\(format 0, upgraded to 1\): 2 pieces, 1 stored copy, 0 passages, 4 tags/,
    );
  });

  it('prints `<path-in-file>: <message>` lines and exits 1 for a bad backup', async () => {
    const doc = JSON.parse(readFileSync(example, 'utf8'));
    doc.pieces[2].url = doc.pieces[0].url;
    doc.passages[0].selectors = 'here';
    doc.tags[1].createdAt = '31/12/2024';
    const io = captureIO();
    expect(await validateCommand.run([write('bad.json', JSON.stringify(doc, null, 2))], io)).toBe(
      1,
    );
    expect(io.out).toBe('');
    expect(io.err.split('\n').filter(Boolean)).toEqual([
      'tags[1].createdAt: not an ISO 8601 date-time: "31/12/2024"',
      'passages[0].selectors: expected an array, found "here"',
    ]);
    const io2 = captureIO();
    doc.passages[0].selectors = [];
    doc.tags[1].createdAt = doc.tags[1].updatedAt;
    expect(await validateCommand.run([write('bad2.json', JSON.stringify(doc))], io2)).toBe(1);
    expect(io2.err).toBe('pieces[2].url: the same URL as pieces[0] (one URL is one piece)\n');
  });

  it('refuses a file that is not there or not JSON', async () => {
    const io = captureIO();
    expect(await validateCommand.run([join(dir, 'missing.json')], io)).toBe(1);
    expect(io.err).toBe('$: cannot read the file: no such file\n');
    const io2 = captureIO();
    expect(await validateCommand.run([write('notes.txt', 'just notes\n')], io2)).toBe(1);
    expect(io2.err).toBe('$: not valid JSON at line 1, column 1: unexpected character "j"\n');
  });

  it('needs exactly one file', async () => {
    await expect(validateCommand.run([], captureIO())).rejects.toBeInstanceOf(UsageError);
    await expect(validateCommand.run([example, example], captureIO())).rejects.toBeInstanceOf(
      UsageError,
    );
    await expect(validateCommand.run([example, '--strict'], captureIO())).rejects.toBeInstanceOf(
      UsageError,
    );
  });
});

describe('commonplace merge', () => {
  it('merge(a, a) gives a back (byte for byte when a is in the export layout)', async () => {
    const written = write('canonical.json', makeCollection(60, 6));
    const same = join(dir, 'same.json');
    expect(await mergeCommand.run([written, written, '--out', same], captureIO())).toBe(0);
    expect(readFileSync(same, 'utf8')).toBe(readFileSync(written, 'utf8'));

    const out = join(dir, 'aa.json');
    const io = captureIO();
    expect(await mergeCommand.run([example, example, '--out', out], io)).toBe(0);
    expect(parse(out)).toEqual(parse(example));
    expect(io.out).toBe(
      `${out}: 6 pieces, 5 stored copies, 5 passages, 10 tags (5 authors, 5 themes), 2 settings (from ${example}: 0 added, 0 updated, 28 unchanged)\n`,
    );
  });

  it('is the merge of import, and merging b twice equals merging it once', async () => {
    const a = makeCollection(61, 10);
    const b = divergeFrom(a, 62);
    const [fileA, fileB] = [write('a.json', a), write('b.json', JSON.stringify(b, null, 2))];
    const once = join(dir, 'ab.json');
    const twice = join(dir, 'abb.json');
    expect(await mergeCommand.run([fileA, fileB, '--out', once], captureIO())).toBe(0);
    expect(parse(once)).toEqual(mergeBackups(a, b));
    expect(await mergeCommand.run([once, fileB, '--out', twice], captureIO())).toBe(0);
    expect(readFileSync(twice, 'utf8')).toBe(readFileSync(once, 'utf8'));
    // The output is in the export layout, one record per line.
    expect(readFileSync(once, 'utf8').split('\n')[1]).toBe('"tags":[');
  });

  it('reads older formats and writes the current one', async () => {
    const out = join(dir, 'upgraded.json');
    expect(await mergeCommand.run([example, version0, '--out', out], captureIO())).toBe(0);
    const merged = parse(out);
    expect(merged.version).toBe(1);
    expect(merged.pieces).toHaveLength(8);
  });

  it('names the file and the place of each problem, exits 1 and writes nothing', async () => {
    const doc = JSON.parse(readFileSync(example, 'utf8'));
    doc.version = 7;
    const bad = write('future.json', JSON.stringify(doc));
    const out = join(dir, 'never.json');
    const io = captureIO();
    expect(await mergeCommand.run([example, bad, '--out', out], io)).toBe(1);
    expect(io.err).toBe(
      `${bad}: $.version: made by a newer version of Commonplace (format 7); update the extension\n`,
    );
    expect(() => readFileSync(out)).toThrow();
  });

  it('needs two files and --out', async () => {
    await expect(mergeCommand.run([example, example], captureIO())).rejects.toBeInstanceOf(
      UsageError,
    );
    await expect(
      mergeCommand.run([example, '--out', 'x.json'], captureIO()),
    ).rejects.toBeInstanceOf(UsageError);
    await expect(mergeCommand.run([example, example, '--out'], captureIO())).rejects.toBeInstanceOf(
      UsageError,
    );
  });
});
