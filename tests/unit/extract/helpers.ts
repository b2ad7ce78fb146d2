/** Shared helpers for the extraction tests: fixtures on disk, parsed with jsdom (no scripts run). */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../../..');
export const SEED_DIR = join(ROOT, 'tests/fixtures/seed-site');
export const FIXTURE_DIR = join(ROOT, 'tests/fixtures/extract');
export const DEMO_DIR = join(ROOT, 'demo-site');

/** Parses `html` as the page at `url`; the page's scripts do not run. */
export function domFor(html: string | Buffer, url: string): JSDOM {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

export function readJson<T>(path: string): T {
  return JSON.parse(readText(path)) as T;
}

/** Names (without extension) of the `*.html` fixtures that have a `*.expected.json`. */
export function fixtureNames(dir: string): string[] {
  const files = readdirSync(dir);
  return files
    .filter(
      (file) => file.endsWith('.html') && files.includes(file.replace(/\.html$/, '.expected.json')),
    )
    .map((file) => file.replace(/\.html$/, ''))
    .sort();
}

/** Selects the contents of the first element matching `selector` in the window's document. */
export function selectContents(dom: JSDOM, selector: string): void {
  const element = dom.window.document.querySelector(selector);
  if (!element) throw new Error(`no element ${selector}`);
  const range = dom.window.document.createRange();
  range.selectNodeContents(element);
  const selection = dom.window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** Captured stdout/stderr for running the CLI in-process. */
export function captureIo(): {
  stdout: string[];
  stderr: string[];
  io: { stdout: (t: string) => void; stderr: (t: string) => void };
} {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    io: { stdout: (text) => void stdout.push(text), stderr: (text) => void stderr.push(text) },
  };
}
