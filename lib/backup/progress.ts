/**
 * Progress reports thinned for the screen: a long export or import reports every chunk of rows
 * (hundreds of times), and re-rendering the page for each one slows the work it reports on.
 */
export interface Progress {
  label?: string;
  done: number;
  total: number;
}

/** A step of a backup export or import, for the progress bar. */
export interface BackupProgress extends Progress {
  /** What is happening, for the progress bar's label. */
  label: string;
}

/**
 * Passes on at most one report per `intervalMs`; a report that starts or finishes a step, or
 * changes its label, always passes.
 */
export function throttleProgress<P extends Progress>(
  report: (progress: P) => void,
  intervalMs = 100,
  now: () => number = () => performance.now(),
): (progress: P) => void {
  let lastAt = -Infinity;
  let lastLabel: string | undefined;
  return (progress) => {
    const at = now();
    const edge = progress.done === 0 || progress.done >= progress.total;
    if (edge || progress.label !== lastLabel || at - lastAt >= intervalMs) {
      lastAt = at;
      lastLabel = progress.label;
      report(progress);
    }
  };
}
