/**
 * Reading and writing typed settings (lib/settings). Rows keep the shape they always had, so
 * settings saved before the typed module read as they were; a value that no longer fits its
 * schema reads as the setting's fallback.
 */
import { nowIso, type CollectionTables } from '../db/schema';
import { settingValue, type Setting } from '../settings/define';

/** The setting's value: what is stored when it fits the schema, else its fallback. */
export async function readSetting<T>(t: CollectionTables, setting: Setting<T>): Promise<T> {
  return settingValue(setting, (await t.settings.get(setting.key))?.value);
}

export async function writeSetting<T>(
  t: CollectionTables,
  setting: Setting<T>,
  value: T,
  now: Date = new Date(),
): Promise<void> {
  await t.settings.put({ key: setting.key, value, updatedAt: nowIso(now) });
}
