/** Every setting Commonplace keeps, with its scope. */
import * as v from 'valibot';
import { defineSetting, defineSettingFamily, type SettingScope } from './define';

/**
 * "Show my highlights automatically on sites I have clipped from": the origins this browser
 * granted host access to and registered the passages script for. Device-only: another browser
 * has granted nothing.
 */
export const AUTO_HIGHLIGHTS = defineSetting(
  'autoHighlights',
  { enabled: false, origins: [] as string[] },
  {
    scope: 'device',
    schema: v.object({ enabled: v.boolean(), origins: v.array(v.string()) }),
  },
);

/** Whether the reader let a piece's stored copy load its images (they come from the site). */
export const IMAGES_SHOWN = defineSettingFamily('images', false, {
  scope: 'collection',
  schema: v.boolean(),
});

const SETTINGS = [AUTO_HIGHLIGHTS];
const FAMILIES = [IMAGES_SHOWN];

/** The scope of the setting stored under `key`; unknown keys (a newer version's) are the collection's. */
export function scopeOfKey(key: string): SettingScope {
  const setting = SETTINGS.find((s) => s.key === key);
  if (setting) return setting.scope;
  const family = FAMILIES.find((f) => key.startsWith(`${f.prefix}:`));
  return family?.scope ?? 'collection';
}

/** A setting of this browser only (granted host access, say): never in a backup, nor taken from one. */
export const isDeviceSetting = (key: string): boolean => scopeOfKey(key) === 'device';
