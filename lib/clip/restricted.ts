/**
 * Pages an extension cannot (or must not) read. Checked before injecting anything, so the popup
 * can say why instead of failing with a browser error.
 */

const STORE_HOSTS = [
  'chromewebstore.google.com',
  'addons.mozilla.org',
  'microsoftedge.microsoft.com',
];
const BROWSER_SCHEMES = [
  'chrome:',
  'chrome-extension:',
  'chrome-untrusted:',
  'devtools:',
  'edge:',
  'brave:',
  'opera:',
  'vivaldi:',
  'about:',
  'moz-extension:',
  'resource:',
  'view-source:',
  'data:',
  'blob:',
  'javascript:',
];

/** Built into Chrome and Edge: the PDF viewer's extension id. */
const PDF_VIEWER_ID = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

export interface PageAccess {
  /** `file://` pages may be read only when the user allowed file access for the extension. */
  fileAccessAllowed: boolean;
}

/** A sentence saying why `url` cannot be clipped, or null when it can be tried. */
export function restrictionFor(url: string | undefined, access: PageAccess): string | null {
  if (!url) return 'This tab has no page address the extension may read.';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'This tab has no page address the extension may read.';
  }
  const { protocol, hostname, pathname } = parsed;
  if (protocol === 'view-source:') {
    return 'Source views cannot be clipped: open the page itself and click Commonplace again.';
  }
  if (
    (protocol === 'chrome-extension:' && hostname === PDF_VIEWER_ID) ||
    ((protocol === 'http:' || protocol === 'https:' || protocol === 'file:') &&
      /\.pdf$/i.test(pathname))
  ) {
    return 'PDF documents cannot be clipped yet: Commonplace reads web pages only.';
  }
  if (BROWSER_SCHEMES.includes(protocol)) {
    return 'Browser pages (settings, new tab, extensions) cannot be clipped: browsers do not let extensions read them.';
  }
  if (
    STORE_HOSTS.includes(hostname) ||
    (hostname === 'chrome.google.com' && pathname.startsWith('/webstore'))
  ) {
    return 'Extension store pages cannot be clipped: browsers do not let extensions read them.';
  }
  if (protocol === 'file:' && !access.fileAccessAllowed) {
    return 'Local files can be clipped only after you allow it: open the extension’s details and turn on “Allow access to file URLs”.';
  }
  if (protocol !== 'http:' && protocol !== 'https:' && protocol !== 'file:') {
    return 'Only web pages can be clipped.';
  }
  return null;
}
