/** Search state of the library: re-run on every keystroke, stale answers dropped. */
import { useEffect, useState } from 'preact/hooks';
import type { Snippet } from '../../components/library/PieceCard';
import type { CommonplaceDB } from '../../lib/db/schema';
import { tagKey } from '../../lib/tags/normalize';

export interface SearchState {
  pieceIds: Set<string>;
  passageIds: Set<string>;
  scores: Map<string, number>;
  snippets: Map<string, Snippet>;
}

// INTERIM: title/note/excerpt matching until lib/search lands.
async function runSearch(db: CommonplaceDB, q: string): Promise<SearchState> {
  const key = tagKey(q);
  const pieces = await db.pieces.toArray();
  const state: SearchState = {
    pieceIds: new Set(),
    passageIds: new Set(),
    scores: new Map(),
    snippets: new Map(),
  };
  for (const piece of pieces) {
    if (tagKey(`${piece.title} ${piece.note} ${piece.excerpt}`).includes(key)) {
      state.pieceIds.add(piece.id);
      state.scores.set(piece.id, 1);
    }
  }
  return state;
}

/** The search results for `q`, or null when there is no search. */
export function useSearch(db: CommonplaceDB, q: string): SearchState | null {
  const [state, setState] = useState<SearchState | null>(null);
  useEffect(() => {
    if (!q.trim()) {
      setState(null);
      return;
    }
    let current = true;
    void runSearch(db, q).then((result) => current && setState(result));
    return () => {
      current = false;
    };
  }, [q]);
  return state;
}
