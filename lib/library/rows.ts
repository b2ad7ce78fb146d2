/** The rows of the library list: pieces, passages, and the headers of groups. */
import type { PassageRow, PieceRow, TagRow } from '../model/records';
import { groupPieces, type GroupKey, type ViewKind } from './view';

/** A row of the list; `key` is unique in it (a piece is listed once per group it is in). */
export type Row =
  | { kind: 'group'; key: string; label: string; count: number }
  | { kind: 'piece'; key: string; piece: PieceRow }
  | { kind: 'passage'; key: string; passage: PassageRow };

// The rows of a list of pieces, made once per list: clearing a filter gives back the whole list,
// whose 20,000 rows are then not made again.
const rowsOfList = new WeakMap<readonly PieceRow[], Row[]>();
function pieceRows(pieces: readonly PieceRow[]): Row[] {
  let rows = rowsOfList.get(pieces);
  if (!rows) {
    rows = pieces.map((piece) => ({ kind: 'piece', key: piece.id, piece }));
    rowsOfList.set(pieces, rows);
  }
  return rows;
}

/** The passages in the passages view; else the pieces, under a header per group if grouped. */
export function listRows(
  kind: ViewKind,
  group: GroupKey,
  pieces: readonly PieceRow[],
  passages: readonly PassageRow[],
  tagsById: ReadonlyMap<string, TagRow>,
): Row[] {
  if (kind === 'passages')
    return passages.map((passage) => ({ kind: 'passage', key: passage.id, passage }));
  if (group === 'none') return pieceRows(pieces);
  return groupPieces(pieces, group, tagsById).flatMap((members): Row[] => [
    { kind: 'group', key: `g-${members.key}`, label: members.label, count: members.pieces.length },
    ...members.pieces.map((piece): Row => ({
      kind: 'piece',
      key: `${members.key}-${piece.id}`,
      piece,
    })),
  ]);
}

/** The piece a row opens in the reader (a passage's piece); null for a group header. */
export function pieceOfRow(row: Row): string | null {
  if (row.kind === 'piece') return row.piece.id;
  return row.kind === 'passage' ? row.passage.pieceId : null;
}

/** The key a row is chosen by in the list: its piece's id (a piece listed in two groups is one). */
export function pieceKeyOf(row: Row): string | null {
  return row.kind === 'piece' ? row.piece.id : null;
}

/** The distinct pieces of `rows`, in list order, those of `only` alone when it is given. */
export function piecesOfRows(rows: readonly Row[], only?: ReadonlySet<string>): PieceRow[] {
  const seen = new Set<string>();
  const pieces: PieceRow[] = [];
  for (const row of rows) {
    if (row.kind !== 'piece' || seen.has(row.piece.id)) continue;
    if (only && !only.has(row.piece.id)) continue;
    seen.add(row.piece.id);
    pieces.push(row.piece);
  }
  return pieces;
}
