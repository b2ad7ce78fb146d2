/**
 * Typed settings: each names its key, its value's schema, the value it has until set, and its
 * scope. A `collection` setting belongs with the pieces (backed up, later synced); a `device`
 * setting describes this browser only (granted host access, say) and is never exported.
 */
import * as v from 'valibot';

export type SettingScope = 'collection' | 'device';

export interface Setting<T> {
  key: string;
  fallback: T;
  scope: SettingScope;
  schema: v.GenericSchema<T>;
}

interface SettingOptions<T> {
  scope: SettingScope;
  schema: v.GenericSchema<T>;
}

export function defineSetting<T>(key: string, fallback: T, options: SettingOptions<T>): Setting<T> {
  return { key, fallback, ...options };
}

/** A setting per item (`images:<pieceId>`): one row each, so that merging keeps every item's. */
export interface SettingFamily<T> {
  prefix: string;
  scope: SettingScope;
  of(id: string): Setting<T>;
}

export function defineSettingFamily<T>(
  prefix: string,
  fallback: T,
  options: SettingOptions<T>,
): SettingFamily<T> {
  return {
    prefix,
    scope: options.scope,
    of: (id) => defineSetting(`${prefix}:${id}`, fallback, options),
  };
}

/** The stored value when it fits the setting's schema; otherwise the fallback. */
export function settingValue<T>(setting: Setting<T>, stored: unknown): T {
  if (stored === undefined) return setting.fallback;
  const parsed = v.safeParse(setting.schema, stored);
  return parsed.success ? parsed.output : setting.fallback;
}
