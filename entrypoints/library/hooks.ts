/** Preact glue for the library: live database queries and the view kept in the URL. */
import { liveQuery } from 'dexie';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { parseView, viewToSearch, type LibraryView } from '../../lib/library/view';

/**
 * The result of a Dexie query, re-run whenever the tables it read change — also when another
 * extension page or the background writes them.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error: unknown) => console.error('library query failed', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}

/** The library view, read from and written to the query string (Back/Forward restore it). */
export function useUrlView(): [
  LibraryView,
  (change: Partial<LibraryView>, push?: boolean) => void,
] {
  const [view, setView] = useState(() => parseView(location.search));
  useEffect(() => {
    const onPop = () => setView(parseView(location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback((change: Partial<LibraryView>, push = false) => {
    setView((current) => {
      const next = { ...current, ...change };
      const url = location.pathname + viewToSearch(next);
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
      return next;
    });
  }, []);
  return [view, update];
}
