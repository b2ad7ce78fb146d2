/**
 * The list of the library: pieces or passages as the view shows them, with the bar of the pieces
 * chosen in it. The choice itself is kept by the page, so it outlives a visit to another panel.
 */
import { useCallback } from 'preact/hooks';
import { LibraryRow } from '../../components/library/LibraryRow';
import { VirtualList } from '../../components/library/VirtualList';
import { pieceOfRow, type Row } from '../../lib/library/rows';
import type { PieceRow, TagRow } from '../../lib/model/records';
import type { Snippet } from '../../lib/search';
import type { Attempt } from './attempt';
import { Bulk } from './Bulk';
import { OVERSCAN, ROW_HEIGHT } from './layout';
import type { useChoice } from './use-choice';

export interface ListPaneProps {
  label: string;
  rows: Row[];
  tags: readonly TagRow[];
  tagsById: ReadonlyMap<string, TagRow>;
  piecesById: ReadonlyMap<string, PieceRow>;
  snippets: ReadonlyMap<string, Snippet> | undefined;
  choice: ReturnType<typeof useChoice>;
  attempt: Attempt;
  /** Asks for the snippets of the pieces on screen. */
  onShown: (pieceIds: string[]) => void;
  onOpen: (pieceId: string) => void;
  /** Passages filtered as the debate counts them (`passageTags: 'attributed'`). */
  attributed: boolean;
  /** Back to every passage whose tags or piece's tags match. */
  onEveryPassage: () => void;
}

const rowKey = (row: Row) => row.key;
const rowHeight = (row: Row) => ROW_HEIGHT[row.kind];
const isSelectable = (row: Row) => row.kind !== 'group';

export function ListPane(props: ListPaneProps) {
  const { rows, tags, tagsById, piecesById, snippets, choice, attempt, onShown, onOpen } = props;
  const openRow = useCallback(
    (row: Row) => {
      const id = pieceOfRow(row);
      if (id) onOpen(id);
    },
    [onOpen],
  );
  const onRangeChange = useCallback(
    (first: number, last: number) =>
      onShown(
        rows.slice(first, last + 1).flatMap((row) => (row.kind === 'piece' ? [row.piece.id] : [])),
      ),
    [rows, onShown],
  );
  const renderRow = useCallback(
    (row: Row) => (
      <LibraryRow row={row} tagsById={tagsById} piecesById={piecesById} snippets={snippets} />
    ),
    [tagsById, piecesById, snippets],
  );
  return (
    <>
      {props.attributed && (
        <p class="notice">
          Passages are filtered as the debate counts them: by their own authors and themes, or their
          piece’s when they have none.{' '}
          <button type="button" class="link-button" onClick={props.onEveryPassage}>
            Filter by theirs and their piece’s
          </button>
        </p>
      )}
      {choice.chosen.length > 0 && (
        <Bulk
          chosen={choice.chosen}
          shown={choice.shown}
          tags={tags}
          tagsById={tagsById}
          attempt={attempt}
          onChooseAll={choice.chooseAll}
          onClear={choice.clear}
        />
      )}
      <VirtualList<Row>
        label={props.label}
        items={rows}
        itemKey={rowKey}
        itemHeight={rowHeight}
        isSelectable={isSelectable}
        onOpen={openRow}
        renderItem={renderRow}
        overscan={OVERSCAN}
        onRangeChange={onRangeChange}
        selection={choice.selection}
      />
    </>
  );
}
