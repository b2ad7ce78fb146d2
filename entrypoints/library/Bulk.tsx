/** The bar over the list while pieces are chosen: tags added to or taken off all of them at once. */
import { useMemo, useState } from 'preact/hooks';
import { BulkBar } from '../../components/library/BulkBar';
import { tagNamesOfKind } from '../../lib/library/facets';
import { tagsOnPieces } from '../../lib/library/selection';
import type { PieceRow, TagRow } from '../../lib/model/records';
import { addTagToPieces, removeTagFromPieces } from './actions';
import type { Attempt } from './attempt';

export interface BulkProps {
  /** The chosen pieces that the list shows. */
  chosen: readonly PieceRow[];
  /** How many pieces the list shows. */
  shown: number;
  tags: readonly TagRow[];
  tagsById: ReadonlyMap<string, TagRow>;
  attempt: Attempt;
  onChooseAll: () => void;
  onClear: () => void;
}

const pieces = (n: number) => `${n} ${n === 1 ? 'piece' : 'pieces'}`;

export function Bulk({ chosen, shown, tags, tagsById, attempt, onChooseAll, onClear }: BulkProps) {
  const [status, setStatus] = useState<string | null>(null);
  const onChosen = useMemo(() => tagsOnPieces(chosen, tagsById), [chosen, tagsById]);
  const suggestions = useMemo(
    () => ({ author: tagNamesOfKind(tags, 'author'), theme: tagNamesOfKind(tags, 'theme') }),
    [tags],
  );
  const ids = chosen.map((p) => p.id);
  return (
    <BulkBar
      chosen={chosen.length}
      shown={shown}
      tagsOnChosen={onChosen}
      suggestions={suggestions}
      status={status}
      onAdd={(kind, name) =>
        attempt(async () => {
          const { tag, changed } = await addTagToPieces(ids, kind, name);
          setStatus(`Added “${tag.name}” to ${pieces(changed)}.`);
        })
      }
      onRemove={(tagId) =>
        attempt(async () => {
          const changed = await removeTagFromPieces(ids, tagId);
          setStatus(`Took “${tagsById.get(tagId)?.name ?? ''}” off ${pieces(changed)}.`);
        })
      }
      onChooseAll={onChooseAll}
      onClear={onClear}
    />
  );
}
