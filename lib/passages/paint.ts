/**
 * Painting passages in a page without restyling it: the CSS Custom Highlight API where the
 * browser has it (no DOM change at all; the colours come from a stylesheet the extension inserts
 * with `scripting.insertCSS`), else `<mark>` wrappers that are removed without a trace.
 */

/** The highlight name of a colour; the stylesheet rule is `::highlight(name)`. */
export function highlightName(color: string): string {
  return `commonplace-${color.replace(/[^0-9a-z]/gi, '')}`;
}

/** Stylesheet for the colours in use (inserted by the background with scripting.insertCSS). */
export function highlightCss(colors: Iterable<string>): string {
  return [...new Set(colors)]
    .filter((color) => /^#[0-9a-f]{6}$/i.test(color))
    .map(
      (color) =>
        `::highlight(${highlightName(color)}) { background-color: ${color}; color: #1f1d1a; }`,
    )
    .join('\n');
}

const MARK_ATTRIBUTE = 'data-commonplace-highlight';

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): boolean;
  keys(): IterableIterator<string>;
}

function registry(): HighlightRegistry | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  return css?.highlights && typeof (globalThis as { Highlight?: unknown }).Highlight === 'function'
    ? css.highlights
    : null;
}

/** Removes every highlight this extension painted in `doc`. */
export function clearHighlights(doc: Document): void {
  const highlights = registry();
  if (highlights) {
    for (const name of [...highlights.keys()]) {
      if (name.startsWith('commonplace-')) highlights.delete(name);
    }
  }
  for (const mark of doc.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`)) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  }
}

/** Wraps the text of `range` in marks, one per text node it touches. */
function wrapRange(range: Range, color: string): void {
  const doc = range.startContainer.ownerDocument!;
  const walker = doc.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  if (range.commonAncestorContainer.nodeType === Node.TEXT_NODE) {
    nodes.push(range.commonAncestorContainer as Text);
  }
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (range.intersectsNode(node)) nodes.push(node as Text);
  }
  for (let text of nodes) {
    const start = text === range.startContainer ? range.startOffset : 0;
    const end = text === range.endContainer ? range.endOffset : text.length;
    if (end <= start || !text.data.slice(start, end).trim()) continue;
    if (end < text.length) text.splitText(end);
    if (start > 0) text = text.splitText(start);
    const mark = doc.createElement('mark');
    mark.setAttribute(MARK_ATTRIBUTE, '');
    mark.style.cssText = `background-color:${color};color:inherit;padding:0;`;
    text.parentNode!.insertBefore(mark, text);
    mark.appendChild(text);
  }
}

/** Paints `ranges` with their colours, replacing what was painted before. */
export function paintHighlights(doc: Document, ranges: { range: Range; color: string }[]): void {
  clearHighlights(doc);
  const highlights = registry();
  if (highlights) {
    const byColor = new Map<string, Range[]>();
    for (const { range, color } of ranges) {
      const list = byColor.get(color) ?? [];
      list.push(range);
      byColor.set(color, list);
    }
    const Highlight = (globalThis as unknown as { Highlight: new (...ranges: Range[]) => unknown })
      .Highlight;
    for (const [color, list] of byColor)
      highlights.set(highlightName(color), new Highlight(...list));
    return;
  }
  // Wrapping changes the DOM under later ranges: paint from the end of the document backwards.
  const ordered = [...ranges].sort((a, b) =>
    b.range.compareBoundaryPoints(Range.START_TO_START, a.range),
  );
  for (const { range, color } of ordered) wrapRange(range, color);
}
