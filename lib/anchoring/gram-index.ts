/**
 * An index of every 4-code-unit gram of a text, by hash: where each gram occurs. Built in two
 * linear passes into two typed arrays, so it is cheap enough to build once per page, and it lets
 * the matcher:
 * - find every verbatim occurrence of a quote by checking only the positions of its rarest gram
 *   (instead of scanning the whole page with `indexOf` for each passage);
 * - find the regions where an edited quote may stand (where many of its grams line up), so that
 *   the fuzzy matcher only runs on small windows instead of the whole page.
 */

export const GRAM = 4;

/** Hash of `s[i..i+4)` (FNV-1a over UTF-16 code units, then a final mix). */
export function gramHash(s: string, i: number): number {
  return hashCodes(s.charCodeAt(i), s.charCodeAt(i + 1), s.charCodeAt(i + 2), s.charCodeAt(i + 3));
}

/** `gramHash` of the four code units `a b c d`. */
function hashCodes(a: number, b: number, c: number, d: number): number {
  let h = 0x811c9dc5;
  h = Math.imul(h ^ a, 0x01000193);
  h = Math.imul(h ^ b, 0x01000193);
  h = Math.imul(h ^ c, 0x01000193);
  h = Math.imul(h ^ d, 0x01000193);
  return h ^ (h >>> 15);
}

export class GramIndex {
  private readonly mask: number;
  /** `positions[starts[h] .. starts[h + 1])`: ascending positions of grams with hash `h`. */
  private readonly starts: Int32Array;
  private readonly positions: Int32Array;

  constructor(readonly text: string) {
    const count = Math.max(0, text.length - GRAM + 1);
    let size = 1024;
    while (size < count / 2 && size < 1 << 21) size <<= 1;
    const mask = size - 1;
    this.mask = mask;
    const hashes = new Int32Array(count);
    const starts = new Int32Array(size + 1);
    // Each character is read once: the gram's four code units slide along in `a b c d`.
    let a = text.charCodeAt(0);
    let b = text.charCodeAt(1);
    let c = text.charCodeAt(2);
    for (let i = 0; i < count; i++) {
      const d = text.charCodeAt(i + 3);
      const h = hashCodes(a, b, c, d) & mask;
      hashes[i] = h;
      starts[h + 1]! += 1;
      a = b;
      b = c;
      c = d;
    }
    for (let h = 0; h < size; h++) starts[h + 1]! += starts[h]!;
    const fill = starts.slice(0, size);
    const positions = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const h = hashes[i]!;
      positions[fill[h]!] = i;
      fill[h]! += 1;
    }
    this.starts = starts;
    this.positions = positions;
  }

  /** Bucket of the gram `s[i..i+4)`: `[from, to)` into `positionAt`. */
  bucket(s: string, i: number): [number, number] {
    const h = gramHash(s, i) & this.mask;
    return [this.starts[h]!, this.starts[h + 1]!];
  }

  positionAt(k: number): number {
    return this.positions[k]!;
  }

  /** Every start offset of `needle` in the text, ascending. */
  findAll(needle: string): number[] {
    const m = needle.length;
    const text = this.text;
    const found: number[] = [];
    if (m === 0) return found;
    if (m < GRAM) {
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
        found.push(at);
      }
      return found;
    }
    // The rarest gram of the needle: every occurrence of the needle has it at the same offset.
    // (Buckets read inline: this runs for every gram of every quote.)
    const starts = this.starts;
    let bestOff = 0;
    let bestFrom = 0;
    let bestTo = Infinity;
    for (let off = 0; off + GRAM <= m; off++) {
      const h = gramHash(needle, off) & this.mask;
      const from = starts[h]!;
      const to = starts[h + 1]!;
      if (to - from < bestTo - bestFrom) {
        bestOff = off;
        bestFrom = from;
        bestTo = to;
        if (to === from) return found;
      }
    }
    for (let k = bestFrom; k < bestTo; k++) {
      const at = this.positions[k]! - bestOff;
      if (at >= 0 && text.startsWith(needle, at)) found.push(at);
    }
    return found;
  }
}
