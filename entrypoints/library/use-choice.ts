/**
 * The pieces chosen in the list for a bulk action. The choice outlives changes of the list (a
 * bulk action re-reads it), but only the chosen pieces it still shows are acted on.
 */
import { useCallback, useMemo, useState } from 'preact/hooks';
import type { ListSelection } from '../../components/library/VirtualList';
import { pieceKeyOf, piecesOfRows, type Row } from '../../lib/library/rows';

export function useChoice(rows: readonly Row[], enabled: boolean) {
  const [keys, setKeys] = useState<Set<string>>(() => new Set());
  const selection = useMemo<ListSelection<Row> | undefined>(
    () => (enabled ? { keyOf: pieceKeyOf, chosen: keys, onChange: setKeys } : undefined),
    [enabled, keys],
  );
  const chosen = useMemo(
    () => (enabled && keys.size > 0 ? piecesOfRows(rows, keys) : []),
    [enabled, rows, keys],
  );
  const shown = useMemo(() => (chosen.length > 0 ? piecesOfRows(rows).length : 0), [chosen, rows]);
  const chooseAll = useCallback(
    () => setKeys(new Set(piecesOfRows(rows).map((p) => p.id))),
    [rows],
  );
  const clear = useCallback(() => setKeys(new Set()), []);
  return { selection, chosen, shown, chooseAll, clear };
}
