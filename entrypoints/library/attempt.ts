/** Running the reader's actions and showing why one failed. */
import { useCallback, useState } from 'preact/hooks';
import { messageForUser } from '../../lib/errors';

/** Runs `work`, showing its failure until the next attempt. */
export type Attempt = (work: () => Promise<unknown>) => Promise<void>;

/** The failure of the last attempt (null when it succeeded or is running), and `attempt`. */
export function useAttempt(): { failure: string | null; attempt: Attempt } {
  const [failure, setFailure] = useState<string | null>(null);
  // `work` starts before any await: a permission request in it still has the click's gesture.
  const attempt = useCallback<Attempt>(async (work) => {
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure(messageForUser(error));
    }
  }, []);
  return { failure, attempt };
}
