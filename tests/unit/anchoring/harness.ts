/**
 * Test harness for the anchoring corpus: real-looking article pages (tests/fixtures/anchoring),
 * passages picked at random (seeded) and described on the original page, then marked in the DOM
 * with `<x-m data-p="id">` wrappers so that every edit of the page carries the ground truth along.
 * Marker elements are inline and add no text, so they do not change the normalised text.
 */
import { readFileSync } from 'node:fs';
import search from 'approx-string-match';
import { JSDOM } from 'jsdom';
import { quoteWeight } from '../../../lib/anchoring/match';
import {
  buildTextIndex,
  createAnchorer,
  describeRange,
  type AnchorResult,
  type Selector,
  type TextIndex,
} from '../../../lib/anchoring';
import { random as rng } from '../../support/random';

export { rng };

export type Lang = 'en' | 'fr' | 'de' | 'ja' | 'ru';

export const FIXTURES: Record<Lang, string> = {
  en: 'en-mill-town.html',
  fr: 'fr-boulangerie.html',
  de: 'de-uhrmacher.html',
  ja: 'ja-kissaten.html',
  ru: 'ru-volga.html',
};

const fixtureDir = new URL('../../fixtures/anchoring/', import.meta.url);

export function fixtureHtml(lang: Lang): string {
  return readFileSync(new URL(FIXTURES[lang], fixtureDir), 'utf8');
}

export const FILLERS: Record<Lang, string[]> = JSON.parse(
  readFileSync(new URL('fillers.json', fixtureDir), 'utf8'),
) as Record<Lang, string[]>;

const PAYWALL: Record<Lang, string> = {
  en: 'Subscribe to The Northern Review to continue reading this essay.',
  fr: 'Abonnez-vous pour lire la suite de cet article.',
  de: 'Lesen Sie weiter mit einem Abonnement.',
  ja: '続きは会員登録のうえお読みください。',
  ru: 'Чтобы прочитать материал полностью, оформите подписку.',
};

export function isCjk(lang: Lang): boolean {
  return lang === 'ja';
}

export type Rand = () => number;

export function pick<T>(rand: Rand, list: readonly T[]): T {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new Error('pick from empty list');
  return item;
}

export function shuffle<T>(rand: Rand, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

export function page(html: string): Document {
  return new JSDOM(html).window.document;
}

export function article(doc: Document): Element {
  const el = doc.querySelector('article');
  if (!el) throw new Error('no article');
  return el;
}

/** Offsets of the article's text in an index of the body. */
export function articleSpan(index: TextIndex, doc: Document): [number, number] {
  const r = doc.createRange();
  r.selectNodeContents(article(doc));
  const o = index.offsetsOf(r);
  if (!o) throw new Error('article has no text');
  return [o.start, o.end];
}

const LETTER = /[\p{L}\p{N}]/u;
/** Characters kept between two picked passages. */
export const MIN_GAP = 14;

export interface SpanOptions {
  count: number;
  min: number;
  max: number;
  /** Only spans whose DOM range crosses an element boundary. */
  crossing?: boolean;
  /** Only spans inside one block (no paragraph crossing). */
  withinBlock?: boolean;
}

/** Random non-overlapping spans of the index text, at word boundaries (characters for CJK). */
export function pickSpans(
  index: TextIndex,
  region: [number, number],
  rand: Rand,
  lang: Lang,
  opts: SpanOptions,
  taken: Array<[number, number]> = [],
): Array<[number, number]> {
  const text = index.text;
  const [lo, hi] = region;
  const starts: number[] = [];
  for (let i = lo; i < hi; i++) {
    const ch = text[i]!;
    if (!LETTER.test(ch)) continue;
    if (isCjk(lang) || i === 0 || text[i - 1] === ' ') starts.push(i);
  }
  const spans: Array<[number, number]> = [];
  for (let attempt = 0; attempt < opts.count * 60 && spans.length < opts.count; attempt++) {
    const s = pick(rand, starts);
    const want = opts.min + Math.floor(rand() * (opts.max - opts.min + 1));
    let e = Math.min(hi, s + want);
    if (!isCjk(lang)) {
      while (e < hi && text[e] !== ' ') e++;
    }
    while (e > s && text[e - 1] === ' ') e--;
    if (e - s < opts.min * 0.8) continue;
    const clash = [...taken, ...spans].some(([a, b]) => s < b + MIN_GAP && a < e + MIN_GAP);
    if (clash) continue;
    if (opts.crossing || opts.withinBlock) {
      const range = index.toRange(s, e);
      const crosses = range.startContainer !== range.endContainer;
      if (opts.crossing && !crosses) continue;
      if (opts.withinBlock && blockOf(range.startContainer) !== blockOf(range.endContainer)) {
        continue;
      }
    }
    spans.push([s, e]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

const BLOCK_SELECTOR = 'p, h1, h2, h3, li, blockquote, figcaption, div, header, footer';

export function blockOf(node: Node): Element | null {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el ? el.closest(BLOCK_SELECTOR) : null;
}

/** Wraps the text nodes of `range` in `<x-m data-p=id>` markers. */
export function wrapRange(doc: Document, range: Range, id: number): void {
  const root = range.commonAncestorContainer;
  const nodes: Array<{ node: Text; s: number; e: number }> = [];
  const consider = (node: Text): void => {
    if (!range.intersectsNode(node)) return;
    const s = node === range.startContainer ? range.startOffset : 0;
    const e = node === range.endContainer ? range.endOffset : node.data.length;
    if (e <= s || node.data.slice(s, e).trim() === '') return;
    nodes.push({ node, s, e });
  };
  if (root.nodeType === 3) consider(root as Text);
  else {
    const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) consider(n as Text);
  }
  for (const { node, s, e } of nodes) {
    let target = node;
    if (e < node.data.length) node.splitText(e);
    if (s > 0) target = node.splitText(s);
    const mark = doc.createElement('x-m');
    mark.setAttribute('data-p', String(id));
    target.parentNode!.insertBefore(mark, target);
    mark.appendChild(target);
  }
}

export function markers(doc: Document, id: number): Element[] {
  return [...doc.querySelectorAll(`x-m[data-p="${id}"]`)];
}

export function markerText(doc: Document, id: number): string {
  return markers(doc, id)
    .map((m) => m.textContent ?? '')
    .join('');
}

/** Where the markers of passage `id` now are, in `index` offsets. */
export function expectedSpan(index: TextIndex, doc: Document, id: number): [number, number] | null {
  const ms = markers(doc, id).filter((m) => (m.textContent ?? '').trim() !== '');
  if (ms.length === 0) return null;
  const r = doc.createRange();
  r.setStartBefore(ms[0]!);
  r.setEndAfter(ms[ms.length - 1]!);
  const o = index.offsetsOf(r);
  return o ? [o.start, o.end] : null;
}

export interface Passage {
  id: number;
  start: number;
  end: number;
  quote: string;
  selectors: Selector[];
}

/** Describes spans of the original page, then marks them (in reverse order, so ranges stay valid). */
export function describeAndMark(
  doc: Document,
  root: Element,
  spans: Array<[number, number]>,
): Passage[] {
  const index = buildTextIndex(root);
  const passages = spans.map(([s, e], id) => {
    const selectors = describeRange(root, index.toRange(s, e));
    return { id, start: s, end: e, quote: index.text.slice(s, e), selectors };
  });
  for (let i = spans.length - 1; i >= 0; i--) {
    const [s, e] = spans[i]!;
    wrapRange(doc, index.toRange(s, e), i);
  }
  return passages;
}

// ---------------------------------------------------------------------------------------------
// Page edits. Each keeps markers meaningful: a marker wraps what is now the passage's text.

function textNodes(root: Node, filter: (t: Text) => boolean = () => true): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    const p = t.parentElement;
    if (p && p.closest('script, style, noscript, template, [hidden]')) continue;
    if (filter(t)) out.push(t);
  }
  return out;
}

const insideMarker = (t: Node): boolean => !!t.parentElement?.closest('x-m');

/** Is the DOM point strictly inside some passage (between its first and last marker)? */
export function insidePassage(doc: Document, node: Node, offset: number): boolean {
  const byId = new Map<string, Element[]>();
  for (const m of doc.querySelectorAll('x-m')) {
    const id = m.getAttribute('data-p') ?? '';
    byId.set(id, [...(byId.get(id) ?? []), m]);
  }
  for (const ms of byId.values()) {
    const first = ms[0]!;
    const last = ms[ms.length - 1]!;
    const r = doc.createRange();
    r.setStart(first, 0);
    r.setEnd(last, last.childNodes.length);
    if (r.comparePoint(node, offset) === 0) return true;
  }
  return false;
}

function indexIn(node: Node): number {
  return [...node.parentNode!.childNodes].indexOf(node as ChildNode);
}

/** Inserts `node` before or after `ref` unless that would put it inside a passage. */
function insertNear(doc: Document, ref: Node, node: Node, after: boolean): boolean {
  const parent = ref.parentNode!;
  const at = indexIn(ref) + (after ? 1 : 0);
  if (insidePassage(doc, parent, at)) return false;
  parent.insertBefore(node, after ? ref.nextSibling : ref);
  return true;
}

export function topBlocks(doc: Document): Element[] {
  return [
    ...article(doc).querySelectorAll(
      ':scope > p, :scope > h2, :scope > blockquote, :scope > ul, :scope > figure',
    ),
  ];
}

export function fillerParagraph(doc: Document, rand: Rand, lang: Lang, sentences = 2): Element {
  const p = doc.createElement('p');
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) parts.push(pick(rand, FILLERS[lang]));
  p.textContent = parts.join(isCjk(lang) ? '' : ' ');
  return p;
}

/** New paragraphs between existing blocks (and one at the top of the article). */
export function insertParagraphs(doc: Document, rand: Rand, lang: Lang, count: number): void {
  const blocks = topBlocks(doc);
  for (const b of blocks) {
    if (insertNear(doc, b, fillerParagraph(doc, rand, lang, 3), false)) break;
  }
  for (let i = 0, tries = 0; i < count && tries < 50; tries++) {
    const b = pick(rand, blocks);
    if (insertNear(doc, b, fillerParagraph(doc, rand, lang), rand() < 0.5)) i++;
  }
}

/** Splits `node` at `at` and puts `text` between the halves. */
function insertTextAt(node: Text, at: number, text: string): void {
  node.insertData(at, text);
}

/** Filler sentences inserted inside paragraphs, outside passages; some right next to passages. */
export function insertSentences(
  doc: Document,
  rand: Rand,
  lang: Lang,
  count: number,
  ids: number[],
): void {
  const sep = isCjk(lang) ? '' : ' ';
  const candidates = textNodes(article(doc), (t) => !insideMarker(t) && t.data.trim().length > 30);
  for (let i = 0; i < count && candidates.length > 0; i++) {
    const t = pick(rand, candidates);
    const spaces: number[] = [];
    for (let k = 1; k < t.data.length; k++) {
      const prev = t.data[k - 1]!;
      if (isCjk(lang) ? prev === '。' : prev === ' ' && /[.!?»“”]/.test(t.data[k - 2] ?? ''))
        spaces.push(k);
    }
    const at = spaces.length > 0 ? pick(rand, spaces) : -1;
    if (at < 0 || insidePassage(doc, t, at)) continue;
    insertTextAt(t, at, pick(rand, FILLERS[lang]) + sep);
  }
  // Right before or after some passages: their prefix or suffix changes.
  for (const id of ids) {
    const ms = markers(doc, id);
    if (ms.length === 0 || rand() < 0.5) continue;
    const before = rand() < 0.5;
    const m = before ? ms[0]! : ms[ms.length - 1]!;
    const filler = pick(rand, FILLERS[lang]);
    const node = doc.createTextNode(before ? filler + sep : sep + filler);
    m.parentNode!.insertBefore(node, before ? m : m.nextSibling);
  }
}

const REFLOW = ['\n        ', '  ', '\u00a0', ' \n', '\t'];

/** Re-indents and re-wraps text, adds `&nbsp;` and soft hyphens, strips or adds inter-block whitespace. */
export function reflowWhitespace(doc: Document, rand: Rand): void {
  for (const t of textNodes(doc.body)) {
    if (t.data.trim() === '') {
      if (rand() < 0.5) t.remove();
      else t.data = '\n\n      ';
      continue;
    }
    t.data = t.data
      .replace(/\s+/g, (ws) => (rand() < 0.3 ? pick(rand, REFLOW) : ws))
      .replace(/(\p{L}{4})(\p{L}{4})/gu, (all, a: string, b: string) =>
        rand() < 0.15 ? `${a}\u00ad${b}` : all,
      );
  }
  for (const b of topBlocks(doc)) {
    if (rand() < 0.3) b.parentNode!.insertBefore(doc.createTextNode('\n\n\t\t'), b);
  }
}

const INLINE_TAGS = ['em', 'strong', 'a', 'span', 'i', 'b', 'mark', 'abbr'];

/** Removes all inline markup of the article and adds new inline elements around random words. */
export function changeMarkup(doc: Document, rand: Rand, lang: Lang): void {
  for (const el of [...article(doc).querySelectorAll('a, em, strong, q, span, i, b')]) {
    const parent = el.parentNode!;
    while (el.firstChild) parent.insertBefore(el.firstChild, el);
    el.remove();
  }
  const nodes = textNodes(article(doc), (t) => t.data.trim().length > 12);
  for (const t of nodes) {
    if (rand() < 0.4) continue;
    const len = t.data.length;
    let s = Math.floor(rand() * len);
    let e = Math.min(len, s + 3 + Math.floor(rand() * 25));
    if (!isCjk(lang)) {
      while (s > 0 && t.data[s - 1] !== ' ') s--;
      while (e < len && t.data[e] !== ' ') e++;
    }
    if (e <= s) continue;
    const tail = e < len ? t.splitText(e) : null;
    const mid = s > 0 ? t.splitText(s) : t;
    const el = doc.createElement(pick(rand, INLINE_TAGS));
    if (el.localName === 'a') el.setAttribute('href', '/elsewhere');
    mid.parentNode!.insertBefore(el, mid);
    el.appendChild(mid);
    void tail;
  }
}

function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}]+/u).filter((w) => w.length >= 3);
}

/**
 * Small edits inside passages: a word replaced, removed or added, or a typo; at most ~10 % of the
 * passage's characters.
 */
export function editPassages(
  doc: Document,
  rand: Rand,
  lang: Lang,
  ids: number[],
  vocabulary: string,
): void {
  const vocab = isCjk(lang)
    ? [...FILLERS[lang].join('')].filter((c) => /\p{L}/u.test(c))
    : wordsOf(vocabulary);
  for (const id of ids) {
    const total = markerText(doc, id).length;
    let budget = Math.max(2, Math.floor(total * 0.1));
    const edits = 1 + Math.floor(rand() * 2);
    for (let k = 0; k < edits && budget > 1; k++) {
      const nodes = markers(doc, id).flatMap((m) => textNodes(m, (t) => t.data.trim().length > 3));
      if (nodes.length === 0) break;
      const t = pick(rand, nodes);
      const data = t.data;
      if (isCjk(lang)) {
        const at = Math.floor(rand() * data.length);
        const n = Math.min(budget, 1 + Math.floor(rand() * 2));
        const repl = Array.from({ length: n }, () => pick(rand, vocab)).join('');
        t.data =
          rand() < 0.5
            ? data.slice(0, at) + repl + data.slice(at + n)
            : data.slice(0, at) + repl + data.slice(at);
        budget -= n;
        continue;
      }
      const words = [...data.matchAll(/\p{L}{3,}/gu)];
      if (words.length === 0) continue;
      const w = pick(rand, words);
      const at = w.index;
      const word = w[0];
      const kind = Math.floor(rand() * 4);
      if (kind === 0 && word.length + 1 <= budget) {
        // Word removed (with the space after it).
        t.data =
          data.slice(0, at) +
          data.slice(at + word.length + (data[at + word.length] === ' ' ? 1 : 0));
        budget -= word.length + 1;
      } else if (kind === 1) {
        // Typo: two letters swapped.
        const i = Math.floor(rand() * (word.length - 1));
        const typo = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
        t.data = data.slice(0, at) + typo + data.slice(at + word.length);
        budget -= 2;
      } else {
        const other = vocab.filter(
          (v) => Math.abs(v.length - word.length) <= 2 && v.length <= budget,
        );
        if (other.length === 0) continue;
        const repl = pick(rand, other);
        if (kind === 2) {
          t.data = data.slice(0, at) + repl + data.slice(at + word.length); // word replaced
        } else {
          t.data = data.slice(0, at) + repl + ' ' + data.slice(at); // word added
        }
        budget -= repl.length + 1;
      }
    }
  }
}

/** Removes passages (their markers and text); drops paragraphs left empty. */
export function deletePassages(doc: Document, ids: number[]): void {
  for (const id of ids) {
    for (const m of markers(doc, id)) {
      const block = m.closest('p, li, h2, blockquote');
      m.remove();
      if (block && (block.textContent ?? '').trim() === '') block.remove();
    }
  }
}

/** A paragraph far from the passage, holding a similar (or, if short, identical) copy of it. */
export function similarElsewhere(doc: Document, rand: Rand, lang: Lang, quote: string): void {
  let copy = quote;
  // Short passages get a verbatim copy (it must not be taken for them); longer ones a copy with a
  // word changed — a verbatim copy of a long passage is the passage moved, and is found.
  if (quoteWeight(quote) >= 40) {
    if (isCjk(lang)) {
      const at = Math.floor(quote.length / 2);
      copy = quote.slice(0, at) + '新しい' + quote.slice(at + 2);
    } else {
      // A word inside the passage (not at its ends, where "de" → "deux" would keep it verbatim).
      const words = quote.split(' ');
      const i = 1 + Math.floor(rand() * Math.max(1, words.length - 2));
      const others = wordsOf(FILLERS[lang].join(' ')).filter((w) => w !== words[i]);
      words[i] = pick(rand, others);
      copy = words.join(' ');
    }
    if (copy.includes(quote)) throw new Error('similar copy must differ from the passage');
  }
  const blocks = topBlocks(doc);
  const p = doc.createElement('p');
  const sep = isCjk(lang) ? '' : ' ';
  p.textContent = pick(rand, FILLERS[lang]) + sep + copy + sep + pick(rand, FILLERS[lang]);
  for (let tries = 0; tries < 50; tries++) {
    if (insertNear(doc, pick(rand, blocks), p, true)) return;
  }
}

/** Replaces passages with other text: a filler sentence, or their own words shuffled. */
export function rewritePassages(doc: Document, rand: Rand, lang: Lang, ids: number[]): void {
  for (const id of ids) {
    const ms = markers(doc, id);
    if (ms.length === 0) continue;
    const old = markerText(doc, id);
    let replacement: string;
    if (rand() < 0.5) {
      replacement = pick(rand, FILLERS[lang]);
    } else if (isCjk(lang)) {
      const chunks = old.match(/.{1,2}/gsu) ?? [];
      replacement = shuffle(rand, chunks).join('');
    } else {
      replacement = shuffle(rand, old.split(/\s+/)).join(' ');
    }
    // Beyond recognition: more than half of the passage's characters would have to change.
    const best = search(replacement, old, old.length)[0];
    if (best && best.errors <= old.length / 2) replacement = pick(rand, FILLERS[lang]);
    const first = ms[0]!;
    first.parentNode!.insertBefore(doc.createTextNode(replacement), first);
    for (const m of ms) m.remove();
  }
}

/** Copies of short passages in other places (and in their own paragraph). */
export function repeatPhrases(doc: Document, rand: Rand, lang: Lang, quotes: string[]): void {
  const sep = isCjk(lang) ? '' : ' ';
  const blocks = topBlocks(doc).filter((b) => b.localName === 'p');
  for (const quote of quotes) {
    for (let k = 0, tries = 0; k < 3 && tries < 50; tries++) {
      const b = pick(rand, blocks);
      if (insidePassage(doc, b, b.childNodes.length)) continue;
      const sentence = `${pick(rand, FILLERS[lang])}${sep}${quote}${isCjk(lang) ? '。' : '.'}`;
      b.appendChild(doc.createTextNode(sep + sentence));
      k++;
    }
  }
}

/** Keeps the first `ratio` of the article's blocks and appends a paywall notice. */
export function cutToTeaser(doc: Document, lang: Lang, ratio: number): void {
  const blocks = topBlocks(doc);
  const keep = Math.max(2, Math.floor(blocks.length * ratio));
  const cut = blocks[keep];
  if (!cut) return;
  for (let n: ChildNode | null = cut; n;) {
    const next: ChildNode | null = n.nextSibling;
    n.remove();
    n = next;
  }
  const p = doc.createElement('p');
  p.className = 'paywall';
  p.textContent = PAYWALL[lang];
  article(doc).appendChild(p);
}

/** Moves the paragraphs holding `ids` to other places in the article. */
export function moveParagraphs(doc: Document, rand: Rand, ids: number[]): void {
  for (const id of ids) {
    const m = markers(doc, id)[0];
    const block = m?.closest('p');
    if (!block) continue;
    const blocks = topBlocks(doc).filter((b) => b !== block);
    const idx = topBlocks(doc).indexOf(block);
    const far = blocks.filter((_, i) => Math.abs(i - idx) > 3);
    for (let tries = 0; tries < 50; tries++) {
      const target = pick(rand, far.length > 0 ? far : blocks);
      if (insertNear(doc, target, block, rand() < 0.5)) break;
    }
  }
}

/** A stored copy of the article, as the library keeps it: cleaned, in a document of its own. */
export function storedCopy(doc: Document): Document {
  const art = article(doc).cloneNode(true) as Element;
  for (const el of [
    ...art.querySelectorAll('script, style, noscript, template, [hidden], aside, figure'),
  ])
    el.remove();
  for (const el of [...art.querySelectorAll('[style]')]) {
    if (/display\s*:\s*none/i.test(el.getAttribute('style') ?? '')) el.remove();
  }
  for (const el of [...art.querySelectorAll('*')]) {
    el.removeAttribute('class');
    el.removeAttribute('style');
  }
  return page(
    `<!doctype html><html><body><div class="stored">${art.outerHTML}</div></body></html>`,
  );
}

// ---------------------------------------------------------------------------------------------
// Scoring.

export type Expect = 'present' | 'orphan' | 'either';
export type Outcome = 'correct' | 'orphan-correct' | 'wrong' | 'missed';

export interface Tally {
  total: number;
  correct: number;
  'orphan-correct': number;
  wrong: number;
  missed: number;
  methods: Record<string, number>;
}

export function emptyTally(): Tally {
  return { total: 0, correct: 0, 'orphan-correct': 0, wrong: 0, missed: 0, methods: {} };
}

export interface Judged {
  outcome: Outcome;
  detail: string;
}

/**
 * Correct = the anchor covers the passage's current words: overlap ≥ `minOverlap` of the union
 * (50 % by default: the right place; cases about boundaries ask for more).
 */
export function judge(
  index: TextIndex,
  expectKind: Expect,
  expected: [number, number] | null,
  found: AnchorResult | null,
  minOverlap = 0.5,
): Judged {
  const show = (s: number, e: number): string => JSON.stringify(index.text.slice(s, e));
  if (!found) {
    if (expectKind === 'present') {
      return { outcome: 'missed', detail: `missed ${expected ? show(...expected) : '?'}` };
    }
    return { outcome: 'orphan-correct', detail: '' };
  }
  const got = `${found.method} ${found.score} ${show(found.start, found.end)}`;
  if (expectKind === 'orphan' || !expected) {
    return { outcome: 'wrong', detail: `expected orphan, got ${got}` };
  }
  const [s, e] = expected;
  const overlap = Math.max(0, Math.min(e, found.end) - Math.max(s, found.start));
  const union = Math.max(e, found.end) - Math.min(s, found.start);
  if (overlap / union >= minOverlap) return { outcome: 'correct', detail: '' };
  return { outcome: 'wrong', detail: `expected ${show(s, e)}, got ${got}` };
}

export function record(tally: Tally, judged: Judged, found: AnchorResult | null): void {
  tally.total += 1;
  tally[judged.outcome] += 1;
  const method = found ? found.method : 'orphan';
  tally.methods[method] = (tally.methods[method] ?? 0) + 1;
}

export function formatTable(rows: Array<[string, Tally]>): string {
  const head = ['case', 'total', 'correct', 'orphan-correct', 'wrong', 'missed', 'methods'];
  const lines = rows.map(([name, t]) => [
    name,
    String(t.total),
    String(t.correct),
    String(t['orphan-correct']),
    String(t.wrong),
    String(t.missed),
    Object.entries(t.methods)
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
  ]);
  const all = [head, ...lines];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const fmt = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join(
    '\n',
  );
}

export { createAnchorer, buildTextIndex };
