import type { RangeSelector } from './types';

/**
 * XPath-like paths relative to a root: `/p[2]/em[1]/text()[1]`. Element steps use the lower-case
 * local name and the 1-based index among same-named element siblings; text steps count text-node
 * siblings. The root itself is the empty path.
 */
export function pathTo(root: Element, node: Node): string | null {
  const steps: string[] = [];
  let cur: Node = node;
  while (cur !== root) {
    const parent = cur.parentNode;
    if (!parent) return null;
    let index = 1;
    if (cur.nodeType === 3) {
      for (let s = cur.previousSibling; s; s = s.previousSibling) if (s.nodeType === 3) index += 1;
      steps.push(`text()[${index}]`);
    } else if (cur.nodeType === 1) {
      const name = (cur as Element).localName.toLowerCase();
      for (let s = cur.previousSibling; s; s = s.previousSibling) {
        if (s.nodeType === 1 && (s as Element).localName.toLowerCase() === name) index += 1;
      }
      steps.push(`${name}[${index}]`);
    } else {
      return null;
    }
    cur = parent;
  }
  return steps.length === 0 ? '' : '/' + steps.reverse().join('/');
}

const STEP = /^(text\(\)|[^\s/[\]()]+)(?:\[(\d+)\])?$/;

/** The node a path points at under `root`, or `null`. */
export function nodeAtPath(root: Element, path: string): Node | null {
  const steps = path.split('/').filter((s) => s.length > 0);
  let cur: Node = root;
  for (const step of steps) {
    const m = STEP.exec(step);
    if (!m) return null;
    const name = m[1]!.toLowerCase();
    let left = m[2] ? Number(m[2]) : 1;
    let next: Node | null = null;
    for (let c = cur.firstChild; c; c = c.nextSibling) {
      const matches =
        name === 'text()'
          ? c.nodeType === 3
          : c.nodeType === 1 && (c as Element).localName.toLowerCase() === name;
      if (matches && --left === 0) {
        next = c;
        break;
      }
    }
    if (!next) return null;
    cur = next;
  }
  return cur;
}

export function rangeSelectorFor(root: Element, range: Range): RangeSelector | null {
  const startContainer = pathTo(root, range.startContainer);
  const endContainer = pathTo(root, range.endContainer);
  if (startContainer === null || endContainer === null) return null;
  return {
    type: 'RangeSelector',
    startContainer,
    startOffset: range.startOffset,
    endContainer,
    endOffset: range.endOffset,
  };
}

function nodeLength(node: Node): number {
  return node.nodeType === 3 ? (node as Text).data.length : node.childNodes.length;
}

/** The DOM range a RangeSelector describes, or `null` when its nodes or offsets are gone. */
export function rangeFromSelector(root: Element, selector: RangeSelector): Range | null {
  const start = nodeAtPath(root, selector.startContainer);
  const end = nodeAtPath(root, selector.endContainer);
  if (!start || !end) return null;
  const { startOffset, endOffset } = selector;
  if (!Number.isInteger(startOffset) || !Number.isInteger(endOffset)) return null;
  if (startOffset < 0 || endOffset < 0) return null;
  if (startOffset > nodeLength(start) || endOffset > nodeLength(end)) return null;
  try {
    const range = root.ownerDocument.createRange();
    range.setStart(start, startOffset);
    range.setEnd(end, endOffset);
    return range.collapsed ? null : range;
  } catch {
    return null;
  }
}
