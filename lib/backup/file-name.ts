/** The name a backup download gets: `commonplace-backup-2025-05-01.json` (the UTC day). */
export function backupFileName(now: Date = new Date()): string {
  return `commonplace-backup-${now.toISOString().slice(0, 10)}.json`;
}
