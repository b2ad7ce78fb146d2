/** One line of the `npm run bench` table. */
export interface BenchRow {
  /** Group, e.g. `clip`, `anchoring`, `backup`. */
  suite: string;
  name: string;
  value: number;
  /** `×`: a ratio to a floor timed in the same run. */
  unit: 'ms' | 'KB' | 'MB' | 'KB gz' | 'count' | '×';
  /** The target, same unit, when there is one. */
  target?: number;
  note?: string;
}

export interface BenchSuite {
  suite: string;
  run(): Promise<BenchRow[]>;
}

/** What a bench's `row(...)` helper takes: name, value, unit and the rest of the row. */
export type RowArgs = [
  name: string,
  value: number,
  unit: BenchRow['unit'],
  extra?: Partial<BenchRow>,
];

/** A row of `suite` with its value rounded to a tenth (a ratio to a hundredth). */
export function benchRow(
  suite: string,
  name: string,
  value: number,
  unit: BenchRow['unit'],
  extra: Partial<BenchRow> = {},
): BenchRow {
  const scale = unit === '×' ? 100 : 10;
  return { suite, name, value: Math.round(value * scale) / scale, unit, ...extra };
}
