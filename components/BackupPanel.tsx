/**
 * Export and import of the whole collection. Props only: the caller does the storage work
 * (`exportBackupBlob` / `importBackup` of lib/backup) and feeds `progress` while it runs.
 *
 * Accessible names: the button "Export backup" and the file field "Import" (styled as a button).
 * A refused file shows the problems (path in the file and message) in an alert and says that
 * nothing was changed; a finished import shows the counts in a status line.
 */
import { useId, useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import type { ImportSummary } from '../lib/backup/import-file';
import type { BackupProgress } from '../lib/backup/progress';
import type { BackupIssue } from '../lib/backup/issues';
import { BACKUP_TABLES, type BackupTable } from '../lib/backup/format';

export interface BackupPanelProps {
  /** Builds the backup and offers it as a download. */
  onExport: () => Promise<void>;
  /** Imports the chosen file; rejects with an error carrying `errors` when the file is refused. */
  onImport: (file: File) => Promise<ImportSummary>;
  /** What the running export or import reports; null when idle. */
  progress: BackupProgress | null;
  /** Problems listed for a refused file (default 10). */
  maxErrors?: number;
}

type Outcome =
  | { kind: 'exported' }
  | { kind: 'imported'; file: string; summary: ImportSummary }
  | { kind: 'refused'; file: string; errors: BackupIssue[] }
  | { kind: 'failed'; action: 'Export' | 'Import'; message: string };

const TABLE_NAMES: Record<BackupTable, [string, string]> = {
  pieces: ['piece', 'pieces'],
  contents: ['stored copy', 'stored copies'],
  passages: ['passage', 'passages'],
  tags: ['tag', 'tags'],
  settings: ['setting', 'settings'],
};
const ORDER: BackupTable[] = ['pieces', 'contents', 'passages', 'tags', 'settings'];

function issuesOf(error: unknown): BackupIssue[] | null {
  const errors = (error as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) ? (errors as BackupIssue[]) : null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "3 pieces added, 1 updated; 2 passages added" — only what changed. */
export function describeImport(summary: ImportSummary): string {
  const parts: string[] = [];
  for (const table of ORDER) {
    const { added, updated } = summary[table];
    if (added + updated === 0) continue;
    const [one, many] = TABLE_NAMES[table];
    const counts = [added > 0 ? `${added} added` : '', updated > 0 ? `${updated} updated` : '']
      .filter(Boolean)
      .join(', ');
    parts.push(`${added + updated === 1 ? one : many}: ${counts}`);
  }
  const unchanged = BACKUP_TABLES.reduce((sum, table) => sum + summary[table].unchanged, 0);
  if (parts.length === 0)
    return 'Nothing new: your collection already had everything in this file.';
  const text = parts.join('; ');
  return (
    text.charAt(0).toUpperCase() +
    text.slice(1) +
    (unchanged > 0
      ? `; ${unchanged} ${unchanged === 1 ? 'record was' : 'records were'} already there.`
      : '.')
  );
}

const STYLE = `
.backup-panel__actions { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.backup-panel__file { position: relative; display: inline-block; border: 1px solid var(--line, #ccc);
  background: var(--chip, #eee); border-radius: 4px; padding: 4px 10px; cursor: pointer; }
.backup-panel__file input { position: absolute; inset: 0; width: 100%; height: 100%; opacity: 0;
  cursor: pointer; }
.backup-panel__file:focus-within { outline: 2px solid var(--focus, #1b5fd1); outline-offset: 2px; }
.backup-panel__file[data-disabled] { opacity: 0.6; cursor: default; }
.backup-panel__progress { display: flex; gap: 8px; align-items: center; margin-top: 8px; }
.backup-panel__progress progress { flex: 1; max-width: 320px; }
.backup-panel__alert { color: var(--error, #a1241b); }
.backup-panel__alert ul { padding-left: 1.2em; margin: 4px 0; }
.backup-panel__alert code { word-break: break-all; }
`;

export function BackupPanel({ onExport, onImport, progress, maxErrors = 10 }: BackupPanelProps) {
  const id = useId();
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const exportClick = async () => {
    setBusy('export');
    setOutcome(null);
    try {
      await onExport();
      setOutcome({ kind: 'exported' });
    } catch (error) {
      setOutcome({ kind: 'failed', action: 'Export', message: messageOf(error) });
    } finally {
      setBusy(null);
    }
  };

  const fileChosen = async (event: TargetedEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared at once, so that choosing the same file again imports it again.
    input.value = '';
    if (!file) return;
    setBusy('import');
    setOutcome(null);
    try {
      const summary = await onImport(file);
      setOutcome({ kind: 'imported', file: file.name, summary });
    } catch (error) {
      const errors = issuesOf(error);
      setOutcome(
        errors
          ? { kind: 'refused', file: file.name, errors }
          : { kind: 'failed', action: 'Import', message: messageOf(error) },
      );
    } finally {
      setBusy(null);
    }
  };

  const percent =
    progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null;

  return (
    <section class="backup-panel" aria-labelledby={`${id}-title`}>
      <style>{STYLE}</style>
      <h2 id={`${id}-title`}>Backup</h2>
      <p class="muted">
        One JSON file with your whole collection. Importing merges it with what is here: nothing is
        deleted, and where a record differs the newer one wins.
      </p>
      <div class="backup-panel__actions">
        <button type="button" onClick={exportClick} disabled={busy !== null}>
          Export backup
        </button>
        <label class="backup-panel__file" data-disabled={busy !== null ? '' : undefined}>
          <span aria-hidden="true">Import</span>
          <input
            type="file"
            accept="application/json,.json"
            aria-label="Import"
            disabled={busy !== null}
            onChange={fileChosen}
          />
        </label>
      </div>

      {busy !== null && (
        <div class="backup-panel__progress">
          <label for={`${id}-progress`}>
            {progress?.label ?? (busy === 'export' ? 'Exporting' : 'Importing')}
          </label>
          <progress
            id={`${id}-progress`}
            max={progress && progress.total > 0 ? progress.total : undefined}
            value={
              progress && progress.total > 0 ? Math.min(progress.done, progress.total) : undefined
            }
          />
          {percent !== null && <span aria-hidden="true">{percent}%</span>}
        </div>
      )}

      <div role="status">
        {outcome?.kind === 'exported' && <p>Backup exported.</p>}
        {outcome?.kind === 'imported' && (
          <p>
            Imported {outcome.file}
            {outcome.summary.upgradedFrom !== null
              ? ` (an older backup format, ${outcome.summary.upgradedFrom}, upgraded)`
              : ''}
            . {describeImport(outcome.summary)}
          </p>
        )}
      </div>

      {outcome?.kind === 'refused' && (
        <div role="alert" class="backup-panel__alert">
          <p>
            Not imported: {outcome.file} is not a valid Commonplace backup. Nothing in your
            collection was changed.
          </p>
          <ul>
            {outcome.errors.slice(0, maxErrors).map((error, i) => (
              <li key={i}>
                <code>{error.path}</code>: {error.message}
              </li>
            ))}
          </ul>
          {outcome.errors.length > maxErrors && (
            <p>
              …and {outcome.errors.length - maxErrors} more{' '}
              {outcome.errors.length - maxErrors === 1 ? 'problem' : 'problems'}.
            </p>
          )}
        </div>
      )}
      {outcome?.kind === 'failed' && (
        <div role="alert" class="backup-panel__alert">
          <p>
            {outcome.action} failed: {outcome.message}
            {outcome.action === 'Import' && !/nothing .*changed/i.test(outcome.message)
              ? ' Nothing in your collection was changed.'
              : ''}
          </p>
        </div>
      )}
    </section>
  );
}
