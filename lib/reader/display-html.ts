/**
 * The stored copy of a piece, made safe to show in the library. It was sanitised when clipped,
 * but a backup file or an older version could have put anything in the database, so it is
 * sanitised again, right before display, with stricter rules: links open in a new tab without
 * opener or referrer and only to web/mail addresses; remote images stay off until allowed.
 */
import createDOMPurify, { type DOMPurify, type WindowLike } from 'dompurify';

export interface DisplayHtml {
  html: string;
  /** Images left out because remote images are not allowed for this piece. */
  blockedImages: number;
}

const SAFE_LINK = /^(?:https?:|mailto:)/i;

const purifiers = new WeakMap<
  object,
  { purify: DOMPurify; allowImages: boolean; blocked: number }
>();

function purifierFor(window: WindowLike) {
  let entry = purifiers.get(window);
  if (entry) return entry;
  const purify = createDOMPurify(window);
  if (!purify.isSupported) throw new Error('DOMPurify cannot run here: no usable DOM');
  const state = { purify, allowImages: false, blocked: 0 };
  purify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    if (element.nodeName === 'A') {
      const href = element.getAttribute('href') ?? '';
      if (!SAFE_LINK.test(href)) element.removeAttribute('href');
      element.setAttribute('rel', 'noopener noreferrer nofollow');
      element.setAttribute('target', '_blank');
    } else if (element.nodeName === 'IMG') {
      const src = element.getAttribute('src') ?? '';
      if (!state.allowImages || !/^https?:/i.test(src)) {
        if (src) state.blocked++;
        element.removeAttribute('src');
        element.removeAttribute('srcset');
        element.setAttribute('data-blocked', '');
      }
      element.setAttribute('referrerpolicy', 'no-referrer');
      element.setAttribute('loading', 'lazy');
    }
  });
  entry = state;
  purifiers.set(window, entry);
  return entry;
}

export function displayHtml(
  html: string,
  options: { allowImages: boolean; window?: WindowLike },
): DisplayHtml {
  const state = purifierFor(options.window ?? (globalThis as unknown as WindowLike));
  state.allowImages = options.allowImages;
  state.blocked = 0;
  const clean = state.purify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: [
      'style',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'iframe',
      'object',
      'embed',
    ],
    FORBID_ATTR: ['style', 'class', 'id', 'srcdoc', 'action', 'formaction', 'ping'],
    ALLOW_DATA_ATTR: false,
  });
  return { html: clean, blockedImages: state.blocked };
}
