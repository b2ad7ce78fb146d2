/**
 * "Show my highlights automatically on sites I have clipped from": host access for those sites
 * only, asked at run time, and the page-side passages script registered for them only. Turning
 * it off removes both.
 */
import { browser } from 'wxt/browser';
import type { CommonplaceDB } from '../../lib/collection/database';

const SCRIPT_ID = 'commonplace-auto-highlights';
export const AUTO_HIGHLIGHTS_SETTING = 'autoHighlights';

export interface AutoHighlights {
  enabled: boolean;
  origins: string[];
}

/**
 * Must be called first thing in the click handler: the permission prompt needs the user's
 * gesture. Returns false when the reader declined.
 */
export async function enableAutoHighlights(db: CommonplaceDB, origins: string[]): Promise<boolean> {
  const granted = await browser.permissions.request({ origins });
  if (!granted) return false;
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
  const value: AutoHighlights = { enabled: true, origins };
  await db.settings.put({
    key: AUTO_HIGHLIGHTS_SETTING,
    value,
    updatedAt: new Date().toISOString(),
  });
  return true;
}

export async function disableAutoHighlights(db: CommonplaceDB, origins: string[]): Promise<void> {
  await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] }).catch(() => undefined);
  await browser.permissions.remove({ origins }).catch(() => false);
  const value: AutoHighlights = { enabled: false, origins: [] };
  await db.settings.put({
    key: AUTO_HIGHLIGHTS_SETTING,
    value,
    updatedAt: new Date().toISOString(),
  });
}
