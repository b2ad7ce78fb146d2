/**
 * Anchoring bench: 1,000 passages on a ~1 MB article page.
 *
 * A realistic page (chrome, headings, paragraphs with links and emphasis, quotes, lists, figures,
 * scripts, styles, hidden blocks) is generated from a seeded PRNG and parsed with jsdom. 1,000
 * passages are described on it, then a second version of the page is made: 120 new paragraphs
 * inserted, 100 passages edited, 50 deleted. Timed in the same run:
 * - the text index build; locating the 1,000 passages (offsets) and anchoring them (live DOM
 *   Ranges) with `createAnchorer` (target 300 ms), and how much of that is jsdom's Range creation;
 * - a plain exact-match baseline: `indexOf` of each quote over the same normalised text;
 * - the same passages on the unchanged page;
 * - when linkedom can be loaded (it comes with wxt), the index build and locating on it too.
 * Every passage is judged against the truth (markers carried through the edits). Then the corpus
 * cases about inserted text and elements run on the fixture pages with more seeds (see
 * `anchoring-cases.ts`).
 */
import { JSDOM } from 'jsdom';
import {
  buildTextIndex,
  createAnchorer,
  type AnchorResult,
  type Selector,
  type TextIndex,
  type TextQuoteSelector,
} from '../lib/anchoring';
import { insertionCaseRows } from './anchoring-cases';
import type { BenchRow, BenchSuite } from './types';
import { random as rng } from '../tests/support/random';
import { wrapRange } from '../tests/unit/anchoring/harness';

const SUITE = 'anchoring';
const PASSAGES = 1000;
const TARGET_BYTES = 1_000_000;

const COMMON = (
  'the of and to in a is that was for on as with by it at from his her their this which be ' +
  'had not are but were have all one an they been more when who would there can so its after ' +
  'only into over most some what other than then also new could about two first where many ' +
  'these time years people town river mill water valley winter city work family house street ' +
  'school night morning letter company engineer committee inquiry council market railway ' +
  'bridge chapel church field farm road book report record answer question money price cloth ' +
  'wool loom worker owner master apprentice neighbour stranger witness reader writer editor ' +
  'flood storm rain snow summer autumn spring north south east west old young long short small ' +
  'large early late quiet loud dark bright cold warm heavy light narrow wide deep high low ' +
  'remembered wrote said told heard found built lost carried opened closed argued agreed paid ' +
  'asked answered walked ran worked lived died returned began ended followed crossed reached'
).split(' ');
const RARE = (
  'embankment spillway reservoir turbine worsted dyeworks coroner compensation testimony ' +
  'archaeologist cobbles doorstep masonry granite memorial ceremony silence recording museum ' +
  'ledger almanac lantern harbour quarry viaduct tannery cooperage foundry weir sluice ' +
  'chronicle pamphlet petition magistrate surveyor cartographer navigator lamplighter'
).split(' ');
const NAMES =
  'Ashby Kellow Penrose Hartley Brigg Dyson Ellery Crag Trent Leeds Harrow Ferris Oakes'.split(' ');

class PageWriter {
  constructor(private readonly rand: () => number) {}

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)]!;
  }

  word(): string {
    const r = this.rand();
    if (r < 0.72) return this.pick(COMMON);
    if (r < 0.88) return this.pick(RARE);
    if (r < 0.95) return this.pick(NAMES);
    return String(1800 + Math.floor(this.rand() * 220));
  }

  sentence(): string {
    const n = 8 + Math.floor(this.rand() * 22);
    const words: string[] = [];
    for (let i = 0; i < n; i++) {
      let w = this.word();
      if (i > 2 && i < n - 2 && this.rand() < 0.08) w += ',';
      words.push(w);
    }
    const first = words[0]!;
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return words.join(' ') + (this.rand() < 0.93 ? '.' : this.rand() < 0.5 ? '?' : '!');
  }

  /** A paragraph's inner HTML: sentences with some inline markup and source line breaks. */
  paragraph(): string {
    const count = 3 + Math.floor(this.rand() * 5);
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      let s = this.sentence();
      if (this.rand() < 0.35) {
        const words = s.split(' ');
        const a = Math.floor(this.rand() * (words.length - 3));
        const b = a + 1 + Math.floor(this.rand() * 3);
        const tag = this.pick(['a', 'em', 'strong', 'em', 'a', 'span']);
        const open =
          tag === 'a'
            ? `<a href="/archive/${a}">`
            : tag === 'span'
              ? '<span class="hl">'
              : `<${tag}>`;
        words[a] = open + words[a];
        words[b] = words[b] + `</${tag}>`;
        s = words.join(' ');
      }
      parts.push(s);
    }
    return parts.join(this.rand() < 0.5 ? ' ' : '\n        ');
  }

  page(): string {
    const out: string[] = [
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The long history of the valley</title>',
      '<style>body{font:18px Georgia,serif}.ad{min-height:250px}.sr-only{position:absolute}</style>',
      `<script type="application/ld+json">{"@type":"NewsArticle","headline":"The long history"}</script>`,
      '</head><body><header><a href="/">The Northern Review</a><nav><ul>',
      '<li><a href="/news">News</a></li><li><a href="/essays">Essays</a></li><li><a href="/archive">Archive</a></li>',
      '</ul></nav></header><main><article><h1>The long history of the valley</h1>',
      '<p class="byline">By <a href="/authors/m">Margaret Ellery</a> · 14 March 2023</p>',
    ];
    let size = out.join('').length;
    let paragraphs = 0;
    while (size < TARGET_BYTES) {
      let block: string;
      const r = this.rand();
      if (paragraphs % 9 === 8) block = `<h2>${this.sentence().slice(0, 60)}</h2>`;
      else if (r < 0.04) block = `<blockquote><p>${this.paragraph()}</p></blockquote>`;
      else if (r < 0.07) {
        block = `<ul>${[0, 1, 2, 3].map(() => `<li>${this.sentence()}</li>`).join('\n')}</ul>`;
      } else if (r < 0.09) {
        block = `<figure><img src="/i/${paragraphs}.jpg" alt=""><figcaption>${this.sentence()}</figcaption></figure>`;
      } else if (r < 0.1) {
        block = `<div class="ad" style="display:none"><p>${this.sentence()}</p></div><script>loadAd(${paragraphs})</script>`;
      } else block = `<p>${this.paragraph()}</p>`;
      out.push('\n      ' + block);
      size += block.length + 7;
      paragraphs += 1;
    }
    out.push('</article></main><footer><p>© 2023 The Northern Review</p></footer></body></html>');
    return out.join('');
  }
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
}

/** Median time of `runs` runs after one warm-up. */
function median(runs: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(time(fn)[1]);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

interface Counts {
  correct: number;
  orphanCorrect: number;
  wrong: number;
  missed: number;
}

function judgeAll(doc: Document, index: TextIndex, results: (AnchorResult | null)[]): Counts {
  const counts: Counts = { correct: 0, orphanCorrect: 0, wrong: 0, missed: 0 };
  const byId = new Map<number, Element[]>();
  for (const m of doc.querySelectorAll('x-m')) {
    const id = Number(m.getAttribute('data-p'));
    byId.set(id, [...(byId.get(id) ?? []), m]);
  }
  results.forEach((found, id) => {
    const ms = byId.get(id);
    let expected: { start: number; end: number } | null = null;
    if (ms && ms.length > 0) {
      const r = doc.createRange();
      r.setStartBefore(ms[0]!);
      r.setEndAfter(ms[ms.length - 1]!);
      expected = index.offsetsOf(r);
    }
    if (!found) {
      if (expected) counts.missed += 1;
      else counts.orphanCorrect += 1;
      return;
    }
    if (!expected) {
      counts.wrong += 1;
      return;
    }
    const overlap = Math.min(expected.end, found.end) - Math.max(expected.start, found.start);
    const union = Math.max(expected.end, found.end) - Math.min(expected.start, found.start);
    if (overlap / union >= 0.5) counts.correct += 1;
    else counts.wrong += 1;
  });
  return counts;
}

function quoteOf(selectors: Selector[]): TextQuoteSelector {
  return selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector')!;
}

async function linkedomRows(html: string, list: Selector[][]): Promise<BenchRow[]> {
  let parseHTML: ((html: string) => { document: Document }) | undefined;
  try {
    // Not a dependency of the project: comes with wxt. Skipped when it cannot be loaded.
    const name = 'linkedom';
    const mod = (await import(/* @vite-ignore */ name)) as { parseHTML?: typeof parseHTML };
    parseHTML = mod.parseHTML;
  } catch {
    return [];
  }
  if (!parseHTML) return [];
  const { document } = parseHTML(html);
  const build = median(3, () => buildTextIndex(document.body));
  const locate = median(3, () => createAnchorer(document.body).locateMany(list));
  const note = 'linkedom: a DOM without a browser (it has no Range.setStart, so offsets only)';
  return [
    { suite: SUITE, name: 'linkedom: index build', value: round(build), unit: 'ms', note },
    {
      suite: SUITE,
      name: 'linkedom: locate 1,000 passages',
      value: round(locate),
      unit: 'ms',
      target: 300,
      note,
    },
  ];
}

export const anchoringBench: BenchSuite = {
  suite: SUITE,
  async run(): Promise<BenchRow[]> {
    const rand = rng(20230314);
    const writer = new PageWriter(rand);
    const html1 = writer.page();

    const [dom1, parse1] = time(() => new JSDOM(html1));
    const doc1 = dom1.window.document;
    const anchorer1 = createAnchorer(doc1.body);
    const index1 = anchorer1.index;

    // 1,000 passages inside paragraphs, at word boundaries: 20 % short, 60 % sentences, 20 % long.
    const paragraphs = [...doc1.querySelectorAll('article > p')];
    const spans: Array<[number, number]> = [];
    const used = new Set<number>();
    while (spans.length < PASSAGES && used.size < paragraphs.length) {
      const k = Math.floor(rand() * paragraphs.length);
      if (used.has(k)) continue;
      used.add(k);
      const r = doc1.createRange();
      r.selectNodeContents(paragraphs[k]!);
      const o = index1.offsetsOf(r);
      if (!o) continue;
      const kind = rand();
      const want =
        kind < 0.2 ? 10 + rand() * 20 : kind < 0.8 ? 40 + rand() * 120 : 160 + rand() * 240;
      let s = o.start + Math.floor(rand() * Math.max(1, o.end - o.start - want));
      while (s > o.start && index1.text[s - 1] !== ' ') s--;
      let e = Math.min(o.end, s + Math.round(want));
      while (e < o.end && index1.text[e] !== ' ') e++;
      if (e - s >= 8) spans.push([s, e]);
    }
    const [list, describeMs] = time(() =>
      spans.map(([s, e]) => anchorer1.describe(index1.toRange(s, e))),
    );

    // The same passages on the unchanged page (recorded positions hold).
    const unchangedMs = median(3, () => createAnchorer(doc1.body).anchorMany(list));

    // Second version of the page: marked passages, then inserted paragraphs, edits, deletions.
    for (let i = spans.length - 1; i >= 0; i--) wrapRange(doc1, index1.toRange(...spans[i]!), i);
    const html2Base = '<!doctype html>' + doc1.documentElement.outerHTML;
    dom1.window.close();
    const [dom2, parse2] = time(() => new JSDOM(html2Base));
    const doc2 = dom2.window.document;
    const blocks = [...doc2.querySelectorAll('article > p, article > h2, article > ul')];
    for (let i = 0; i < 120; i++) {
      const b = writer.pick(blocks);
      const p = doc2.createElement('p');
      p.innerHTML = writer.paragraph();
      b.parentNode!.insertBefore(p, b);
    }
    const ids = spans.map((_, i) => i).sort(() => rand() - 0.5);
    for (const id of ids.slice(0, 100)) {
      // A small edit inside the passage: one word replaced.
      const ms = [...doc2.querySelectorAll(`x-m[data-p="${id}"]`)];
      const t = ms[Math.floor(ms.length / 2)]?.firstChild;
      if (!t || t.nodeType !== 3) continue;
      const text = t as Text;
      const words = [...text.data.matchAll(/[A-Za-z]{4,}/g)];
      const w = words[Math.floor(rand() * words.length)];
      if (!w) continue;
      text.data =
        text.data.slice(0, w.index) + writer.pick(RARE) + text.data.slice(w.index + w[0].length);
    }
    for (const id of ids.slice(100, 150)) {
      for (const m of doc2.querySelectorAll(`x-m[data-p="${id}"]`)) m.remove();
    }
    const html2 = '<!doctype html>' + doc2.documentElement.outerHTML;

    const buildMs = median(3, () => buildTextIndex(doc2.body));
    // Offsets only: index build + matching, no DOM Range.
    const locateMs = median(11, () => createAnchorer(doc2.body).locateMany(list));
    // The whole job: live DOM Ranges for every passage found.
    let anchorer2 = createAnchorer(doc2.body);
    let results = anchorer2.anchorMany(list);
    const anchorMs = median(3, () => {
      anchorer2 = createAnchorer(doc2.body);
      results = anchorer2.anchorMany(list);
    });
    const located = anchorer2.locateMany(list);
    const rangesMs = median(3, () => {
      for (const r of located) if (r) anchorer2.index.toRange(r.start, r.end);
    });
    const text2 = anchorer2.index.text;
    const quotes = list.map((s) => quoteOf(s));
    let baselineFound = 0;
    const baselineMs = median(11, () => {
      baselineFound = 0;
      for (const q of quotes) if (text2.indexOf(q.exact) >= 0) baselineFound += 1;
    });
    const counts = judgeAll(doc2, anchorer2.index, results);
    const methods = results.reduce<Record<string, number>>((acc, r) => {
      const k = r ? r.method : 'orphan';
      acc[k] = (acc[k] ?? 0) + 1;
      return acc;
    }, {});
    dom2.window.close();

    const page = `${Math.round(html2.length / 1024)} KB HTML, ${Math.round(text2.length / 1024)} K chars of text`;
    const how = Object.entries(methods)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    const rows: BenchRow[] = [
      {
        suite: SUITE,
        name: 'page size',
        value: Math.round(html2.length / 1024),
        unit: 'KB',
        note: page,
      },
      {
        suite: SUITE,
        name: 'jsdom parse of the page',
        value: round((parse1 + parse2) / 2),
        unit: 'ms',
        note: 'context, not part of anchoring',
      },
      {
        suite: SUITE,
        name: 'index build (jsdom)',
        value: round(buildMs),
        unit: 'ms',
        note: 'one DOM walk: normalised text + offset map',
      },
      {
        suite: SUITE,
        name: 'locate 1,000 passages (offsets)',
        value: round(locateMs),
        unit: 'ms',
        target: 300,
        note: `createAnchorer + locateMany on the edited page (index build included, no DOM Range); ${how}`,
      },
      {
        suite: SUITE,
        name: 'anchor 1,000 passages (jsdom Ranges)',
        value: round(anchorMs),
        unit: 'ms',
        target: 300,
        note: 'createAnchorer + anchorMany: the same plus a live DOM Range per passage found',
      },
      {
        suite: SUITE,
        name: '  of which jsdom Range creation',
        value: round(rangesMs),
        unit: 'ms',
        note: 'jsdom compares boundary points by walking to the end of the document (browsers: by tree position)',
      },
      {
        suite: SUITE,
        name: 'anchor 1,000 passages, unchanged page',
        value: round(unchangedMs),
        unit: 'ms',
        target: 300,
        note: 'recorded positions hold; with Ranges',
      },
      {
        suite: SUITE,
        name: 'baseline: indexOf of each quote',
        value: round(baselineMs),
        unit: 'ms',
        note: `plain exact match over the same text, same run; finds ${baselineFound}/${quotes.length}, checks no context, no edits`,
      },
      {
        suite: SUITE,
        name: 'describe 1,000 passages',
        value: round(describeMs),
        unit: 'ms',
        note: 'selectors from Ranges, one index',
      },
      {
        suite: SUITE,
        name: 'correct',
        value: counts.correct,
        unit: 'count',
        note: '850 unchanged, 100 edited in place',
      },
      {
        suite: SUITE,
        name: 'orphan-correct',
        value: counts.orphanCorrect,
        unit: 'count',
        note: '50 passages deleted',
      },
      { suite: SUITE, name: 'wrong', value: counts.wrong, unit: 'count', target: 0 },
      { suite: SUITE, name: 'missed', value: counts.missed, unit: 'count' },
    ];
    rows.push(...(await linkedomRows(html2, list)));
    rows.push(...insertionCaseRows(SUITE));
    return rows;
  },
};
