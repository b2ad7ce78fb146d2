/**
 * The cases of the anchoring corpus (see corpus.test.ts), importable for debugging one run.
 */
import { appendFileSync } from 'node:fs';
import {
  FIXTURES,
  article,
  articleSpan,
  buildTextIndex,
  changeMarkup,
  createAnchorer,
  cutToTeaser,
  deletePassages,
  describeAndMark,
  editPassages,
  emptyTally,
  expectedSpan,
  fixtureHtml,
  insertParagraphs,
  insertSentences,
  isCjk,
  judge,
  moveParagraphs,
  page,
  pickSpans,
  record,
  reflowWhitespace,
  repeatPhrases,
  rewritePassages,
  rng,
  shuffle,
  similarElsewhere,
  storedCopy,
  type Lang,
  type Passage,
  type Rand,
  type Tally,
} from './harness';
import type { AnchorResult, TextIndex } from '../../../lib/anchoring';
import { editDistance } from '../../../lib/anchoring/match';

export const LANGS = Object.keys(FIXTURES) as Lang[];
/** Seeds per page and case (ANCHORING_SEEDS=20 for a longer hunt for wrong anchors). */
export const SEEDS = Number(process.env.ANCHORING_SEEDS ?? 3);

/** The random seed of run `seed` of case number `c` on the page in `lang`. */
export function caseSeed(c: number, lang: Lang, seed: number): number {
  return 1000 * c + 17 * seed + LANGS.indexOf(lang);
}

interface Edited {
  /** Passages that must come back as orphans whatever their markers say. */
  orphans?: number[];
  /** A different document to anchor in (stored copy). */
  doc?: Document;
}

export interface CaseDef {
  name: string;
  /** Changes the original page before passages are picked; returns phrases for `spans`. */
  prepare?(doc: Document, rand: Rand, lang: Lang): string[];
  spans(
    index: TextIndex,
    region: [number, number],
    rand: Rand,
    lang: Lang,
    prepared: string[],
  ): Array<[number, number]>;
  edit(doc: Document, rand: Rand, lang: Lang, passages: Passage[], original: string): Edited | void;
  /** Misses tolerated (reported, not failed). */
  allowMisses?: boolean;
  /** A passage that lost part of its text (cut off) may anchor to the rest or be an orphan. */
  partialIsEither?: boolean;
  /** Share of the union an anchor must overlap to be correct (see `judge`). Default 0.5. */
  minOverlap?: number;
}

/** Short phrases, sentences and long passages across paragraphs. */
function mixedSpans(
  index: TextIndex,
  region: [number, number],
  rand: Rand,
  lang: Lang,
): Array<[number, number]> {
  const cjk = isCjk(lang);
  const taken: Array<[number, number]> = [];
  const add = (count: number, min: number, max: number): void => {
    taken.push(...pickSpans(index, region, rand, lang, { count, min, max }, taken));
  };
  add(3, cjk ? 60 : 150, cjk ? 160 : 400);
  add(6, cjk ? 15 : 30, cjk ? 50 : 120);
  add(5, cjk ? 3 : 8, cjk ? 8 : 25);
  return taken.sort((a, b) => a[0] - b[0]);
}

function sentenceSpans(
  index: TextIndex,
  region: [number, number],
  rand: Rand,
  lang: Lang,
): Array<[number, number]> {
  const cjk = isCjk(lang);
  return pickSpans(index, region, rand, lang, {
    count: 14,
    min: cjk ? 20 : 40,
    max: cjk ? 100 : 250,
  });
}

/** Occurrences of phrases that the article already repeats, plus random short phrases. */
function repeatedSpans(
  index: TextIndex,
  region: [number, number],
  rand: Rand,
  lang: Lang,
): Array<[number, number]> {
  const text = index.text;
  const [lo, hi] = region;
  const seen = new Map<string, number[]>();
  const n = isCjk(lang) ? 6 : 0;
  for (let i = lo; i < hi; i++) {
    let e: number;
    if (isCjk(lang)) {
      e = i + n;
    } else {
      if (i > 0 && text[i - 1] !== ' ') continue;
      e = i;
      for (let w = 0; w < 3 && e < hi; w++) {
        e = text.indexOf(' ', e + 1);
        if (e < 0) e = hi;
      }
    }
    if (e > hi) break;
    const key = text.slice(i, e);
    if (!/\p{L}/u.test(key[0] ?? '')) continue;
    seen.set(key, [...(seen.get(key) ?? []), i]);
  }
  const taken: Array<[number, number]> = [];
  const repeated = shuffle(
    rand,
    [...seen.entries()].filter(([, at]) => at.length >= 2),
  );
  for (const [key, at] of repeated.slice(0, 6)) {
    const s = at[Math.floor(rand() * at.length)]!;
    const e = s + key.length;
    if (taken.some(([a, b]) => s < b + 2 && a < e + 2)) continue;
    taken.push([s, e]);
  }
  const cjk = isCjk(lang);
  taken.push(
    ...pickSpans(
      index,
      region,
      rand,
      lang,
      { count: 8, min: cjk ? 3 : 8, max: cjk ? 8 : 25 },
      taken,
    ),
  );
  return taken.sort((a, b) => a[0] - b[0]);
}

function some(rand: Rand, passages: Passage[], ratio: number): number[] {
  return shuffle(
    rand,
    passages.map((p) => p.id),
  ).slice(0, Math.max(1, Math.round(passages.length * ratio)));
}

export const CASES: CaseDef[] = [
  {
    name: 'unchanged page',
    spans: mixedSpans,
    edit: () => {},
  },
  {
    name: 'crossing element boundaries',
    spans: (index, region, rand, lang) => {
      const cjk = isCjk(lang);
      const taken = pickSpans(index, region, rand, lang, {
        count: 8,
        min: cjk ? 4 : 10,
        max: cjk ? 40 : 80,
        crossing: true,
      });
      taken.push(
        ...pickSpans(
          index,
          region,
          rand,
          lang,
          { count: 6, min: cjk ? 40 : 100, max: cjk ? 120 : 300, crossing: true },
          taken,
        ),
      );
      return taken.sort((a, b) => a[0] - b[0]);
    },
    // Text added at the top: positions no longer hold, the quotes must be found.
    edit: (doc, rand, lang) => insertParagraphs(doc, rand, lang, 0),
  },
  {
    name: 'inline markup added/removed',
    spans: mixedSpans,
    edit: (doc, rand, lang) => changeMarkup(doc, rand, lang),
  },
  {
    name: 'whitespace reflowed',
    spans: mixedSpans,
    edit: (doc, rand) => reflowWhitespace(doc, rand),
  },
  {
    name: 'text inserted before/between',
    spans: mixedSpans,
    edit: (doc, rand, lang, passages) => {
      insertParagraphs(doc, rand, lang, 4);
      insertSentences(
        doc,
        rand,
        lang,
        6,
        passages.map((p) => p.id),
      );
    },
  },
  {
    name: 'small edits inside passage',
    spans: sentenceSpans,
    edit: (doc, rand, lang, passages, original) => {
      editPassages(
        doc,
        rand,
        lang,
        passages.map((p) => p.id),
        original,
      );
    },
  },
  {
    name: 'passage deleted',
    spans: mixedSpans,
    edit: (doc, rand, _lang, passages) => {
      const gone = some(rand, passages, 0.5);
      deletePassages(doc, gone);
      return { orphans: gone };
    },
  },
  {
    name: 'deleted, similar words elsewhere',
    spans: mixedSpans,
    edit: (doc, rand, lang, passages) => {
      const ids = passages.map((p) => p.id);
      deletePassages(doc, ids);
      for (const p of passages) similarElsewhere(doc, rand, lang, p.quote);
      return { orphans: ids };
    },
  },
  {
    name: 'rewritten beyond recognition',
    spans: (index, region, rand, lang) =>
      pickSpans(index, region, rand, lang, {
        count: 14,
        min: isCjk(lang) ? 10 : 25,
        max: isCjk(lang) ? 80 : 200,
      }),
    edit: (doc, rand, lang, passages) => {
      const gone = some(rand, passages, 0.5);
      rewritePassages(doc, rand, lang, gone);
      return { orphans: gone };
    },
  },
  {
    name: 'same words several times',
    spans: repeatedSpans,
    edit: (doc, rand, lang, passages) => {
      insertParagraphs(doc, rand, lang, 2);
      repeatPhrases(
        doc,
        rand,
        lang,
        passages.map((p) => p.quote),
      );
    },
  },
  {
    name: 'page cut to a teaser',
    spans: mixedSpans,
    partialIsEither: true,
    edit: (doc, _rand, lang) => cutToTeaser(doc, lang, 0.35),
  },
  {
    name: 'paragraphs moved',
    spans: (index, region, rand, lang) => {
      // Whole paragraphs (both contexts change when moved) and passages inside paragraphs.
      const doc = index.root.ownerDocument;
      const taken: Array<[number, number]> = [];
      const paragraphs = shuffle(rand, [...article(doc).querySelectorAll(':scope > p')]);
      for (const p of paragraphs.slice(0, 6)) {
        const r = doc.createRange();
        r.selectNodeContents(p);
        const o = index.offsetsOf(r);
        if (!o || (p.textContent ?? '').length < (isCjk(lang) ? 40 : 100)) continue;
        if (taken.some(([a, b]) => o.start < b + 14 && a < o.end + 14)) continue;
        taken.push([o.start, o.end]);
        if (taken.length >= 3) break;
      }
      taken.push(
        ...pickSpans(
          index,
          region,
          rand,
          lang,
          { count: 6, min: isCjk(lang) ? 6 : 15, max: isCjk(lang) ? 80 : 200, withinBlock: true },
          taken,
        ),
      );
      return taken.sort((a, b) => a[0] - b[0]);
    },
    edit: (doc, rand, _lang, passages) =>
      moveParagraphs(
        doc,
        rand,
        passages.map((p) => p.id),
      ),
  },
  {
    name: 'stored copy of the article',
    spans: mixedSpans,
    edit: (doc) => ({ doc: storedCopy(doc) }),
  },
  {
    name: 'everything at once',
    spans: mixedSpans,
    allowMisses: true,
    edit: (doc, rand, lang, passages, original) => {
      const ids = passages.map((p) => p.id);
      const gone = some(rand, passages, 0.25);
      const kept = ids.filter((id) => !gone.includes(id));
      editPassages(
        doc,
        rand,
        lang,
        kept.filter(() => rand() < 0.4),
        original,
      );
      deletePassages(doc, gone);
      for (const id of gone) similarElsewhere(doc, rand, lang, passages[id]!.quote);
      insertParagraphs(doc, rand, lang, 3);
      insertSentences(doc, rand, lang, 4, kept);
      changeMarkup(doc, rand, lang);
      reflowWhitespace(doc, rand);
      return { orphans: gone };
    },
  },
];

export const tallies = new Map<string, Tally>();
export const failures: string[] = [];

export interface RunDetail {
  passage: Passage;
  found: AnchorResult | null;
  expected: [number, number] | null;
  text: string;
}

export function runCase(
  def: CaseDef,
  lang: Lang,
  seed: number,
  inspect?: (d: RunDetail) => void,
): Tally {
  const rand = rng(seed);
  const docA = page(fixtureHtml(lang));
  const rootA = docA.body;
  const prepared = def.prepare?.(docA, rand, lang) ?? [];
  const indexA = buildTextIndex(rootA);
  const region = articleSpan(indexA, docA);
  const spans = def.spans(indexA, region, rand, lang, prepared);
  const passages = describeAndMark(docA, rootA, spans);
  const original = indexA.text.slice(...region);

  let docB = page('<!doctype html>' + docA.documentElement.outerHTML);
  const edited = def.edit(docB, rand, lang, passages, original) ?? {};
  const orphans = new Set(edited.orphans ?? []);
  let rootB: Element = docB.body;
  const opened = [docA, docB];
  if (edited.doc) {
    docB = edited.doc;
    opened.push(docB);
    rootB = article(docB);
  }
  const anchorer = createAnchorer(rootB);
  const results = anchorer.anchorMany(passages.map((p) => p.selectors));
  const tally = emptyTally();
  passages.forEach((p, i) => {
    const found = results[i] ?? null;
    const expected = orphans.has(p.id) ? null : expectedSpan(anchorer.index, docB, p.id);
    let kind: 'present' | 'orphan' | 'either' = expected ? 'present' : 'orphan';
    const kept = expected ? (expected[1] - expected[0]) / (p.end - p.start) : 0;
    // A passage that lost or changed over a fifth of its text is past "small edits": either an
    // anchor on what is left or an orphan is right.
    const now = expected ? anchorer.index.text.slice(...expected) : '';
    const changed = expected ? editDistance(p.quote, now, p.quote.length) / p.quote.length : 1;
    if (expected && (kept < 0.8 || changed > 0.2 || (def.partialIsEither && kept < 0.98))) {
      kind = 'either';
    }
    const judged = judge(anchorer.index, kind, expected, found, def.minOverlap);
    record(tally, judged, found);
    if (judged.outcome === 'wrong' || judged.outcome === 'missed') {
      const line = `[${def.name} / ${lang}] seed ${seed} #${p.id} ${JSON.stringify(p.quote)}: ${judged.detail}`;
      failures.push(line);
      if (process.env.ANCHORING_FAILURES)
        appendFileSync(process.env.ANCHORING_FAILURES, line + '\n');
    }
    inspect?.({ passage: p, found, expected, text: anchorer.index.text });
  });
  const total = tallies.get(def.name) ?? emptyTally();
  for (const key of ['total', 'correct', 'orphan-correct', 'wrong', 'missed'] as const)
    total[key] += tally[key];
  for (const [m, v] of Object.entries(tally.methods))
    total.methods[m] = (total.methods[m] ?? 0) + v;
  tallies.set(def.name, total);
  for (const doc of opened) doc.defaultView?.close();
  return tally;
}
