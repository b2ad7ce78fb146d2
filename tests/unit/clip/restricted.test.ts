import { describe, expect, test } from 'vitest';
import { restrictionFor } from '../../../lib/clip/restricted';
import {
  injectionErrorMessage,
  TOO_SLOW_MESSAGE,
  withTimeLimit,
} from '../../../lib/clip/clip-errors';

const allowed = { fileAccessAllowed: true };
const denied = { fileAccessAllowed: false };

describe('restrictionFor', () => {
  test.each([
    ['chrome://settings/', /Browser pages/],
    ['chrome://newtab/', /Browser pages/],
    ['about:blank', /Browser pages/],
    ['edge://extensions', /Browser pages/],
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html', /Browser pages/],
    ['view-source:https://example.org/', /Source views/],
    ['https://chromewebstore.google.com/detail/x/abc', /store pages/],
    ['https://chrome.google.com/webstore/detail/abc', /store pages/],
    ['https://addons.mozilla.org/en-US/firefox/addon/x/', /store pages/],
    ['https://example.org/report.PDF', /PDF documents/],
    ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', /PDF documents/],
    ['ftp://example.org/file', /Only web pages/],
    [undefined, /no page address/],
    ['not a url', /no page address/],
  ])('%s is refused', (url, message) => {
    expect(restrictionFor(url, allowed)).toMatch(message);
  });

  test('file pages need the user to allow file access', () => {
    expect(restrictionFor('file:///home/me/article.html', denied)).toMatch(
      /Allow access to file URLs/,
    );
    expect(restrictionFor('file:///home/me/article.html', allowed)).toBeNull();
  });

  test.each([
    'https://example.org/2015/11/article/',
    'http://127.0.0.1:8080/a.html',
    'https://chrome.google.com/search',
  ])('%s may be clipped', (url) => {
    expect(restrictionFor(url, allowed)).toBeNull();
  });
});

describe('clip errors', () => {
  test.each([
    ['Cannot access a chrome:// URL', /Browser pages/],
    ['The extensions gallery cannot be scripted.', /store pages/],
    [
      'Cannot access contents of url "file:///x.html". Extension manifest must request permission',
      /file URLs/,
    ],
    ['Frame with ID 0 is showing error page', /error page/],
    ['Something odd.', /cannot read this page \(Something odd\)/],
  ])('injection error %s', (raw, message) => {
    expect(injectionErrorMessage(raw)).toMatch(message);
  });

  test('withTimeLimit rejects a reading that takes too long', async () => {
    const never = new Promise<never>(() => {});
    await expect(withTimeLimit(never, 20)).rejects.toThrow(TOO_SLOW_MESSAGE);
  });
  test('withTimeLimit passes a quick result through', async () => {
    await expect(withTimeLimit(Promise.resolve(42), 1000)).resolves.toBe(42);
  });
});
