/**
 * The JSON Schema of the backup format, generated from the valibot schemas of ./format.ts.
 * `docs/backup.schema.json` is this output; a unit test keeps the two equal. To regenerate:
 *
 *     npx tsx lib/backup/json-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import { format, resolveConfig } from 'prettier';
import { BackupSchema } from './format';

export const SCHEMA_PATH = 'docs/backup.schema.json';

/** Checks that JSON Schema cannot express (calendar dates, nesting depth, references) are left out. */
export function backupJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = toJsonSchema(BackupSchema, {
    target: 'draft-2020-12',
    errorMode: 'ignore',
  });
  return { $schema, ...rest };
}

/** The schema as the committed file holds it (formatted by the project's Prettier settings). */
export async function backupJsonSchemaText(): Promise<string> {
  const options = (await resolveConfig(SCHEMA_PATH)) ?? {};
  return format(JSON.stringify(backupJsonSchema()), { ...options, parser: 'json' });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(SCHEMA_PATH, await backupJsonSchemaText());
  process.stdout.write(`wrote ${SCHEMA_PATH}\n`);
}
