/**
 * The boundary rules of `npm run lint` (.dependency-cruiser.cjs) fire on a small tree that breaks
 * them, type-only imports included, and stay quiet on one that keeps them.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const root = resolve(__dirname, '../../..');
const config = resolve(root, '.dependency-cruiser.cjs');
const depcruise = resolve(root, 'node_modules/.bin/depcruise');

interface Cruise {
  summary: { violations: { rule: { name: string }; from: string; to: string }[] };
}

async function cruise(tree: string): Promise<Cruise['summary']['violations']> {
  const cwd = resolve(root, 'tests/fixtures/boundaries', tree);
  const run = promisify(execFile);
  const { stdout } = await run(depcruise, ['lib', '--config', config, '-T', 'json'], { cwd });
  return (JSON.parse(stdout) as Cruise).summary.violations;
}

describe('boundary rules', () => {
  test('a type-only cycle, a leaf that imports, storage that imports search: each fires', async () => {
    const found = (await cruise('broken')).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'model-is-a-leaf: lib/model/records.ts → lib/db/pieces.ts',
        'no-cycle: lib/db/pieces.ts → lib/search/query.ts',
        'db-below-the-collection: lib/db/pieces.ts → lib/search/query.ts',
        'search-below-the-collection: lib/search/query.ts → lib/db/pieces.ts',
      ]),
    );
  }, 60_000);

  test('a tree whose imports run downward passes', async () => {
    expect(await cruise('clean')).toEqual([]);
  }, 60_000);
});
