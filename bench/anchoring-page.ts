/** Runs inside a Chromium page for bench/anchoring-browser.ts (bundled with esbuild). */
import { createAnchorer } from '../lib/anchoring';

export interface PageFigures {
  bytes: number;
  describeMs: number;
  anchorMs: number;
  baselineMs: number;
  found: number;
  orphans: number;
  baselineFound: number;
}

/** Describes `count` passages, edits the page, then anchors them again and times it. */
export function measureAnchoring(count: number): PageFigures {
  const root = document.body;
  const first = createAnchorer(root);
  const text = first.index.text;
  // Passages at word boundaries, spread over the page, 20 to 200 characters long.
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const selectors: ReturnType<typeof first.describe>[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    let start = Math.floor(random() * (text.length - 300));
    while (start > 0 && text[start - 1] !== ' ') start--;
    let end = start + 20 + Math.floor(random() * 180);
    while (end < text.length && text[end] !== ' ') end++;
    selectors.push(first.describe(first.index.toRange(start, end)));
  }
  const describeMs = performance.now() - started;
  // The site edits its page: a paragraph inserted after every 20th.
  const paragraphs = Array.from(document.querySelectorAll('article p'));
  paragraphs.forEach((p, i) => {
    if (i % 20 === 0) {
      const extra = document.createElement('p');
      extra.textContent = 'An update was added here by the editors, with corrections from readers.';
      p.after(extra);
    }
  });
  const t0 = performance.now();
  const results = createAnchorer(root).anchorMany(selectors);
  const anchorMs = performance.now() - t0;
  const quotes = selectors.map((list) => {
    const quote = list.find((s) => s.type === 'TextQuoteSelector');
    return quote && quote.type === 'TextQuoteSelector' ? quote.exact : '';
  });
  const t1 = performance.now();
  const pageText = root.textContent ?? '';
  let baselineFound = 0;
  for (const quote of quotes) if (pageText.indexOf(quote) >= 0) baselineFound++;
  const baselineMs = performance.now() - t1;
  const found = results.filter(Boolean).length;
  return {
    bytes: document.documentElement.outerHTML.length,
    describeMs,
    anchorMs,
    baselineMs,
    found,
    orphans: results.length - found,
    baselineFound,
  };
}
