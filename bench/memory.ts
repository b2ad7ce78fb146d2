/** Process memory for the Node benches: a full garbage collection, and the peak of a step. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A full garbage collection, so that each step starts from what is really alive. */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

export interface MemoryFigures {
  /** Peaks during the step, MB. */
  rss: number;
  heap: number;
  /** At its start (after a full collection), MB. */
  startRss: number;
  startHeap: number;
}

const mb = (bytes: number) => bytes / 2 ** 20;

/** Peak of process memory, sampled on a timer and at every call of `sample` (give it to progress). */
export class MemoryPeak {
  private rss = 0;
  private heap = 0;
  private startRss = 0;
  private startHeap = 0;
  private timer: NodeJS.Timeout | undefined;
  start(): void {
    collectGarbage();
    const { rss, heapUsed } = process.memoryUsage();
    this.startRss = rss;
    this.startHeap = heapUsed;
    this.rss = 0;
    this.heap = 0;
    this.sample();
    this.timer = setInterval(this.sample, 20);
  }
  sample = (): void => {
    const { rss, heapUsed } = process.memoryUsage();
    this.rss = Math.max(this.rss, rss);
    this.heap = Math.max(this.heap, heapUsed);
  };
  stop(): MemoryFigures {
    this.sample();
    clearInterval(this.timer);
    return {
      rss: mb(this.rss),
      heap: mb(this.heap),
      startRss: mb(this.startRss),
      startHeap: mb(this.startHeap),
    };
  }
}
