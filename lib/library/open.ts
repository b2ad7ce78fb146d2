/** Opens the library in a new tab. */
import { browser } from 'wxt/browser';

export async function openLibrary(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
}
