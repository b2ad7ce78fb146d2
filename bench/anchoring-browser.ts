/**
 * Anchoring in Chromium: 1,000 passages described on a ~1 MB page, then found again on an edited
 * version of it (paragraphs inserted), next to a plain exact-match baseline in the same page.
 * bench/anchoring-page.ts (with lib/anchoring) is bundled with esbuild into a page on 127.0.0.1.
 */
import { build } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ROOT, serveFixtures } from '../tests/e2e/harness';
import { generateLargeArticle } from './clip';
import type { BenchRow, BenchSuite } from './types';

const PASSAGES = 1000;

import type { PageFigures } from './anchoring-page';

export const anchoringBrowserBench: BenchSuite = {
  suite: 'anchoring (Chromium)',
  async run(): Promise<BenchRow[]> {
    const site = mkdtempSync(path.join(tmpdir(), 'commonplace-anchoring-'));
    const bundle = await build({
      entryPoints: [path.join(ROOT, 'bench/anchoring-page.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'AnchoringBench',
      write: false,
      minify: true,
    });
    writeFileSync(path.join(site, 'anchoring.js'), bundle.outputFiles[0]!.text);
    writeFileSync(
      path.join(site, 'page.html'),
      generateLargeArticle(1_000_000).replace(
        '</body>',
        '<script src="/anchoring.js"></script></body>',
      ),
    );
    const server = await serveFixtures(site);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
    try {
      const runs: PageFigures[] = [];
      for (let run = 0; run < 3; run++) {
        const page = await browser.newPage();
        await page.goto(server.url('/page.html'));
        // A string, so that no helper of the Node-side transpiler leaks into the page.
        runs.push(await page.evaluate<PageFigures>(`AnchoringBench.measureAnchoring(${PASSAGES})`));
        await page.close();
      }
      const best = runs.sort((a, b) => a.anchorMs - b.anchorMs)[0]!;
      const suite = this.suite;
      return [
        { suite, name: 'page size', value: best.bytes / 1e6, unit: 'MB' },
        {
          suite,
          name: `anchor ${PASSAGES} passages on the edited page (index + match + Ranges)`,
          value: best.anchorMs,
          unit: 'ms',
          target: 300,
          note: `best of 3; found ${best.found}, orphans ${best.orphans}`,
        },
        {
          suite,
          name: `baseline: indexOf of each quote in the page text`,
          value: best.baselineMs,
          unit: 'ms',
          note: `found ${best.baselineFound} (no context check, no Range)`,
        },
        { suite, name: `describe ${PASSAGES} selections`, value: best.describeMs, unit: 'ms' },
      ];
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
