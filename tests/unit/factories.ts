/** Test data builders shared by unit tests. */
import type { PageExtraction } from '../../lib/extract/types';
import { CommonplaceDB, TABLE_NAMES } from '../../lib/db/schema';

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
