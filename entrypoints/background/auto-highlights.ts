/**
 * "Show my highlights automatically on sites I have clipped from": the page-side passages script
 * registered for those sites only, and the device setting that says so. The library asks for the
 * host access first (the permission prompt needs its click); turning it off removes both.
 */
import { browser } from 'wxt/browser';
import { openDatabase } from '../../lib/collection/database';
import { writeSetting } from '../../lib/collection/settings';
import type { MessageHandlers } from '../../lib/protocol';
import { AUTO_HIGHLIGHTS } from '../../lib/settings/catalogue';

const SCRIPT_ID = 'commonplace-auto-highlights';
const db = openDatabase();

async function enable(origins: string[]): Promise<void> {
  const granted = await browser.permissions.contains({ origins });
  if (!granted) throw new Error('the library asked for no access to these sites');
  await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] }).catch(() => undefined);
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: origins,
      js: ['passages.js'],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
  await writeSetting(db, AUTO_HIGHLIGHTS, { enabled: true, origins });
}

async function disable(origins: string[]): Promise<void> {
  await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] }).catch(() => undefined);
  await browser.permissions.remove({ origins }).catch(() => false);
  await writeSetting(db, AUTO_HIGHLIGHTS, { enabled: false, origins: [] });
}

export const setAutoHighlights: MessageHandlers['highlights/set'] = async ({
  enabled,
  origins,
}) => {
  await (enabled ? enable(origins) : disable(origins));
  return { ok: true };
};
