/** highlights/set: the background registers the passages script for granted sites, or removes it. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setAutoHighlights } from '../../../entrypoints/background/auto-highlights';
import { openDatabase } from '../../../lib/collection/database';
import { readSetting, writeSetting } from '../../../lib/collection/settings';
import { AUTO_HIGHLIGHTS } from '../../../lib/settings/catalogue';

vi.mock('wxt/browser', () => import('./fake-browser'));

const db = openDatabase();
const ORIGINS = ['https://essays.example/*', 'https://news.example/*'];
const sender = { tabId: undefined, url: undefined };

let granted: boolean;
let registered: { id: string; matches?: string[]; js?: string[] }[];
let removed: string[][];

beforeEach(async () => {
  await db.delete();
  await db.open();
  fakeBrowser.reset();
  vi.restoreAllMocks();
  granted = true;
  registered = [];
  removed = [];
  const permissions = fakeBrowser.permissions;
  vi.spyOn(permissions, 'contains').mockImplementation((async () => granted) as never);
  vi.spyOn(permissions, 'remove').mockImplementation((async (p: { origins: string[] }) => {
    removed.push(p.origins);
    return true;
  }) as never);
  const scripting = fakeBrowser.scripting;
  vi.spyOn(scripting, 'registerContentScripts').mockImplementation((async (
    scripts: typeof registered,
  ) => {
    registered.push(...scripts);
  }) as never);
  vi.spyOn(scripting, 'unregisterContentScripts').mockImplementation((async () => {
    registered = [];
  }) as never);
});

describe('highlights/set', () => {
  it('registers the passages script for the granted sites and remembers them', async () => {
    expect(await setAutoHighlights({ enabled: true, origins: ORIGINS }, sender)).toEqual({
      ok: true,
    });
    expect(registered).toEqual([
      expect.objectContaining({ matches: ORIGINS, js: ['passages.js'] }),
    ]);
    expect(await readSetting(db, AUTO_HIGHLIGHTS)).toEqual({ enabled: true, origins: ORIGINS });
  });

  it('refuses sites the library was not granted: nothing registered, nothing remembered', async () => {
    granted = false;
    await expect(setAutoHighlights({ enabled: true, origins: ORIGINS }, sender)).rejects.toThrow(
      'no access',
    );
    expect(registered).toEqual([]);
    expect(await readSetting(db, AUTO_HIGHLIGHTS)).toEqual({ enabled: false, origins: [] });
  });

  it('turning it off removes the script and gives the host access back', async () => {
    await writeSetting(db, AUTO_HIGHLIGHTS, { enabled: true, origins: ORIGINS });
    registered = [{ id: 'commonplace-auto-highlights', matches: ORIGINS }];
    await setAutoHighlights({ enabled: false, origins: ORIGINS }, sender);
    expect(registered).toEqual([]);
    expect(removed).toEqual([ORIGINS]);
    expect(await readSetting(db, AUTO_HIGHLIGHTS)).toEqual({ enabled: false, origins: [] });
  });
});
