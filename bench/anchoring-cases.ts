/**
 * Anchoring bench, corpus part: the cases of the anchoring corpus about inserted text and
 * inserted elements (a phrase that occurs twice; whole paragraphs), on the five fixture pages
 * (en, fr, de, ja, ru) with more seeds than the unit tests run, judged the same way.
 */
import { LANGS, caseSeed, runCase } from '../tests/unit/anchoring/corpus-cases';
import { emptyTally, type Tally } from '../tests/unit/anchoring/harness';
import { INSERTION_CASES, INSERTION_CASE_BASE } from '../tests/unit/anchoring/insertion-cases';
import type { BenchRow } from './types';

const SEEDS = 10;

const OUTCOMES = ['correct', 'orphan-correct', 'wrong', 'missed'] as const;

/** Four rows per case: correct, orphan-correct, wrong (target 0), missed. */
export function insertionCaseRows(suite: string): BenchRow[] {
  const rows: BenchRow[] = [];
  INSERTION_CASES.forEach((def, c) => {
    const sum: Tally = emptyTally();
    for (const lang of LANGS) {
      for (let seed = 0; seed < SEEDS; seed++) {
        // The unit corpus's seeds for this case, then more.
        const tally = runCase(def, lang, caseSeed(INSERTION_CASE_BASE + c, lang, seed));
        sum.total += tally.total;
        for (const outcome of OUTCOMES) sum[outcome] += tally[outcome];
      }
    }
    const note = `${sum.total} passages, ${LANGS.length} pages × ${SEEDS} seeds`;
    for (const outcome of OUTCOMES) {
      rows.push({
        suite,
        name: `${def.name}: ${outcome}`,
        value: sum[outcome],
        unit: 'count',
        ...(outcome === 'wrong' ? { target: 0 } : {}),
        note,
      });
    }
  });
  return rows;
}
