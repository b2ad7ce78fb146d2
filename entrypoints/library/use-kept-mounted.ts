/** A panel put in the page before it is asked for, so that opening it only shows it. */
import { useEffect, useState } from 'preact/hooks';

/**
 * True while the panel is `wanted`, and from the first idle moment after it is `ready` (its
 * data read) on: it then stays in the page, hidden when not wanted.
 */
export function useKeptMounted(wanted: boolean, ready: boolean): boolean {
  const [mounted, setMounted] = useState(wanted);
  useEffect(() => {
    if (mounted) return;
    if (wanted) {
      setMounted(true);
      return;
    }
    if (!ready) return;
    const idle = requestIdleCallback(() => setMounted(true), { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [wanted, ready, mounted]);
  return mounted || wanted;
}
