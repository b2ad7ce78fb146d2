/** The library view kept in the URL. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { parseView, viewToSearch, type LibraryView } from '../../lib/library/view';

/** The library view, read from and written to the query string (Back/Forward restore it). */
export function useUrlView(): [
  LibraryView,
  (change: Partial<LibraryView>, push?: boolean) => void,
] {
  const [view, setView] = useState(() => parseView(location.search));
  // Whether the next write of the URL adds a history entry (a change asked for one).
  const pushNext = useRef(false);
  useEffect(() => {
    const onPop = () => setView(parseView(location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  // After the paint: writing the history takes Chromium 10–20 ms on a busy page, which the
  // view's paint need not wait for.
  useEffect(() => {
    const url = location.pathname + viewToSearch(view);
    const push = pushNext.current;
    pushNext.current = false;
    if (url === location.pathname + location.search) return; // Back/Forward, or no change
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }, [view]);
  const update = useCallback((change: Partial<LibraryView>, push = false) => {
    if (push) pushNext.current = true;
    setView((current) => ({ ...current, ...change }));
  }, []);
  return [view, update];
}
