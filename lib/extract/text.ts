/** Small text helpers shared by the extraction steps (no DOM, no dependencies). */

/** Collapses every run of whitespace (incl. no-break spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Normalises a multi-paragraph text: lines are whitespace-collapsed and trimmed, blank lines
 * between paragraphs become exactly one empty line.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => collapseWhitespace(paragraph))
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/**
 * A comparison key that ignores case, accents and spacing: "Éditions  Québec" and
 * "editions quebec" share a key. Used for de-duplication only, never displayed.
 */
export function foldKey(text: string): string {
  return collapseWhitespace(text)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** De-duplicates by `foldKey`, keeping the first spelling seen and the original order. */
export function uniqueFolded(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const key = foldKey(value);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

type SegmenterLike = {
  segment(text: string): Iterable<{ isWordLike?: boolean }>;
};

let segmenter: SegmenterLike | null | undefined;

function getSegmenter(): SegmenterLike | null {
  if (segmenter === undefined) {
    const Segmenter = (
      Intl as { Segmenter?: new (locale?: string, options?: object) => SegmenterLike }
    ).Segmenter;
    segmenter = Segmenter ? new Segmenter(undefined, { granularity: 'word' }) : null;
  }
  return segmenter;
}

/** Segmenting is quadratic in the length of the text given at once: it gets chunks this long. */
const SEGMENT_CHUNK = 2000;

/** `text` cut at whitespace into chunks of about SEGMENT_CHUNK characters (none lost). */
function* chunksAtSpaces(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + SEGMENT_CHUNK);
    if (end < text.length) {
      const space = text.slice(end).search(/\s/);
      end = space < 0 ? text.length : end + space;
    }
    yield text.slice(start, end);
    start = end;
  }
}

/**
 * Counts words in any script: `Intl.Segmenter` when the runtime has it (so Chinese or Thai text
 * without spaces is counted by words, not by runs), a Unicode letter/number regex otherwise.
 * Whitespace is always a word boundary, so counting chunk by chunk gives the same total.
 */
export function countWords(text: string): number {
  const seg = getSegmenter();
  if (seg) {
    let count = 0;
    for (const chunk of chunksAtSpaces(text))
      for (const part of seg.segment(chunk)) if (part.isWordLike) count++;
    return count;
  }
  return text.match(WORD_RE)?.length ?? 0;
}

/** SHA-256 of the UTF-8 bytes of `text`, as 64 lower-case hex digits (Web Crypto). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
