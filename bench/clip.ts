/**
 * Clip speed in Chromium with the built extension: popup opened → preview painted, next to a raw
 * `Readability.parse()` of the same page in the same tab; and the gzipped size of built scripts.
 */
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
  mkdirSync,
  copyFileSync,
} from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  E2E_BUILD,
  FIXTURES,
  ROOT,
  launchExtension,
  openPopupFor,
  serveFixtures,
  type ExtensionSession,
} from '../tests/e2e/harness';
import type { BenchRow, BenchSuite } from './types';

const RUNS = 15;
const require = createRequire(import.meta.url);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const WORDS =
  'the workers movement imperialism solidarity debate oligarchs campaign union statement war peace left right socialist conference analysis history regime intervention'.split(
    ' ',
  );

/** A long article of about `bytes` of HTML: paragraphs with links and emphasis, sidebars, comments. */
export function generateLargeArticle(bytes: number): string {
  let seed = 42;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const sentence = () => {
    const n = 8 + Math.floor(random() * 14);
    const words = Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]!);
    if (random() < 0.2) words[2] = `<a href="/ref/${Math.floor(random() * 1000)}">${words[2]}</a>`;
    if (random() < 0.2) words[5] = `<em>${words[5]}</em>`;
    const text = words.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
  };
  const parts: string[] = [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A very long debate</title>',
    '<meta name="author" content="Jane Roe"><meta property="article:published_time" content="2016-01-01T10:00:00Z">',
    '</head><body><header><nav><a href="/">Home</a></nav></header><main><article><h1>A very long debate</h1>',
  ];
  let size = parts.join('').length;
  let section = 0;
  while (size < bytes * 0.9) {
    const block =
      (section % 8 === 0 ? `<h2>Part ${section / 8 + 1}</h2>` : '') +
      `<p>${Array.from({ length: 6 }, sentence).join(' ')}</p>`;
    parts.push(block);
    size += block.length;
    section++;
  }
  parts.push('</article><aside><ul>');
  for (let i = 0; i < 50; i++) parts.push(`<li><a href="/post/${i}">Recent post ${i}</a></li>`);
  parts.push('</ul></aside></main><footer>Footer</footer></body></html>');
  return parts.join('\n');
}

async function measurePage(
  session: ExtensionSession,
  url: string,
  label: string,
): Promise<BenchRow[]> {
  const readabilitySource = readFileSync(
    require.resolve('@mozilla/readability/Readability.js'),
    'utf8',
  );
  const preview: number[] = [];
  const fromScript: number[] = [];
  const inPage: number[] = [];
  const raw: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { page, popup } = await openPopupFor(session, url, { settle: true });
    await popup.waitForFunction(() => document.documentElement.dataset.previewPaintedMs, null, {
      timeout: 30_000,
    });
    const data = await popup.evaluate(() => ({ ...document.documentElement.dataset }));
    preview.push(Number(data.previewPaintedMs));
    fromScript.push(Number(data.previewPaintedMs) - Number(data.scriptStartMs));
    inPage.push(Number(data.pageMs));
    await page.addScriptTag({ content: readabilitySource });
    raw.push(
      await page.evaluate(() => {
        const started = performance.now();
        const Readability = (
          window as unknown as { Readability: new (doc: Document) => { parse(): unknown } }
        ).Readability;
        new Readability(document.cloneNode(true) as Document).parse();
        return performance.now() - started;
      }),
    );
    await popup.close();
    await page.close();
  }
  const rawMs = median(raw);
  return [
    {
      suite: 'clip',
      name: `${label}: raw Readability.parse() (clone + parse)`,
      value: rawMs,
      unit: 'ms',
    },
    { suite: 'clip', name: `${label}: clip script in the page`, value: median(inPage), unit: 'ms' },
    {
      suite: 'clip',
      name: `${label}: popup script start → preview painted`,
      value: median(fromScript),
      unit: 'ms',
      target: Math.round(rawMs * 1.15 + 30),
      note: `median of ${RUNS}; target = 1.15 × raw + 30 ms`,
    },
    {
      suite: 'clip',
      name: `${label}: popup navigation start → preview painted`,
      value: median(preview),
      unit: 'ms',
      note: 'includes Chromium creating the popup page',
    },
  ];
}

/** Gzipped size of the scripts an HTML entry loads (its module script and preloaded chunks). */
function htmlScriptsGz(build: string, html: string): number {
  const source = readFileSync(path.join(build, html), 'utf8');
  const files = [...source.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  return files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(path.join(build, file))).length,
    0,
  );
}

function sizeRows(): BenchRow[] {
  const build = path.join(ROOT, '.output/chrome-mv3');
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  const gz = (file: string) => gzipSync(readFileSync(path.join(build, file))).length;
  const rows: BenchRow[] = [
    {
      suite: 'size',
      name: 'clip scripts (clip.js + clip-body.js, page side)',
      value: kb(gz('clip.js') + gz('clip-body.js')),
      unit: 'KB gz',
      target: 30,
    },
    {
      suite: 'size',
      name: 'passages.js (page side of passages)',
      value: kb(gz('passages.js')),
      unit: 'KB gz',
      target: 20,
    },
    {
      suite: 'size',
      name: 'popup (all scripts it loads)',
      value: kb(htmlScriptsGz(build, 'popup.html')),
      unit: 'KB gz',
      target: 40,
    },
  ];
  for (const file of readdirSync(build, { recursive: true }) as string[]) {
    if (file.endsWith('.js'))
      rows.push({ suite: 'size', name: file, value: kb(gz(file)), unit: 'KB gz' });
  }
  return rows;
}

export const clipBench: BenchSuite = {
  suite: 'clip',
  async run() {
    const site = mkdtempSync(path.join(tmpdir(), 'commonplace-bench-'));
    mkdirSync(path.join(site, 'seed-site'));
    copyFileSync(
      path.join(FIXTURES, 'seed-site/article.html'),
      path.join(site, 'seed-site/article.html'),
    );
    writeFileSync(path.join(site, 'large.html'), generateLargeArticle(1_000_000));
    const server = await serveFixtures(site);
    const session = await launchExtension(E2E_BUILD);
    try {
      return [
        ...(await measurePage(session, server.url('/seed-site/article.html'), 'fixture article')),
        ...(await measurePage(session, server.url('/large.html'), '~1 MB page')),
        ...sizeRows(),
      ];
    } finally {
      await session.close();
      await server.close();
    }
  },
};
