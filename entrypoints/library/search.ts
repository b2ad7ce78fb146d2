/** Search state of the library: re-run on every keystroke (stale answers dropped). */
import { useEffect, useState } from 'preact/hooks';
import type { CommonplaceDB } from '../../lib/db/schema';
import { prepareSearch, searchPassages, searchPieces, type Snippet } from '../../lib/search';

export interface SearchState {
  pieceIds: Set<string>;
  passageIds: Set<string>;
  /** Piece ids → rank score. */
  scores: Map<string, number>;
  /** Piece and passage ids → the matched words in context. */
  snippets: Map<string, Snippet>;
}

/** Enough for any list a reader scrolls; the count shown says how many matched. */
const LIMIT = 5000;

async function runSearch(db: CommonplaceDB, q: string): Promise<SearchState> {
  const [pieces, passages] = await Promise.all([
    searchPieces(db, q, { limit: LIMIT }),
    searchPassages(db, q, { limit: LIMIT }),
  ]);
  const state: SearchState = {
    pieceIds: new Set(pieces.map((h) => h.pieceId)),
    passageIds: new Set(passages.map((h) => h.passageId)),
    scores: new Map(pieces.map((h) => [h.pieceId, h.score])),
    snippets: new Map(),
  };
  for (const hit of pieces) if (hit.snippet) state.snippets.set(hit.pieceId, hit.snippet);
  for (const hit of passages) if (hit.snippet) state.snippets.set(hit.passageId, hit.snippet);
  return state;
}

/** The search results for `q`, or null when there is no search. */
export function useSearch(db: CommonplaceDB, q: string, revision: unknown): SearchState | null {
  const [state, setState] = useState<SearchState | null>(null);
  useEffect(() => {
    void prepareSearch(db);
  }, []);
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
    // `revision` changes when the collection does, so results follow edits made elsewhere.
  }, [q, revision]);
  return state;
}
