/**
 * A saved page's bytes as a document, the way the CLI and the evaluation read pages: decoded as a
 * browser would (`decodeHtml`), parsed without running scripts or fetching anything. The document
 * comes from a DOMParser, which gives frames no window of their own (jsdom would build one per
 * `<iframe>`: seconds on a page of embeds); `window` is the DOM that sanitising needs.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { decodeHtml, type DecodedHtml } from '../extract/decode-html';

export interface SavedPage {
  document: Document;
  window: Window;
  charset: Omit<DecodedHtml, 'text'>;
  close(): void;
}

export function parseSavedPage(bytes: Uint8Array, pageUrl: string): SavedPage {
  const { text, ...charset } = decodeHtml(bytes);
  const host = new JSDOM('', { url: pageUrl, virtualConsole: new VirtualConsole() });
  const document = new host.window.DOMParser().parseFromString(text, 'text/html');
  return {
    document,
    window: host.window as unknown as Window,
    charset,
    close: () => host.window.close(),
  };
}
