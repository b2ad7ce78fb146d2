/** The library view kept in the URL. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { parseView, viewToSearch, type LibraryView } from '../../lib/library/view';

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
