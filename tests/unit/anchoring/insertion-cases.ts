/**
 * Corpus cases for the two classes of issue 18: a repeated phrase after text was inserted before
 * one or both occurrences, and whole-paragraph passages after an element was inserted at their
 * blocks. Their anchors must also have the right boundaries, not only the right place.
 */
import type { TextIndex } from '../../../lib/anchoring';
import type { CaseDef } from './corpus-cases';
import { MIN_GAP, article, isCjk, shuffle, type Lang, type Rand } from './harness';
import { insertAtBlocks, insertBeforeRepeats, plantRepeats } from './insertions';

/** Case numbers of these cases for their seeds (see `caseSeed`), after the other cases'. */
export const INSERTION_CASE_BASE = 100;

/** An anchor must cover this much of the union with the passage's words (boundaries off by ~5 %). */
const BOUNDARY_OVERLAP = 0.95;

/** The second occurrence of each planted phrase (there are exactly two). */
function secondOccurrences(
  index: TextIndex,
  region: [number, number],
  phrases: string[],
): Array<[number, number]> {
  const text = index.text;
  const spans: Array<[number, number]> = [];
  for (const phrase of phrases) {
    const first = text.indexOf(phrase, region[0]);
    const second = first < 0 ? -1 : text.indexOf(phrase, first + 1);
    if (second < 0 || second + phrase.length > region[1]) continue;
    if (text.indexOf(phrase, second + 1) >= 0) continue;
    const end = second + phrase.length;
    if (spans.some(([a, b]) => second < b + MIN_GAP && a < end + MIN_GAP)) continue;
    spans.push([second, end]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/**
 * Whole paragraphs of the article, or runs of 2–3 consecutive paragraphs, as passages (the text
 * a reader selects by triple-click or by dragging over paragraphs).
 */
function paragraphSpans(
  index: TextIndex,
  rand: Rand,
  lang: Lang,
  several: boolean,
): Array<[number, number]> {
  const doc = index.root.ownerDocument;
  const minLength = isCjk(lang) ? 30 : 80;
  const spans: Array<[number, number]> = [];
  for (const p of shuffle(rand, [...article(doc).querySelectorAll(':scope > p')])) {
    let last = p;
    for (let k = several ? 1 + Math.floor(rand() * 2) : 0; k > 0; k--) {
      const next = last.nextElementSibling;
      if (next?.localName !== 'p') break;
      last = next;
    }
    if (several && last === p) continue;
    const r = doc.createRange();
    r.setStartBefore(p);
    r.setEndAfter(last);
    const o = index.offsetsOf(r);
    if (!o || o.end - o.start < minLength) continue;
    if (spans.some(([a, b]) => o.start < b + MIN_GAP && a < o.end + MIN_GAP)) continue;
    spans.push([o.start, o.end]);
    if (spans.length >= 5) break;
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/** Whole-paragraph passages (or runs of paragraphs), an element inserted at their blocks. */
function paragraphCase(name: string, several: boolean): CaseDef {
  return {
    name,
    spans: (index, _region, rand, lang) => paragraphSpans(index, rand, lang, several),
    minOverlap: BOUNDARY_OVERLAP,
    edit: (doc, rand, lang, passages) => insertAtBlocks(doc, rand, lang, passages),
  };
}

export const INSERTION_CASES: CaseDef[] = [
  {
    name: 'second of two occurrences, text inserted before',
    prepare: (doc, rand, lang) => plantRepeats(doc, rand, lang, 6),
    spans: (index, region, _rand, _lang, phrases) => secondOccurrences(index, region, phrases),
    minOverlap: BOUNDARY_OVERLAP,
    edit: (doc, rand, lang, passages) => insertBeforeRepeats(doc, rand, lang, passages),
  },
  paragraphCase('whole paragraph, element inserted at its block', false),
  paragraphCase('several paragraphs, element inserted at or between them', true),
];
