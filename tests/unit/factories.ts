/** Test data builders shared by unit tests. */
import { readFileSync } from 'node:fs';
import type { Backup } from '../../lib/backup/format';
import { validateBackup } from '../../lib/backup/validate';
import type { CliIO } from '../../lib/cli/shared';
import type { PageExtraction } from '../../lib/extract/types';
import { TABLE_NAMES } from '../../lib/db/schema';
import { CommonplaceDB } from '../../lib/collection/database';

export function makeExtraction(overrides: Partial<PageExtraction> = {}): PageExtraction {
  return {
    pageKind: 'article',
    url: 'https://ukraine-solidarity.example/2015/08/a-critique-of-the-red-putinist/',
    pageUrl:
      'https://ukraine-solidarity.example/2015/08/a-critique-of-the-red-putinist/?utm_source=x',
    title: 'A Critique of the ‘Red Putinist’',
    authors: ['Christopher Ford'],
    siteName: 'Ukraine Solidarity Campaign',
    publishedTime: '2015-08-10T09:00:00+00:00',
    modifiedTime: null,
    lang: 'en-GB',
    keywords: ['Russian left', 'Left debates'],
    excerpt: 'A person of influence on the thinking the western left on Ukraine…',
    contentHtml: '<p>A person of influence on the thinking the western left on Ukraine.</p>',
    textContent: 'A person of influence on the thinking the western left on Ukraine.',
    wordCount: 12,
    contentHash: 'a'.repeat(64),
    ...overrides,
  };
}

/** A fresh, empty database (fake-indexeddb) of its own name. */
export function freshDatabase(): CommonplaceDB {
  return new CommonplaceDB(`test-${crypto.randomUUID()}`);
}

/** Every row of every collection table (the search index aside), for before/after comparisons. */
export async function dumpTables(db: CommonplaceDB): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) dump[name] = await db.table(name).toArray();
  return dump;
}

/** Path of the example backup shipped in docs/ (what the CLI tests run on). */
export const EXAMPLE_BACKUP = new URL('../../docs/examples/backup.json', import.meta.url).pathname;

/** docs/examples/backup.json, validated. */
export function exampleBackup(): Backup {
  const result = validateBackup(readFileSync(EXAMPLE_BACKUP, 'utf8'));
  if (!result.ok) throw new Error('example backup invalid');
  return result.backup;
}

/** CLI output written to strings. */
export function captureIO(): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
  };
  return io;
}
