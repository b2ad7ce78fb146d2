/**
 * Page side of passages, injected on demand (or registered for the sites where the reader turned
 * on automatic highlights). It only captures the selection, anchors and paints passages, and
 * hosts the editor frame; it never touches storage and never sees what the reader types (the
 * editor is an extension page in a cross-origin frame).
 */
import {
  generateFragmentFromRange,
  GenerateFragmentStatus,
} from 'text-fragments-polyfill/dist/fragment-generation-utils.js';
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createAnchorer, type Selector } from '../lib/anchoring';
import { sendMessage } from '../lib/messaging';
import { clearHighlights, paintHighlights } from '../lib/passages/paint';
import { fragmentDirective } from '../lib/passages/text-fragment';
import type { PageCommand, PageCommandMap, PageSelection } from '../lib/protocol';

const LOADED = '__commonplacePassages';

function captureSelection(): PageCommandMap['page/capture']['response'] {
  const selection = document.getSelection();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  if (!range || range.collapsed || !range.toString().trim()) {
    return { ok: false, message: 'Select the words you want to keep on the page first.' };
  }
  const selectors = createAnchorer(document.body).describe(range);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  if (!quote || quote.type !== 'TextQuoteSelector') {
    return { ok: false, message: 'The selection has no visible text to keep.' };
  }
  let textFragment: string | null = null;
  try {
    const result = generateFragmentFromRange(range.cloneRange());
    if (result.status === GenerateFragmentStatus.SUCCESS && result.fragment) {
      textFragment = fragmentDirective(result.fragment);
    }
  } catch {
    // No fragment: links will be built from the quote.
  }
  const captured: PageSelection = {
    pageUrl: location.href,
    quote: quote.exact,
    selectors,
    textFragment,
  };
  return { ok: true, selection: captured };
}

function paint(
  request: PageCommandMap['page/paint']['request'],
): PageCommandMap['page/paint']['response'] {
  const anchorer = createAnchorer(document.body);
  const found: string[] = [];
  const orphans: string[] = [];
  const ranges: { range: Range; color: string }[] = [];
  for (const passage of request.passages) {
    const result = anchorer.anchor(passage.selectors as Selector[]);
    if (result) {
      found.push(passage.id);
      ranges.push({ range: result.range, color: passage.color });
    } else {
      orphans.push(passage.id);
    }
  }
  paintHighlights(document, ranges);
  return { found, orphans };
}

/** The editor frame lives in a closed shadow root: page scripts cannot reach into it. */
let editorHost: HTMLElement | null = null;

function closeEditor(): void {
  editorHost?.remove();
  editorHost = null;
}

function openEditor(token: string): void {
  closeEditor();
  const selection = document.getSelection();
  const rect =
    selection && selection.rangeCount > 0 ? selection.getRangeAt(0).getBoundingClientRect() : null;
  const width = 380;
  const height = 460;
  const left = Math.max(8, Math.min((rect?.left ?? 8) + scrollX, scrollX + innerWidth - width - 8));
  const top = (rect ? rect.bottom : 8) + scrollY + 8;
  const host = document.createElement('commonplace-editor');
  host.style.cssText = `all:initial;position:absolute;z-index:2147483647;left:${left}px;top:${top}px;`;
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = document.createElement('iframe');
  frame.src = browser.runtime.getURL(`/passage-editor.html?token=${encodeURIComponent(token)}`);
  frame.title = 'Commonplace passage editor';
  frame.style.cssText = `width:${width}px;height:${height}px;border:1px solid #b5ab97;border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.25);background:#fdfcf8;`;
  shadow.append(frame);
  document.documentElement.append(host);
  editorHost = host;
}

function handle(command: PageCommand): unknown {
  switch (command.type) {
    case 'page/capture':
      return captureSelection();
    case 'page/paint':
      return paint(command as PageCommand<'page/paint'>);
    case 'page/open-editor':
      openEditor((command as PageCommand<'page/open-editor'>).token);
      return { ok: true };
    case 'page/close-editor':
      closeEditor();
      return { ok: true };
  }
}

export default defineUnlistedScript(() => {
  const scope = globalThis as Record<string, unknown>;
  if (scope[LOADED]) return;
  scope[LOADED] = true;
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !type.startsWith('page/')) return undefined;
    sendResponse(handle(message as PageCommand));
    return undefined;
  });
  addEventListener('pagehide', () => clearHighlights(document));
  // Sites with automatic highlights: ask for this page's passages as soon as it is loaded.
  const canonical =
    document.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? null;
  const ogUrl =
    document.querySelector('meta[property="og:url" i]')?.getAttribute('content') ?? null;
  void sendMessage('page/ready', { canonicalHref: canonical, ogUrl })
    .then(({ passages }) => passages.length > 0 && paint({ passages }))
    .catch(() => undefined);
});
