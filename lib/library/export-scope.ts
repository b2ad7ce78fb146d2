/** What "Export" takes from the collection, for each choice of the export panel. */
import type { PassageRow, PieceRow } from '../model/records';
import { piecesOfPassages } from './list';
import type { ViewKind } from './view';

export type ExportScope = 'all' | 'view' | 'piece';

/** What the library shows when the export is asked for. */
export interface ShownCollection {
  view: ViewKind;
  /** The open piece's id, or null. */
  openPiece: string | null;
  pieces: readonly PieceRow[];
  passages: readonly PassageRow[];
  /** True while only the first screen is read: the view then shows every piece. */
  firstScreenOnly: boolean;
}

export interface ExportSelection {
  /** The pieces to export; null for all of them. */
  pieceIds: string[] | null;
  /** The passages to keep of those pieces; null for all of theirs. */
  passageIds: Set<string> | null;
}

/**
 * Everything; the open piece (the view when none is open); or the view: its pieces, or in the
 * passages view the shown passages and the pieces they are on.
 */
export function exportSelection(scope: ExportScope, shown: ShownCollection): ExportSelection {
  if (scope === 'all') return { pieceIds: null, passageIds: null };
  if (scope === 'piece' && shown.openPiece)
    return { pieceIds: [shown.openPiece], passageIds: null };
  if (scope === 'view' && shown.view === 'passages') {
    return {
      pieceIds: piecesOfPassages(shown.passages),
      passageIds: new Set(shown.passages.map((p) => p.id)),
    };
  }
  if (shown.firstScreenOnly) return { pieceIds: null, passageIds: null };
  return { pieceIds: shown.pieces.map((p) => p.id), passageIds: null };
}

/** How many pieces "the current view" exports; `total`: every piece in the collection. */
export function viewPieceCount(shown: ShownCollection, total: number): number {
  if (shown.view === 'passages') return piecesOfPassages(shown.passages).length;
  return shown.firstScreenOnly ? total : shown.pieces.length;
}
