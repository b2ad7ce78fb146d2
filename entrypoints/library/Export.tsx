/** "Export" in the sidebar: everything, the current view or the open piece, in a chosen format. */
import { ExportPanel } from '../../components/library/ExportPanel';
import type { ExportProgress } from '../../lib/export';
import {
  exportSelection,
  viewPieceCount,
  type ShownCollection,
} from '../../lib/library/export-scope';
import { downloadExport } from './actions';
import type { Attempt } from './attempt';
import { useProgress } from './use-progress';

export interface ExportProps {
  shown: ShownCollection;
  /** Every piece in the collection. */
  total: number;
  /** Title of the open piece, when one is open. */
  openTitle: string | null;
  attempt: Attempt;
}

export function Export({ shown, total, openTitle, attempt }: ExportProps) {
  const { progress, track } = useProgress<ExportProgress>();
  return (
    <details class="settings">
      <summary>Export</summary>
      <ExportPanel
        counts={{ all: total, view: viewPieceCount(shown, total) }}
        openPiece={openTitle}
        progress={progress}
        onExport={(request) =>
          void attempt(() =>
            track(
              (report) => downloadExport(exportSelection(request.scope, shown), request, report),
              { done: 0, total: 1 },
            ),
          )
        }
      />
    </details>
  );
}
