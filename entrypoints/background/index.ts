/** The background owns the database and tab scripting; extension pages ask it by message. */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openLibrary } from '../../lib/library/open';
import { listenForMessages } from '../../lib/messaging';
import { readBody, readTab, saveClip } from './handlers';

const LIBRARY_MENU = 'open-library';

export default defineBackground(() => {
  listenForMessages({ 'clip/read': readTab, 'clip/body': readBody, 'piece/save': saveClip });
  // The toolbar button's right-click menu leads to the library.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: LIBRARY_MENU, title: 'Open library', contexts: ['action'] });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === LIBRARY_MENU) void openLibrary();
  });
});
