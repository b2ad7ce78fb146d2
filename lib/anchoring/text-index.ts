// Long file: the normalised text and its mappings to DOM offsets are one structure; split, its internals would leak.
import { NEEDS_CLEANING, isIgnorable, isSpace } from './normalize';

/**
 * The normalised text of a root element, built in one walk of the DOM, and the mapping between
 * offsets in that text and DOM boundary points.
 *
 * Normalised text is the text a reader sees:
 * - every run of collapsible whitespace (spaces, tabs, newlines, `&nbsp;`, other Unicode spaces),
 *   also across element boundaries, is one U+0020; there is none at the start or the end;
 * - the boundaries of block elements (`p`, `div`, `li`, `td`, `h1`…, and `br`) count as whitespace,
 *   so `<p>end.</p><p>Start</p>` reads `end. Start` with or without a newline between the tags;
 *   inline elements (`a`, `em`, `span`…) are transparent;
 * - soft hyphens, zero-width spaces, word joiners and BOMs are dropped;
 * - text in `script`, `style`, `noscript`, `template` (and other non-rendered elements: `head`,
 *   `title`, `iframe`, `object`, `canvas`, `video`, `audio`, `select`, `textarea`, `datalist`,
 *   ruby `rt`/`rp`) is left out, and so is text in hidden elements: the `hidden` attribute, inline
 *   `display: none`, inline `visibility: hidden|collapse` (undone by a descendant's `visible`),
 *   the content of a closed `<details>` but its `<summary>`, and — in `computed` mode — elements
 *   whose computed `display` is `none` or computed `visibility` is not `visible`.
 *
 * Offsets are UTF-16 code units of `text`; they are what `TextPositionSelector` stores.
 */
export interface TextIndex {
  readonly root: Element;
  readonly text: string;
  /** How hidden elements were detected for this index. */
  readonly visibility: 'markup' | 'computed';
  /** A DOM range covering `text.slice(start, end)` (offsets are clamped). */
  toRange(start: number, end: number): Range;
  /**
   * Offsets of the indexed text that a DOM range covers; `null` when the range does not
   * intersect the indexed text. A boundary inside collapsed whitespace or hidden content moves to
   * the nearest indexed character inside the range.
   */
  offsetsOf(range: Range): { start: number; end: number } | null;
}

/**
 * - `markup` (fast, deterministic): hidden elements are those the markup hides (see above).
 * - `computed`: also asks `getComputedStyle` about every element (not every text node), so that
 *   stylesheets hiding things count too. Right in a live page; needs a document with a view.
 * - `auto` (default): `computed` when the root is in a rendered document with `getComputedStyle`,
 *   except in jsdom, whose style cascade runs in JavaScript and costs ~130 µs per element (1.2 s
 *   for 9,000 elements, measured) — there `markup` is used.
 */
export type VisibilityMode = 'markup' | 'computed' | 'auto';

export interface TextIndexOptions {
  visibility?: VisibilityMode;
}

/** Elements whose text is never rendered as page text. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'select',
  'textarea',
  'datalist',
  'rt',
  'rp',
]);

/** Elements that start a new line (or cell): their boundaries read as whitespace. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const DISPLAY_NONE = /(?:^|;)\s*display\s*:\s*none\s*(?:!\s*important\s*)?(?:;|$)/i;
const VISIBILITY = /(?:^|;)\s*visibility\s*:\s*(hidden|collapse|visible)\b/i;

interface DomPoint {
  node: Text;
  offset: number;
}

class Builder {
  readonly parts: string[] = [];
  length = 0;
  // Runs: stretches of the text that map one-to-one onto consecutive code units of one text node.
  readonly runText: number[] = [];
  readonly runRaw: number[] = [];
  readonly runLen: number[] = [];
  readonly runNode: Text[] = [];
  private pending = false;
  private pendingNode: Text | null = null;
  private pendingOffset = 0;

  /** Whitespace seen at `node[offset]` (or a block boundary when `node` is null). */
  space(node: Text | null, offset: number): void {
    if (this.pending || this.length === 0) return;
    this.pending = true;
    this.pendingNode = node;
    this.pendingOffset = offset;
  }

  /** Appends `s`, which is `node.data.slice(raw, raw + s.length)`. */
  emit(node: Text, raw: number, s: string): void {
    if (this.pending) {
      this.pending = false;
      if (this.pendingNode) this.push(this.pendingNode, this.pendingOffset, ' ');
      else {
        this.parts.push(' ');
        this.length += 1;
      }
    }
    this.push(node, raw, s);
  }

  private push(node: Text, raw: number, s: string): void {
    const last = this.runNode.length - 1;
    if (
      last >= 0 &&
      this.runNode[last] === node &&
      this.runRaw[last]! + this.runLen[last]! === raw &&
      this.runText[last]! + this.runLen[last]! === this.length
    ) {
      this.runLen[last]! += s.length;
    } else {
      this.runText.push(this.length);
      this.runRaw.push(raw);
      this.runLen.push(s.length);
      this.runNode.push(node);
    }
    this.parts.push(s);
    this.length += s.length;
  }

  text(node: Text): void {
    const data = node.data;
    const len = data.length;
    if (len === 0) return;
    if (!NEEDS_CLEANING.test(data)) {
      // Only single spaces: copy the node, minus a leading or trailing one.
      let from = 0;
      let to = len;
      if (data.charCodeAt(0) === 32) {
        this.space(node, 0);
        from = 1;
      }
      if (to > from && data.charCodeAt(to - 1) === 32) to -= 1;
      if (to > from) this.emit(node, from, from === 0 && to === len ? data : data.slice(from, to));
      if (to < len && to >= from && to > 0) this.space(node, to);
      return;
    }
    let i = 0;
    while (i < len) {
      const c = data.charCodeAt(i);
      if (isSpace(c)) {
        this.space(node, i);
        i += 1;
        continue;
      }
      if (isIgnorable(c)) {
        i += 1;
        continue;
      }
      let j = i + 1;
      while (j < len) {
        const d = data.charCodeAt(j);
        if (d === 32) {
          // A single space inside the run stays in it; two or more end it.
          const e = j + 1 < len ? data.charCodeAt(j + 1) : -1;
          if (e < 0 || isSpace(e) || isIgnorable(e)) break;
          j += 2;
          continue;
        }
        if (isSpace(d) || isIgnorable(d)) break;
        j += 1;
      }
      this.emit(node, i, data.slice(i, j));
      i = j;
    }
  }
}

function inlineStyleVisibility(style: string): 'none' | 'hidden' | 'visible' | null {
  if (DISPLAY_NONE.test(style)) return 'none';
  const m = VISIBILITY.exec(style);
  if (!m) return null;
  return m[1]!.toLowerCase() === 'visible' ? 'visible' : 'hidden';
}

function useComputedStyle(root: Element, mode: VisibilityMode): boolean {
  if (mode === 'markup') return false;
  const view = root.ownerDocument.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return false;
  if (mode === 'computed') return true;
  if (!root.isConnected) return false;
  const ua = view.navigator?.userAgent ?? '';
  return !/\bjsdom\b/i.test(ua);
}

/** Walks `root` once and returns its normalised text and offset mapping. */
export function buildTextIndex(root: Element, options: TextIndexOptions = {}): TextIndex {
  const computed = useComputedStyle(root, options.visibility ?? 'auto');
  const view = root.ownerDocument.defaultView;
  const b = new Builder();

  const visitElement = (el: Element, invisible: boolean): void => {
    const name = el.localName;
    if (SKIPPED.has(name) || el.hasAttribute('hidden')) return;
    let inv = invisible;
    if (computed && view) {
      const cs = view.getComputedStyle(el);
      if (cs.display === 'none') return;
      inv = cs.visibility !== 'visible';
    } else {
      const style = el.getAttribute('style');
      if (style !== null) {
        const v = inlineStyleVisibility(style);
        if (v === 'none') return;
        if (v !== null) inv = v === 'hidden';
      }
    }
    const block = BLOCKS.has(name);
    if (block) b.space(null, 0);
    if (name === 'details' && !el.hasAttribute('open')) {
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
        if (c.localName === 'summary') {
          visitElement(c, inv);
          break;
        }
      }
    } else {
      visitChildren(el, inv);
    }
    if (block) b.space(null, 0);
  };

  const visitChildren = (el: Element, invisible: boolean): void => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      const type = child.nodeType;
      if (type === 3) {
        if (!invisible) b.text(child as Text);
      } else if (type === 1) {
        visitElement(child as Element, invisible);
      }
    }
  };

  visitChildren(root, false);
  return new DomTextIndex(
    root,
    b.parts.join(''),
    computed ? 'computed' : 'markup',
    Int32Array.from(b.runText),
    Int32Array.from(b.runRaw),
    Int32Array.from(b.runLen),
    b.runNode,
  );
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
const CONTAINED_BY = 16; // Node.DOCUMENT_POSITION_CONTAINED_BY

/**
 * For a boundary point that is not inside an indexed text node: a test telling whether a text node
 * (not the container itself) comes after the point in document order.
 */
function pointPrecedes(container: Node, offset: number): (node: Node) => boolean {
  const ref = container.nodeType === 1 ? (container.childNodes[offset] ?? null) : null;
  if (ref) {
    // The point is just before `ref`: after it come `ref`, its descendants and what follows.
    return (node) =>
      node === ref || (ref.compareDocumentPosition(node) & (FOLLOWING | CONTAINED_BY)) !== 0;
  }
  // The point is after all of the container's content (or inside a text node without text).
  return (node) => {
    const pos = container.compareDocumentPosition(node);
    return (pos & FOLLOWING) !== 0 && (pos & CONTAINED_BY) === 0;
  };
}

class DomTextIndex implements TextIndex {
  private nodeRuns: Map<Node, [number, number]> | null = null;

  constructor(
    readonly root: Element,
    readonly text: string,
    readonly visibility: 'markup' | 'computed',
    private readonly runText: Int32Array,
    private readonly runRaw: Int32Array,
    private readonly runLen: Int32Array,
    private readonly runNode: Text[],
  ) {}

  /** Index of the last run starting at or before `offset`, -1 if none. */
  private runAt(offset: number): number {
    let lo = 0;
    let hi = this.runText.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.runText[mid]! <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** The point just before the character at `offset` (or the next indexed one). */
  private startPoint(offset: number): DomPoint | null {
    const n = this.runNode.length;
    if (n === 0) return null;
    const r = this.runAt(offset);
    if (r >= 0 && offset < this.runText[r]! + this.runLen[r]!) {
      return { node: this.runNode[r]!, offset: this.runRaw[r]! + offset - this.runText[r]! };
    }
    if (r + 1 < n) return { node: this.runNode[r + 1]!, offset: this.runRaw[r + 1]! };
    return { node: this.runNode[n - 1]!, offset: this.runRaw[n - 1]! + this.runLen[n - 1]! };
  }

  /** The point just after the character at `offset - 1` (or the previous indexed one). */
  private endPoint(offset: number): DomPoint | null {
    const n = this.runNode.length;
    if (n === 0) return null;
    const last = offset - 1;
    const r = this.runAt(last);
    if (r < 0) return { node: this.runNode[0]!, offset: this.runRaw[0]! };
    const inRun = Math.min(last - this.runText[r]! + 1, this.runLen[r]!);
    return { node: this.runNode[r]!, offset: this.runRaw[r]! + inRun };
  }

  toRange(start: number, end: number): Range {
    const len = this.text.length;
    const s = Math.max(0, Math.min(len, Math.floor(start)));
    const e = Math.max(s, Math.min(len, Math.floor(end)));
    const range = this.root.ownerDocument.createRange();
    const a = this.startPoint(s);
    if (!a) {
      range.selectNodeContents(this.root);
      range.collapse(true);
      return range;
    }
    // Select the start node first: a new range sits at (document, 0), and some DOMs (jsdom) compare
    // boundary points by walking the tree from one to the other — from the top of the page.
    range.selectNodeContents(a.node);
    range.setStart(a.node, a.offset);
    if (e === s) {
      range.collapse(true);
      return range;
    }
    const b = this.endPoint(e)!;
    range.setEnd(b.node, b.offset);
    return range;
  }

  private runsOf(node: Node): [number, number] | undefined {
    if (!this.nodeRuns) {
      const map = new Map<Node, [number, number]>();
      this.runNode.forEach((n, i) => {
        const entry = map.get(n);
        if (entry) entry[1] = i;
        else map.set(n, [i, i]);
      });
      this.nodeRuns = map;
    }
    return this.nodeRuns.get(node);
  }

  /**
   * Text offset of a boundary point: for a start, that of the first indexed character at or after
   * it; for an end, just after the last indexed character before it.
   */
  private offsetAt(container: Node, offset: number, kind: 'start' | 'end'): number {
    const runs = this.runsOf(container);
    const n = this.runNode.length;
    if (runs) {
      const [first, last] = runs;
      if (kind === 'start') {
        for (let r = first; r <= last; r++) {
          if (offset < this.runRaw[r]! + this.runLen[r]!) {
            return this.runText[r]! + Math.max(0, offset - this.runRaw[r]!);
          }
        }
        return last + 1 < n ? this.runText[last + 1]! : this.text.length;
      }
      for (let r = last; r >= first; r--) {
        if (offset > this.runRaw[r]!) {
          return this.runText[r]! + Math.min(this.runLen[r]!, offset - this.runRaw[r]!);
        }
      }
      return first > 0 ? this.runText[first - 1]! + this.runLen[first - 1]! : 0;
    }
    // Element container, or a text node without indexed text: compare in document order (with
    // compareDocumentPosition, which DOMs answer from the tree, not by walking between the nodes).
    const isAfter = pointPrecedes(container, offset);
    if (kind === 'start') {
      // First run whose node comes after the point.
      let lo = 0;
      let hi = n - 1;
      let found = n;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (isAfter(this.runNode[mid]!)) {
          found = mid;
          hi = mid - 1;
        } else lo = mid + 1;
      }
      return found < n ? this.runText[found]! : this.text.length;
    }
    // Last run whose node comes before the point.
    let lo = 0;
    let hi = n - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (!isAfter(this.runNode[mid]!)) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 ? this.runText[found]! + this.runLen[found]! : 0;
  }

  offsetsOf(range: Range): { start: number; end: number } | null {
    if (this.runNode.length === 0) return null;
    const start = this.offsetAt(range.startContainer, range.startOffset, 'start');
    const end = this.offsetAt(range.endContainer, range.endOffset, 'end');
    if (end <= start) return null;
    return { start, end };
  }
}
