/** A row of the library list: a group's header, a piece or a passage. Props only. */
import type { PieceRow, TagRow } from '../../lib/model/records';
import { tagNames } from '../../lib/library/list';
import type { Row } from '../../lib/library/rows';
import { PassageCard, PieceCard, type Snippet } from './PieceCard';

export interface LibraryRowProps {
  row: Row;
  tagsById: ReadonlyMap<string, TagRow>;
  piecesById: ReadonlyMap<string, PieceRow>;
  /** Piece and passage ids → the matched words in context, while searching. */
  snippets: ReadonlyMap<string, Snippet> | undefined;
}

export function LibraryRow({ row, tagsById, piecesById, snippets }: LibraryRowProps) {
  if (row.kind === 'group') {
    return (
      <h2 class="group-header">
        {row.label} <span class="muted">({row.count})</span>
      </h2>
    );
  }
  if (row.kind === 'piece') {
    return (
      <PieceCard
        piece={row.piece}
        authors={tagNames(row.piece.authorIds, tagsById)}
        themes={row.piece.themeIds.flatMap((id) => {
          const tag = tagsById.get(id);
          return tag ? [{ name: tag.name, color: tag.color }] : [];
        })}
        snippet={snippets?.get(row.piece.id) ?? null}
      />
    );
  }
  return (
    <PassageCard
      passage={row.passage}
      pieceTitle={piecesById.get(row.passage.pieceId)?.title ?? ''}
      authors={tagNames(row.passage.authorIds, tagsById)}
      themes={tagNames(row.passage.themeIds, tagsById)}
      snippet={snippets?.get(row.passage.id) ?? null}
    />
  );
}
