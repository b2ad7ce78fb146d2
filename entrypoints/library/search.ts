/** Search state of the library: re-run on every keystroke (stale answers dropped). */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CommonplaceDB } from '../../lib/collection/database';
import { OVERSCAN, ROW_HEIGHT } from './layout';
import type { ViewKind } from '../../lib/library/view';
import {
  addSnippets,
  prepareSearch,
  searchPassages,
  searchPieces,
  type SearchHit,
  type Snippet,
} from '../../lib/search';

export interface SearchState {
  passageIds: Set<string>;
  /** Piece ids → rank score. */
  scores: Map<string, number>;
  /** Piece and passage ids → the matched words in context. */
  snippets: Map<string, Snippet>;
  /** What was searched, and the piece hits by id (the same map for the life of the results). */
  query: string;
  pieceHits: Map<string, SearchHit>;
}

/** The best matches listed; ranking puts what a reader wants first. */
const LIMIT = 500;
async function runSearch(db: CommonplaceDB, q: string, view: ViewKind): Promise<SearchState> {
  // Snippets (reading stored copies) for the rows a window can show.
  const options = { limit: LIMIT, snippets: Math.ceil(innerHeight / ROW_HEIGHT.piece) + OVERSCAN };
  const [pieces, passages] = await Promise.all([
    view === 'pieces' ? searchPieces(db, q, options) : [],
    view === 'passages' ? searchPassages(db, q, options) : [],
  ]);
  const state: SearchState = {
    passageIds: new Set(passages.map((h) => h.passageId)),
    scores: new Map(pieces.map((h) => [h.pieceId, h.score])),
    snippets: new Map(),
    query: q,
    pieceHits: new Map(pieces.map((h) => [h.pieceId, h])),
  };
  for (const hit of pieces) if (hit.snippet) state.snippets.set(hit.pieceId, hit.snippet);
  for (const hit of passages) if (hit.snippet) state.snippets.set(hit.passageId, hit.snippet);
  return state;
}

/** A search run: what it was for, and its answer. */
interface Run {
  q: string;
  view: ViewKind;
  revision: unknown;
  answer: Promise<SearchState>;
}

/**
 * The search results for `q`, or null when there is no search. `start(q)` runs the search at once
 * (call it from the input event, so the search does not wait for the render of the keystroke);
 * otherwise it runs when `q` changes. The index is read ahead once `warm` is true (once the list
 * is loaded: reading it meanwhile would slow that down), and after every change of the collection.
 */
export function useSearch(
  db: CommonplaceDB,
  q: string,
  view: ViewKind,
  revision: unknown,
  warm: boolean,
): {
  results: SearchState | null;
  start: (q: string) => void;
  showSnippets: (pieceIds: string[]) => void;
} {
  const [results, setResults] = useState<SearchState | null>(null);
  const shown = useRef(results);
  shown.current = results;
  const asked = useRef(new WeakSet<SearchHit>());
  // Rows scrolled into view get the snippets the search left out (it cuts them for one screen).
  const showSnippets = useCallback(
    (pieceIds: string[]) => {
      const state = shown.current;
      if (!state) return;
      const hits = pieceIds.flatMap((id) => {
        const hit = state.pieceHits.get(id);
        return hit && !hit.snippet && !asked.current.has(hit) ? [hit] : [];
      });
      if (hits.length === 0) return;
      for (const hit of hits) asked.current.add(hit);
      addSnippets(db, state.query, hits).then(
        () => {
          const latest = shown.current;
          if (latest?.pieceHits !== state.pieceHits) return;
          const snippets = new Map(latest.snippets);
          for (const hit of hits) if (hit.snippet) snippets.set(hit.pieceId, hit.snippet);
          setResults((shown.current = { ...latest, snippets }));
        },
        (error: unknown) => console.error('snippets failed', error),
      );
    },
    [db],
  );
  const last = useRef<Run | null>(null);
  const run = useCallback(
    (q: string): Run => {
      const current = last.current;
      if (current && current.q === q && current.view === view && current.revision === revision) {
        return current;
      }
      const answer = runSearch(db, q, view);
      // A run the view has moved on from is dropped; its failure, too.
      answer.catch(() => undefined);
      last.current = { q, view, revision, answer };
      return last.current;
    },
    [db, view, revision],
  );
  // Again after each change of the collection: a write starts a new view of the index.
  useEffect(() => {
    if (warm) void prepareSearch(db, { readAhead: true });
  }, [db, warm, revision]);
  useLayoutEffect(() => {
    if (!q.trim()) {
      setResults(null);
      return;
    }
    let current = true;
    run(q).answer.then(
      (answer) => current && setResults(answer),
      (error: unknown) => console.error('search failed', error),
    );
    return () => {
      current = false;
    };
    // `run` changes with `view` and with `revision`, which changes when the collection does: results
    // follow edits made elsewhere.
  }, [q, run]);
  return { results, start: (q) => void (q.trim() && run(q)), showSnippets };
}
