/** Progress reports and breathing room for long exports that run on a page's main thread. */
import type { ProgressCallback } from './model';

/** Work between two yields to the event loop, in milliseconds. */
const SLICE_MS = 40;

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Calls `onProgress` at the start, about every `SLICE_MS` and at the end, and (for async
 * exports) gives the page a chance to paint between slices of work.
 */
export class Pacer {
  private last = now();

  constructor(
    private readonly total: number,
    private readonly onProgress?: ProgressCallback,
  ) {
    onProgress?.({ done: 0, total });
  }

  /** For synchronous exports: reports progress now and then. */
  step(done: number): void {
    if (!this.onProgress) return;
    const t = now();
    if (t - this.last < SLICE_MS) return;
    this.last = t;
    this.onProgress({ done, total: this.total });
  }

  /** For async exports: reports progress and yields once a slice of work is spent. */
  async pause(done: number): Promise<void> {
    const t = now();
    if (t - this.last < SLICE_MS) return;
    this.onProgress?.({ done, total: this.total });
    await yieldToEventLoop();
    this.last = now();
  }

  finish(): void {
    this.onProgress?.({ done: this.total, total: this.total });
  }
}
