/** Search state of the library: re-run on every keystroke (stale answers dropped). */
import { useEffect, useState } from 'preact/hooks';
import type { CommonplaceDB } from '../../lib/db/schema';
import type { ViewKind } from '../../lib/library/view';
import { prepareSearch, searchPassages, searchPieces, type Snippet } from '../../lib/search';

export interface SearchState {
  pieceIds: Set<string>;
  passageIds: Set<string>;
  /** Piece ids → rank score. */
  scores: Map<string, number>;
  /** Piece and passage ids → the matched words in context. */
  snippets: Map<string, Snippet>;
}

/** The best matches listed; ranking puts what a reader wants first. */
const LIMIT = 500;
/** Snippets (reading stored copies) only for the first rows, which are on screen. */
const WITH_SNIPPETS = 30;

async function runSearch(db: CommonplaceDB, q: string, view: ViewKind): Promise<SearchState> {
  const options = { limit: LIMIT, snippets: WITH_SNIPPETS };
  const [pieces, passages] = await Promise.all([
    view === 'pieces' ? searchPieces(db, q, options) : [],
    view === 'passages' ? searchPassages(db, q, options) : [],
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

/**
 * The search results for `q`, or null when there is no search. The index is read ahead once
 * `warm` is true (after the first paint: reading it competes with that).
 */
export function useSearch(
  db: CommonplaceDB,
  q: string,
  view: ViewKind,
  revision: unknown,
  warm: boolean,
): SearchState | null {
  const [state, setState] = useState<SearchState | null>(null);
  useEffect(() => {
    if (warm) void prepareSearch(db);
  }, [warm]);
  useEffect(() => {
    if (!q.trim()) {
      setState(null);
      return;
    }
    let current = true;
    void runSearch(db, q, view).then((result) => current && setState(result));
    return () => {
      current = false;
    };
    // `revision` changes when the collection does, so results follow edits made elsewhere.
  }, [q, view, revision]);
  return state;
}
