/** The progress of a long export or import, for its progress bar. */
import { useCallback, useState } from 'preact/hooks';
import { throttleProgress, type Progress } from '../../lib/backup/progress';

/**
 * The progress of the running task (null when none runs), and `track`, which runs a task with
 * a reporter (thinned for the screen) and clears the progress when the task ends.
 */
export function useProgress<P extends Progress>() {
  const [progress, setProgress] = useState<P | null>(null);
  const track = useCallback(
    async <T>(task: (report: (progress: P) => void) => Promise<T>, initial: P | null = null) => {
      setProgress(initial);
      try {
        return await task(throttleProgress<P>(setProgress));
      } finally {
        setProgress(null);
      }
    },
    [],
  );
  return { progress, track };
}
