/**
 * Sanitising a piece's HTML before it is stored (and again before it is shown). Runs wherever
 * there is a DOM: the clip script's isolated world in the tab, an extension page, or jsdom. DOMPurify removes scripts, event handlers, `javascript:` and
 * other unsafe URLs; on top of that this keeps only simple article markup: no forms, frames,
 * embedded objects, styles, classes or ids, and every link and image gets an absolute URL.
 */
import createDOMPurify, { type DOMPurify, type WindowLike } from 'dompurify';
import { normaliseText } from './text';
import type { SanitizedContent } from './types';

export type { SanitizedContent } from './types';

/** Links may only go to the web, mail or phone; relative links are made absolute first. */
const ALLOWED_URI = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

const FORBID_TAGS = [
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'select',
  'option',
  'optgroup',
  'textarea',
  'fieldset',
  'legend',
  'label',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noscript',
  'template',
  'dialog',
  'canvas',
  'slot',
];

const FORBID_ATTR = [
  'style',
  'class',
  'id',
  'name',
  'srcdoc',
  'action',
  'formaction',
  'ping',
  'tabindex',
  'contenteditable',
  'autofocus',
  'draggable',
  'hidden',
  'accesskey',
];

/** Attributes holding one URL, made absolute before DOMPurify validates them. */
const URL_ATTRS = new Set(['href', 'src', 'cite', 'poster', 'xlink:href']);

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

interface Instance {
  purify: DOMPurify;
  /** Set around each `sanitize` call: resolves a URL attribute value (null drops it). */
  resolve: (value: string) => string | null;
}

const instances = new WeakMap<object, Instance>();

function instanceFor(window: WindowLike): Instance {
  const cached = instances.get(window);
  if (cached) return cached;
  const purify = createDOMPurify(window);
  // Without a usable DOM DOMPurify returns its input unchanged: never let that happen silently.
  if (!purify.isSupported) throw new Error('DOMPurify cannot run in this window: no usable DOM');
  const instance: Instance = { purify, resolve: (value) => value };
  purify.addHook('uponSanitizeAttribute', (_node, event) => {
    if (URL_ATTRS.has(event.attrName)) {
      const resolved = instance.resolve(event.attrValue);
      if (resolved === null) event.keepAttr = false;
      else event.attrValue = resolved;
    } else if (event.attrName === 'srcset') {
      event.attrValue = event.attrValue
        .split(',')
        .map((candidate) => {
          const [url, ...descriptor] = candidate.trim().split(/\s+/);
          const resolved = url ? instance.resolve(url) : null;
          return resolved && /^https?:/i.test(resolved) ? [resolved, ...descriptor].join(' ') : '';
        })
        .filter(Boolean)
        .join(', ');
      if (!event.attrValue) event.keepAttr = false;
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    if (element.nodeName === 'A' && element.hasAttribute('href')) {
      element.setAttribute('rel', 'noopener noreferrer nofollow');
      element.setAttribute('target', '_blank');
    } else if (element.nodeName === 'IMG') {
      element.setAttribute('referrerpolicy', 'no-referrer');
      element.setAttribute('loading', 'lazy');
    }
  });
  instances.set(window, instance);
  return instance;
}

/** Text of a sanitised fragment: block elements become paragraphs, `<br>` a line break. */
function blockText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push((node as Text).data);
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    const name = node.nodeName;
    if (name === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCK_TAGS.has(name);
    if (block) parts.push('\n\n');
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) parts.push('\n\n');
    else if (name === 'TD' || name === 'TH') parts.push(' ');
  };
  walk(root);
  return normaliseText(parts.join(''));
}

/**
 * Sanitises untrusted article HTML with DOMPurify in `window`'s realm. `resolve` turns each
 * `href`/`src`/`srcset`/`cite`/`poster` value into an absolute URL (or null to drop it).
 */
export function sanitizeContent(
  html: string,
  window: WindowLike,
  resolve: (value: string) => string | null,
): SanitizedContent {
  const instance = instanceFor(window);
  instance.resolve = resolve;
  try {
    const fragment = instance.purify.sanitize(html, {
      USE_PROFILES: { html: true },
      FORBID_TAGS,
      FORBID_ATTR,
      ALLOW_DATA_ATTR: false,
      ALLOWED_URI_REGEXP: ALLOWED_URI,
      RETURN_DOM_FRAGMENT: true,
    });
    const doc = fragment.ownerDocument;
    const container = doc.createElement('div');
    container.appendChild(fragment);
    return { html: container.innerHTML.trim(), text: blockText(container) };
  } finally {
    instance.resolve = (value) => value;
  }
}
