/** One line of the `npm run bench` table. */
export interface BenchRow {
  /** Group, e.g. `clip`, `anchoring`, `backup`. */
  suite: string;
  name: string;
  value: number;
  unit: 'ms' | 'KB' | 'MB' | 'KB gz' | 'count';
  /** The target, same unit, when there is one. */
  target?: number;
  note?: string;
}

export interface BenchSuite {
  suite: string;
  run(): Promise<BenchRow[]>;
}
