/**
 * Page changes of the two classes that once gave wrong anchors: the same words twice with text
 * inserted before one or both occurrences, and elements inserted at the blocks of whole-paragraph
 * passages. Like the edits of `harness.ts`, they keep the markers meaningful.
 */
import { buildTextIndex, normalizeText } from '../../../lib/anchoring';
import {
  FILLERS,
  fillerParagraph,
  insertParagraphs,
  isCjk,
  markers,
  pick,
  topBlocks,
  type Lang,
  type Passage,
  type Rand,
} from './harness';

/** The label of a "read also" link that sites put between paragraphs. */
const READ_ALSO: Record<Lang, string> = {
  en: 'Read also:',
  fr: 'À lire aussi :',
  de: 'Lesen Sie auch:',
  ja: 'あわせて読みたい：',
  ru: 'Читайте также:',
};

/** A short label a site may put at the start of a paragraph. */
const LABEL: Record<Lang, string> = {
  en: 'Update',
  fr: 'Mise à jour',
  de: 'Aktualisiert',
  ja: '追記',
  ru: 'Обновлено',
};

function separator(lang: Lang): string {
  return isCjk(lang) ? '' : ' ';
}

/** The first `n` words (characters for CJK) of a text. */
function head(lang: Lang, text: string, n: number): string {
  return isCjk(lang) ? [...text].slice(0, n).join('') : text.split(' ').slice(0, n).join(' ');
}

/** The last `n` words (characters for CJK) of a text. */
function tail(lang: Lang, text: string, n: number): string {
  return isCjk(lang) ? [...text].slice(-n).join('') : text.split(' ').slice(-n).join(' ');
}

/** Words of a filler sentence without its final punctuation, as the end of a made-up sentence. */
function fillerWords(rand: Rand, lang: Lang, n: number): string {
  const words = head(lang, pick(rand, FILLERS[lang]).replace(/[.。!?]+$/u, ''), n * 2);
  return tail(lang, words, n);
}

/** A phrase of a paragraph's text: at its start (40 %) or from a random word on. */
function phraseOf(rand: Rand, lang: Lang, text: string): string {
  if (isCjk(lang)) {
    const chars = [...text];
    const len = 5 + Math.floor(rand() * 8);
    const at = rand() < 0.4 ? 0 : Math.floor(rand() * Math.max(1, chars.length - len));
    return chars
      .slice(at, at + len)
      .join('')
      .trim();
  }
  const words = text.split(' ');
  const len = 2 + Math.floor(rand() * 4);
  const at = rand() < 0.4 ? 0 : Math.floor(rand() * Math.max(1, words.length - len));
  return words.slice(at, at + len).join(' ');
}

/**
 * Makes phrases occur twice: for a phrase of a paragraph that occurs once in the page, a sentence
 * holding a copy of it goes at the end of one of the two paragraphs before. Half of the copies
 * follow the same words as the original does (a decoy sharing its prefix context). Returns the
 * phrases; the original of each is the second occurrence.
 */
export function plantRepeats(doc: Document, rand: Rand, lang: Lang, count: number): string[] {
  const sep = separator(lang);
  const phrases: string[] = [];
  const used = new Set<Element>();
  const paragraphs = topBlocks(doc).filter((b) => b.localName === 'p');
  for (let tries = 0; phrases.length < count && tries < count * 30; tries++) {
    const k = 2 + Math.floor(rand() * (paragraphs.length - 2));
    const target = paragraphs[k];
    const before = paragraphs[k - 1 - Math.floor(rand() * 2)];
    if (!target || !before || used.has(target) || used.has(before)) continue;
    const phrase = phraseOf(rand, lang, normalizeText(target.textContent ?? '', true));
    const text = buildTextIndex(doc.body).text;
    const at = text.indexOf(phrase);
    if (phrase.length < 6 || at < 0 || text.indexOf(phrase, at + 1) >= 0) continue;
    const shared = rand() < 0.5 ? tail(lang, text.slice(0, at).trimEnd(), isCjk(lang) ? 4 : 2) : '';
    const copy = [fillerWords(rand, lang, 4), shared, phrase, fillerWords(rand, lang, 3)]
      .filter((s) => s.length > 0)
      .join(sep);
    before.appendChild(doc.createTextNode(sep + copy + (isCjk(lang) ? '。' : '.')));
    used.add(target).add(before);
    phrases.push(phrase);
  }
  return phrases;
}

/** The block holding a passage's first or last marker. */
function blockOfMarker(marker: Element | undefined): Element | null {
  return marker?.closest('p, li, h2, blockquote') ?? null;
}

/** Whether the passage starts its block (nothing but spaces before it there). */
function startsBlock(doc: Document, block: Element, marker: Element): boolean {
  const r = doc.createRange();
  r.setStart(block, 0);
  r.setEndBefore(marker);
  return r.toString().trim() === '';
}

/** A "read also" line that begins with the passage's first two words. */
function readAlso(rand: Rand, lang: Lang, quote: string): string {
  const sep = separator(lang);
  return [READ_ALSO[lang], head(lang, quote, isCjk(lang) ? 3 : 2), fillerWords(rand, lang, 4)].join(
    sep,
  );
}

/**
 * Text inserted before the passages: an ad block right before the passage's paragraph, or a "read
 * also" line just before the passage sharing its first two words (both, sometimes), and a
 * paragraph at the top of the article, before both occurrences, on half of the pages.
 */
export function insertBeforeRepeats(
  doc: Document,
  rand: Rand,
  lang: Lang,
  passages: Passage[],
): void {
  if (rand() < 0.5) insertParagraphs(doc, rand, lang, 0);
  for (const { id, quote } of passages) {
    const m = markers(doc, id)[0];
    const block = blockOfMarker(m);
    if (!m || !block) continue;
    const mode = rand();
    if (mode < 0.65) {
      const ad = doc.createElement('div');
      ad.className = 'ad';
      ad.appendChild(fillerParagraph(doc, rand, lang, 1 + Math.floor(rand() * 3)));
      block.parentNode!.insertBefore(ad, block);
    }
    if (mode >= 0.35) {
      const line = readAlso(rand, lang, quote);
      if (startsBlock(doc, block, m)) {
        const p = doc.createElement('p');
        p.className = 'related';
        p.innerHTML = '<a href="/related"></a>';
        p.firstElementChild!.textContent = line;
        block.parentNode!.insertBefore(p, block);
      } else {
        const a = doc.createElement('a');
        a.href = '/related';
        a.textContent = line;
        m.parentNode!.insertBefore(a, m);
        m.parentNode!.insertBefore(doc.createTextNode(separator(lang)), m);
      }
    }
  }
}

/** A block a site may insert between paragraphs: an ad, a figure, a "read also" box, a subhead. */
function insertedBlock(doc: Document, rand: Rand, lang: Lang): Element {
  const kind = Math.floor(rand() * 4);
  if (kind === 0) {
    const ad = doc.createElement('div');
    ad.className = 'ad';
    ad.appendChild(fillerParagraph(doc, rand, lang, 1));
    return ad;
  }
  if (kind === 1) {
    const figure = doc.createElement('figure');
    figure.innerHTML = '<img src="/i/new.jpg" alt=""><figcaption></figcaption>';
    figure.querySelector('figcaption')!.textContent = pick(rand, FILLERS[lang]);
    return figure;
  }
  if (kind === 2) {
    const aside = doc.createElement('aside');
    aside.appendChild(doc.createElement('p')).textContent =
      READ_ALSO[lang] + separator(lang) + fillerWords(rand, lang, 6);
    return aside;
  }
  const h3 = doc.createElement('h3');
  h3.textContent = fillerWords(rand, lang, 5);
  return h3;
}

/** An inline element a site may put inside a paragraph: a label, a footnote mark, a link. */
function insertedInline(doc: Document, rand: Rand, lang: Lang): Element {
  const kind = Math.floor(rand() * 3);
  if (kind === 0) {
    const label = doc.createElement('strong');
    label.className = 'label';
    label.textContent = LABEL[lang] + (isCjk(lang) ? '：' : ':');
    return label;
  }
  if (kind === 1) {
    const sup = doc.createElement('sup');
    sup.innerHTML = '<a href="#note-1">1</a>';
    return sup;
  }
  const a = doc.createElement('a');
  a.href = '/related';
  a.textContent = READ_ALSO[lang] + separator(lang) + fillerWords(rand, lang, 4);
  return a;
}

/**
 * One element inserted at each passage's blocks: right before its first block, right after its
 * last, inside a block before or after its text, or between two of its paragraphs (then the
 * element's text is inside the passage, which covers it).
 */
export function insertAtBlocks(doc: Document, rand: Rand, lang: Lang, passages: Passage[]): void {
  const sep = separator(lang);
  for (const { id } of passages) {
    const ms = markers(doc, id);
    const first = blockOfMarker(ms[0]);
    const last = blockOfMarker(ms[ms.length - 1]);
    if (!first || !last) continue;
    const where = Math.floor(rand() * (first === last ? 4 : 5));
    if (where === 0) first.parentNode!.insertBefore(insertedBlock(doc, rand, lang), first);
    else if (where === 1)
      last.parentNode!.insertBefore(insertedBlock(doc, rand, lang), last.nextSibling);
    else if (where === 2) {
      first.insertBefore(doc.createTextNode(sep), first.firstChild);
      first.insertBefore(insertedInline(doc, rand, lang), first.firstChild);
    } else if (where === 3) {
      last.appendChild(doc.createTextNode(sep));
      last.appendChild(insertedInline(doc, rand, lang));
    } else {
      const next = first.nextElementSibling;
      if (next) first.parentNode!.insertBefore(insertedBlock(doc, rand, lang), next);
    }
  }
}
