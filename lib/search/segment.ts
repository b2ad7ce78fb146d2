// Long file: the segment format: the writer and reader of one binary layout, kept side by side.
/**
 * Segments: building one in memory from documents, packing it into blocks, and reading postings
 * back out of a block. See ./types.ts for the layout.
 */
import { HASH_PRIME, HASH_SEED, MAX_TERM_LENGTH, scanTerms } from './tokenize';
import {
  FIELD_BODY,
  MAX_TF,
  SHORT_FIELD_MARK,
  type SearchBlockRow,
  type SearchSegmentRow,
} from './types';

/** Blocks are closed once they hold this many bytes of postings (a bigger term gets its own). */
export const BLOCK_BYTES = 16 * 1024;

export interface DocInfo {
  doc: number;
  pieceId: string;
  /** '' for a piece's own document. */
  passageId: string;
  /** ms; NaN when unknown. */
  capturedAt: number;
  length: number;
}

const TF_UNIT = 1 << 3;
/** The field/tf byte of most postings, left implicit: one occurrence in the body. */
const COMMON_META = FIELD_BODY | TF_UNIT;
const TF_MAX = MAX_TF << 3;

/**
 * Documents and their postings, gathered before they are written as one segment. Terms are
 * numbered through a hash table of its own, looked up straight from the characters of the text
 * (no string is made for a word already seen), and postings are appended to one log of typed
 * arrays, sorted by term only when the segment is built: indexing 100 MB of text makes few
 * short-lived objects.
 */
export class SegmentBuilder {
  readonly docs: DocInfo[] = [];
  postings = 0;

  // The dictionary: term id → term; open addressing on `slots` (id + 1, 0 = empty).
  private terms: string[] = [];
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(2048);

  // The document being added: field/tf byte of each of its terms, and which terms it has.
  private current = -1;
  private stamp = new Int32Array(1024).fill(-1);
  private meta = new Uint8Array(1024);
  private touched: number[] = [];

  // The postings log.
  private logTerm = new Int32Array(1 << 16);
  private logDoc = new Int32Array(1 << 16);
  private logMeta = new Uint8Array(1 << 16);

  get size(): number {
    return this.docs.length;
  }

  // --- dictionary ---

  private grow(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.terms.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }

  private add(term: string, hash: number): number {
    const id = this.terms.length;
    this.terms.push(term);
    if (id >= this.hashes.length) {
      const hashes = new Int32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const stamp = new Int32Array(hashes.length).fill(-1);
      stamp.set(this.stamp);
      this.stamp = stamp;
      const meta = new Uint8Array(hashes.length);
      meta.set(this.meta);
      this.meta = meta;
    }
    this.hashes[id] = hash;
    if ((id + 1) * 2 > this.slots.length) this.grow();
    else {
      const mask = this.slots.length - 1;
      let slot = hash & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = id + 1;
    }
    return id;
  }

  /** Id of a term given as a string. */
  termId(term: string): number {
    let hash = HASH_SEED;
    for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), HASH_PRIME);
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === 0) return this.add(term, hash);
      if (this.hashes[entry - 1] === hash && this.terms[entry - 1] === term) return entry - 1;
    }
  }

  /**
   * Id of the term of an ASCII word of `text` (lower-cased, cut to MAX_TERM_LENGTH), `hash` being
   * the term's hash as `scanTerms` gives it.
   */
  asciiTermId(text: string, start: number, end: number, hash: number, upper: boolean): number {
    if (end - start > MAX_TERM_LENGTH) end = start + MAX_TERM_LENGTH;
    const slots = this.slots;
    const mask = slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === 0) {
        const raw = text.slice(start, end);
        return this.add(upper ? raw.toLowerCase() : raw, hash);
      }
      if (this.hashes[entry - 1] !== hash) continue;
      const term = this.terms[entry - 1]!;
      if (term.length !== length) continue;
      let same = true;
      for (let i = 0; i < length; i++) {
        let c = text.charCodeAt(start + i);
        if (c <= 0x5a && c >= 0x41) c += 0x20;
        if (term.charCodeAt(i) !== c) {
          same = false;
          break;
        }
      }
      if (same) return entry - 1;
    }
  }

  // --- documents ---

  /** Starts a document (documents must come in ascending `doc` order); returns its index. */
  beginDoc(info: DocInfo): number {
    this.docs.push(info);
    this.current = this.docs.length - 1;
    return this.current;
  }

  private mark(id: number, field: number): void {
    if (this.stamp[id] !== this.current) {
      this.stamp[id] = this.current;
      this.meta[id] = 0;
      this.touched.push(id);
    }
    if (field === FIELD_BODY) {
      const m = this.meta[id]!;
      this.meta[id] = (m & ~7) < TF_MAX ? (m + TF_UNIT) | FIELD_BODY : m | FIELD_BODY;
    } else this.meta[id]! |= field;
  }

  /** Adds the words of a text in one field of the current document; returns how many. */
  addText(text: string, field: number): number {
    let count = 0;
    const short = field !== FIELD_BODY;
    scanTerms(
      text,
      (start, end, hash, upper) => {
        count++;
        const id = this.asciiTermId(text, start, end, hash, upper);
        this.mark(id, field);
        if (short) this.mark(this.termId(SHORT_FIELD_MARK + this.terms[id]!), field);
      },
      (term) => {
        count++;
        this.mark(this.termId(term), field);
        if (short) this.mark(this.termId(SHORT_FIELD_MARK + term), field);
      },
    );
    return count;
  }

  /** Adds a term with its field/tf byte to the current document. */
  addTerm(term: string, meta: number): void {
    const id = this.termId(term);
    this.mark(id, 0);
    this.meta[id] = meta;
  }

  /** Ends the current document: its terms go to the postings log. */
  endDoc(): void {
    const doc = this.current;
    for (const id of this.touched) this.log(id, doc, this.meta[id]!);
    this.touched.length = 0;
  }

  /** Adds a document from parallel arrays of terms and field/tf bytes. */
  addDocTerms(info: DocInfo, terms: readonly string[], meta: Uint8Array): void {
    this.beginDoc(info);
    for (let i = 0; i < terms.length; i++) this.addTerm(terms[i]!, meta[i]!);
    this.endDoc();
  }

  /** Adds a document whose postings come through `addPosting` (merges). */
  addBareDoc(info: DocInfo): number {
    this.docs.push(info);
    return this.docs.length - 1;
  }

  addPosting(term: string, local: number, meta: number): void {
    this.log(this.termId(term), local, meta);
  }

  private log(id: number, doc: number, meta: number): void {
    const n = this.postings;
    if (n === this.logTerm.length) {
      const grow = <T extends Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
        const bigger = make(old.length * 2);
        bigger.set(old);
        return bigger;
      };
      this.logTerm = grow(this.logTerm, (k) => new Int32Array(k));
      this.logDoc = grow(this.logDoc, (k) => new Int32Array(k));
      this.logMeta = grow(this.logMeta, (k) => new Uint8Array(k));
    }
    this.logTerm[n] = id;
    this.logDoc[n] = doc;
    this.logMeta[n] = meta;
    this.postings = n + 1;
  }

  /** The segment's header and blocks; the builder should not be used afterwards. */
  build(seg: number): { header: SearchSegmentRow; blocks: SearchBlockRow[] } {
    const count = this.docs.length;
    const docs = new Uint32Array(count);
    const docPiece = new Uint32Array(count);
    const docLength = new Uint16Array(count);
    const passageIds: string[] = [];
    const pieceIds: string[] = [];
    const pieceIndex = new Map<string, number>();
    const captured: number[] = [];
    this.docs.forEach((d, i) => {
      docs[i] = d.doc;
      let piece = pieceIndex.get(d.pieceId);
      if (piece === undefined) {
        piece = pieceIds.length;
        pieceIndex.set(d.pieceId, piece);
        pieceIds.push(d.pieceId);
        captured.push(NaN);
      }
      if (d.passageId === '') captured[piece] = d.capturedAt;
      docPiece[i] = piece;
      docLength[i] = Math.min(d.length, 0xffff);
      passageIds.push(d.passageId);
    });

    // Postings by term: a counting sort of the log (stable, so documents stay in order).
    const termCount = this.terms.length;
    const start = new Int32Array(termCount + 1);
    const total = this.postings;
    for (let k = 0; k < total; k++) start[this.logTerm[k]! + 1]!++;
    for (let id = 0; id < termCount; id++) start[id + 1]! += start[id]!;
    const fill = start.slice(0, termCount);
    const sortedDoc = new Int32Array(total);
    const sortedMeta = new Uint8Array(total);
    for (let k = 0; k < total; k++) {
      const at = fill[this.logTerm[k]!]!++;
      sortedDoc[at] = this.logDoc[k]!;
      sortedMeta[at] = this.logMeta[k]!;
    }
    this.logTerm = this.logDoc = new Int32Array(0);
    this.logMeta = new Uint8Array(0);

    // The default sort compares UTF-16 code units, as IndexedDB does, and is native: fast.
    const terms = this.terms;
    const sortedTerms = terms.filter((_, id) => start[id + 1]! > start[id]!).sort();
    const order = sortedTerms.map((term) => this.termId(term));

    const blocks: SearchBlockRow[] = [];
    const firstTerms: string[] = [];
    let buffer = new Uint8Array(BLOCK_BYTES * 2);
    let used = 0;
    let blockTerms: string[] = [];
    let dfs: number[] = [];
    let offsets: number[] = [0];
    let bytes = 0;
    const close = () => {
      if (blockTerms.length === 0) return;
      firstTerms.push(blockTerms[0]!);
      blocks.push({
        seg,
        block: blocks.length,
        terms: blockTerms,
        dfs: Uint32Array.from(dfs),
        offsets: Uint32Array.from(offsets),
        data: buffer.slice(0, used),
      });
      bytes += used;
      blockTerms = [];
      dfs = [];
      offsets = [0];
      used = 0;
    };
    for (const id of order) {
      const from = start[id]!;
      const to = start[id + 1]!;
      const n = to - from;
      if (!isAscending(sortedDoc, from, to)) sortPostings(sortedDoc, sortedMeta, from, to);
      // At most 5 bytes per document and 1 for its field/tf byte.
      const need = n * 6;
      if (used > 0 && used + need > BLOCK_BYTES) close();
      if (used + need > buffer.length) {
        const bigger = new Uint8Array(Math.max(buffer.length * 2, used + need));
        bigger.set(buffer.subarray(0, used));
        buffer = bigger;
      }
      let previous = 0;
      for (let k = from; k < to; k++) {
        const doc = sortedDoc[k]!;
        const meta = sortedMeta[k]!;
        // (delta << 1 | has its own byte): most postings are one occurrence in the body.
        let value = ((doc - previous) << 1) | (meta === COMMON_META ? 0 : 1);
        previous = doc;
        while (value >= 0x80) {
          buffer[used++] = (value & 0x7f) | 0x80;
          value >>>= 7;
        }
        buffer[used++] = value;
        if (meta !== COMMON_META) buffer[used++] = meta;
      }
      blockTerms.push(terms[id]!);
      dfs.push(n);
      offsets.push(used);
    }
    close();
    const header: SearchSegmentRow = {
      seg,
      docs,
      docPiece,
      docLength,
      passageIds: passageIds.join('\n'),
      pieceIds: pieceIds.join('\n'),
      capturedAt: Float64Array.from(captured),
      blockFirstTerms: firstTerms,
      postings: total,
      bytes,
    };
    return { header, blocks };
  }
}

/** Code-unit order, the order of IndexedDB keys. */
export function compareTerms(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isAscending(values: Int32Array, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (values[k]! <= values[k - 1]!) return false;
  return true;
}

function sortPostings(docs: Int32Array, meta: Uint8Array, from: number, to: number): void {
  const packed = new Float64Array(to - from);
  for (let k = from; k < to; k++) packed[k - from] = docs[k]! * 256 + meta[k]!;
  packed.sort();
  for (let k = from; k < to; k++) {
    docs[k] = Math.floor(packed[k - from]! / 256);
    meta[k] = packed[k - from]! % 256;
  }
}

/** Index of the first of `terms` (sorted) that is ≥ `term`. */
export function lowerBound(terms: readonly string[], term: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Blocks of a segment that may hold terms in [from, to). */
export function blocksFor(firstTerms: readonly string[], from: string, to: string): number[] {
  if (firstTerms.length === 0) return [];
  // The block holding `from` starts at or before it.
  let start = lowerBound(firstTerms, from);
  if (start === firstTerms.length || firstTerms[start] !== from) start = Math.max(0, start - 1);
  const end = lowerBound(firstTerms, to);
  const result: number[] = [];
  for (let b = start; b < Math.max(end, start + 1); b++) result.push(b);
  return result;
}

/**
 * Decodes the postings of `block.terms[i]` into `docs` (document indexes in the segment) and
 * `meta`, which must hold `block.dfs[i]` entries.
 */
export function decodePostings(
  block: SearchBlockRow,
  i: number,
  docs: Uint32Array,
  meta: Uint8Array,
): number {
  const n = block.dfs[i]!;
  const data = block.data;
  let p = block.offsets[i]!;
  let doc = 0;
  for (let k = 0; k < n; k++) {
    let byte = data[p++]!;
    let value = byte & 0x7f;
    let shift = 7;
    while (byte & 0x80) {
      byte = data[p++]!;
      value |= (byte & 0x7f) << shift;
      shift += 7;
    }
    doc += value >>> 1;
    docs[k] = doc;
    meta[k] = value & 1 ? data[p++]! : COMMON_META;
  }
  return n;
}

/** The end of the range of terms that start with `prefix`. */
export function prefixEnd(prefix: string): string {
  return prefix + '\uffff';
}
