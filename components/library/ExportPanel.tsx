/** Choosing what to export and in which format. Props only: the caller reads and saves. */
import { useState } from 'preact/hooks';
import { EXPORT_FORMAT_LABELS, EXPORT_FORMATS, type ExportFormat } from '../../lib/export';
import type { ExportScope } from '../../lib/library/export-scope';

export interface ExportRequest {
  scope: ExportScope;
  format: ExportFormat;
  groupBy: 'author' | 'theme';
}

export interface ExportPanelProps {
  counts: { all: number; view: number };
  /** Title of the open piece, when one is open. */
  openPiece: string | null;
  progress: { done: number; total: number } | null;
  onExport: (request: ExportRequest) => void;
}

export function ExportPanel({ counts, openPiece, progress, onExport }: ExportPanelProps) {
  const [request, setRequest] = useState<ExportRequest>({
    scope: 'view',
    format: 'md',
    groupBy: 'author',
  });
  const scopes: [ExportScope, string][] = [
    ['all', `Everything (${counts.all} pieces)`],
    ['view', `The current view (${counts.view} pieces)`],
    ...(openPiece ? [['piece', `This piece: ${openPiece}`] as [ExportScope, string]] : []),
  ];
  return (
    <form
      class="export-panel"
      aria-label="Export"
      onSubmit={(event) => {
        event.preventDefault();
        onExport(request);
      }}
    >
      <label class="field-label" for="export-scope">
        What
      </label>
      <select
        id="export-scope"
        value={request.scope}
        onChange={(e) => setRequest({ ...request, scope: e.currentTarget.value as ExportScope })}
      >
        {scopes.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <label class="field-label" for="export-format">
        Format
      </label>
      <select
        id="export-format"
        value={request.format}
        onChange={(e) => setRequest({ ...request, format: e.currentTarget.value as ExportFormat })}
      >
        {EXPORT_FORMATS.map((format) => (
          <option key={format} value={format}>
            {EXPORT_FORMAT_LABELS[format]}
          </option>
        ))}
      </select>
      {request.format === 'dossier' && (
        <>
          <label class="field-label" for="export-group">
            Group the dossier
          </label>
          <select
            id="export-group"
            value={request.groupBy}
            onChange={(e) =>
              setRequest({ ...request, groupBy: e.currentTarget.value as 'author' | 'theme' })
            }
          >
            <option value="author">by author</option>
            <option value="theme">by theme</option>
          </select>
        </>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={progress !== null}>
          Export
        </button>
        {progress && (
          <progress
            aria-label="Export progress"
            max={Math.max(progress.total, 1)}
            value={progress.done}
          />
        )}
      </div>
    </form>
  );
}
