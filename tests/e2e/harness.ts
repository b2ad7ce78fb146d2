/**
 * Test harness: a static server for fixture pages on 127.0.0.1 and a Chromium profile with the
 * built extension loaded. One fresh profile per `launchExtension()`.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { EXAMPLE_BACKUP } from '../unit/factories';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const E2E_BUILD = path.join(ROOT, '.output/chrome-mv3-e2e');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
};

export interface FixtureServer {
  origin: string;
  url(pathname: string): string;
  /** Serves the file at `replacement` (a fixture path) for `pathname` — a site editing its page. */
  swap(pathname: string, replacement: string | null): void;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 at a free port; `/dir/` serves `/dir/index.html`. */
export async function serveFixtures(root: string = FIXTURES): Promise<FixtureServer> {
  const swaps = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const requested = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const pathname = swaps.get(requested) ?? requested;
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      const body = readFileSync(file);
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (pathname) => origin + pathname,
    swap: (pathname, replacement) => {
      if (replacement) swaps.set(pathname, replacement);
      else swaps.delete(pathname);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Chrome derives an unpacked extension's id from its absolute path: SHA-256, hex digits as a–p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Tests open the popup as a tab, which hides the page tab; a real popup leaves it in front.
  // Keep hidden tabs running at full speed so timings match the real thing.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  extensionUrl(page: string): string;
  /** An extension page used to run chrome.* calls and read the database. */
  control: Page;
  close(): Promise<void>;
}

export async function launchExtension(build: string = E2E_BUILD): Promise<ExtensionSession> {
  const profile = mkdtempSync(path.join(tmpdir(), 'commonplace-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${build}`, `--load-extension=${build}`],
  });
  const extensionId = unpackedExtensionId(build);
  const extensionUrl = (page: string) => `chrome-extension://${extensionId}/${page}`;
  const control = await context.newPage();
  // The profile's first blank tab would be mistaken for a browser page by tabIdOf.
  for (const page of context.pages()) if (page !== control) await page.close();
  // A popup aimed at a tab that does not exist only shows an error: a quiet extension page.
  await control.goto(extensionUrl('popup.html?tab=0'));
  await control.getByRole('alert').waitFor();
  return {
    context,
    extensionId,
    extensionUrl,
    control,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The id of the tab showing `url` (exact match). */
export async function tabIdOf(session: ExtensionSession, url: string): Promise<number> {
  return session.control.evaluate(async (wanted) => {
    const tabs = await chrome.tabs.query({});
    // Browser pages (chrome://) hide their URL from the extension: then take the one hidden tab.
    const hidden = tabs.filter((t) => t.url === undefined);
    const tab = tabs.find((t) => t.url === wanted) ?? (hidden.length === 1 ? hidden[0] : undefined);
    if (tab?.id === undefined) throw new Error(`no tab for ${wanted}`);
    return tab.id;
  }, url);
}

/** Opens `url` in a tab, then the popup aimed at it (as a tab, since tests cannot click the toolbar). */
export async function openPopupFor(
  session: ExtensionSession,
  url: string,
  options: { settle?: boolean } = {},
): Promise<{ page: Page; popup: Page }> {
  const page = await session.context.newPage();
  await page.goto(url);
  // A reader clicks on a page they have been reading: let it finish rendering first.
  if (options.settle) {
    await page.evaluate(
      () => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })),
    );
  }
  const tabId = await tabIdOf(session, page.url());
  const popup = await session.context.newPage();
  await popup.goto(session.extensionUrl(`popup.html?tab=${tabId}`));
  return { page, popup };
}

export type DatabaseDump = Record<string, unknown[]>;

/**
 * Every row of every collection table of the extension's database (the search index, derived
 * data, aside), read with the raw IndexedDB API.
 */
export async function dumpDatabase(session: ExtensionSession): Promise<DatabaseDump> {
  return session.control.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('commonplace');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const dump: Record<string, unknown[]> = {};
    for (const name of Array.from(db.objectStoreNames).filter((n) => !n.startsWith('search'))) {
      dump[name] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return dump;
  });
}

/** Clips `url` through the popup with its pre-filled tags and saves it. */
export async function clipAndSave(session: ExtensionSession, url: string): Promise<void> {
  const { page, popup } = await openPopupFor(session, url);
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await popup.close();
  await page.close();
}

export interface ExtensionTest {
  server: FixtureServer;
  session: ExtensionSession;
}

/**
 * A fixture server and a fresh profile with the extension for the tests of one file, set up
 * before them and closed after. The fields are filled in by the time the tests run.
 */
export function withExtension(): ExtensionTest {
  const test = {} as ExtensionTest;
  beforeAll(async () => {
    test.server = await serveFixtures();
    test.session = await launchExtension();
  });
  afterAll(async () => {
    await test.session?.close();
    await test.server?.close();
  });
  return test;
}

/** axe-core run on `page`: how many rules passed, and the serious or critical violations. */
/** A library page of `session` with the example backup (docs/examples/backup.json) imported. */
export async function libraryWithExampleBackup(session: ExtensionSession): Promise<Page> {
  const library = await session.context.newPage();
  await library.goto(session.extensionUrl('library.html'));
  await library.getByText('Backup and settings').click();
  await library.getByLabel('Import', { exact: true }).setInputFiles(EXAMPLE_BACKUP);
  await library
    .getByRole('status')
    .filter({ hasText: /pieces: 6 added/i })
    .waitFor();
  return library;
}

export async function axeCheck(page: Page): Promise<{ passes: number; violations: string[] }> {
  const require = createRequire(import.meta.url);
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  type AxeResult = { id: string; impact: string; nodes: unknown[] };
  type Axe = { run: () => Promise<{ violations: AxeResult[]; passes: AxeResult[] }> };
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: Axe }).axe.run();
    return {
      passes: result.passes.length,
      violations: result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.nodes.length})`),
    };
  });
}
