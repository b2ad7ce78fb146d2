/**
 * Reading and writing typed settings (lib/settings): a collection setting lives in `settings`
 * (backed up with the pieces), a device setting in `deviceSettings` (never exported).
 */
import type { Transaction } from 'dexie';
import type { CollectionTables } from '../db/schema';
import { nowIso } from '../db/schema';
import type { SettingRow } from '../model/records';
import { scopeOfKey } from '../settings/catalogue';
import { settingValue, type Setting } from '../settings/define';

const tableOf = (t: CollectionTables, setting: Setting<unknown>) =>
  setting.scope === 'device' ? t.deviceSettings : t.settings;

/** The setting's value: what is stored when it fits the schema, else its fallback. */
export async function readSetting<T>(t: CollectionTables, setting: Setting<T>): Promise<T> {
  const row = await tableOf(t, setting as Setting<unknown>).get(setting.key);
  return settingValue(setting, row?.value);
}

export async function writeSetting<T>(
  t: CollectionTables,
  setting: Setting<T>,
  value: T,
  now: Date = new Date(),
): Promise<void> {
  await tableOf(t, setting as Setting<unknown>).put({
    key: setting.key,
    value,
    updatedAt: nowIso(now),
  });
}

/** Upgrade to version 4: device settings saved before it move out of `settings`. */
export async function moveDeviceSettings(tx: Transaction): Promise<void> {
  const settings = tx.table<SettingRow, string>('settings');
  const device = (await settings.toArray()).filter((row) => scopeOfKey(row.key) === 'device');
  await tx.table<SettingRow, string>('deviceSettings').bulkPut(device);
  await settings.bulkDelete(device.map((row) => row.key));
}
