/** The background owns the database and tab scripting; extension pages ask it by message. */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openLibrary } from '../../lib/library/open';
import { listenForMessages } from '../../lib/messaging';
import { setAutoHighlights } from './auto-highlights';
import { readBody, readTab, saveClip } from './clip-handlers';
import { annotateTab, passageHandlers } from './passage-handlers';

const LIBRARY_MENU = 'open-library';
const ANNOTATE_MENU = 'annotate-selection';

/** Context menu and keyboard shortcut both grant activeTab for the tab they were used in. */
function annotateFrom(tabId: number | undefined): void {
  if (tabId === undefined) return;
  annotateTab(tabId).catch((error: unknown) => console.warn('Annotate selection failed:', error));
}

export default defineBackground(() => {
  listenForMessages({
    'clip/read': readTab,
    'clip/body': readBody,
    'piece/save': saveClip,
    'highlights/set': setAutoHighlights,
    ...passageHandlers,
  });
  // The toolbar button's right-click menu leads to the library.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: LIBRARY_MENU, title: 'Open library', contexts: ['action'] });
    browser.contextMenus.create({
      id: ANNOTATE_MENU,
      title: 'Annotate selection',
      contexts: ['selection'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === LIBRARY_MENU) void openLibrary();
    if (info.menuItemId === ANNOTATE_MENU) annotateFrom(tab?.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === ANNOTATE_MENU) annotateFrom(tab?.id);
  });
});
