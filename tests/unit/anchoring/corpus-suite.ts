/**
 * A corpus suite: every case on every page with several seeds, each judged against the marked
 * ground truth (correct / orphan-correct / wrong / missed), then one counts table. Zero wrong
 * anchors is the hard requirement.
 */
import { describe, expect, test } from 'vitest';
import { emptyTally, formatTable, type Tally } from './harness';
import { LANGS, SEEDS, caseSeed, failures, runCase, tallies, type CaseDef } from './corpus-cases';

/** `firstCase` numbers the cases for their seeds (see `caseSeed`). */
export function corpusSuite(title: string, cases: CaseDef[], firstCase: number): void {
  describe(title, () => {
    cases.forEach((def, c) => {
      test.each(LANGS)(
        `${def.name} (%s)`,
        (lang) => {
          // Several seeds per page and case: different passages, different edits.
          const sum = emptyTally();
          for (let seed = 0; seed < SEEDS; seed++) {
            const tally = runCase(def, lang, caseSeed(firstCase + c, lang, seed));
            expect(tally.total).toBeGreaterThan(0);
            sum.wrong += tally.wrong;
            sum.missed += tally.missed;
          }
          const mine = failures.filter((f) => f.startsWith(`[${def.name} / ${lang}]`)).join('\n');
          expect(sum.wrong, mine).toBe(0);
          // With the default seeds every case but the combined one has no miss; longer hunts report them.
          if (!def.allowMisses && SEEDS <= 3) expect(sum.missed, mine).toBe(0);
        },
        20_000 * Math.max(1, SEEDS / 3),
      );
    });

    test('counts table', () => {
      const rows = cases.map(
        (def) => [def.name, tallies.get(def.name) ?? emptyTally()] as [string, Tally],
      );
      const all = emptyTally();
      for (const [, t] of rows) {
        for (const key of ['total', 'correct', 'orphan-correct', 'wrong', 'missed'] as const)
          all[key] += t[key];
        for (const [m, v] of Object.entries(t.methods)) all.methods[m] = (all.methods[m] ?? 0) + v;
      }
      rows.push(['all cases', all]);
      // eslint-disable-next-line no-console
      console.log(`\n${title} (${LANGS.join(', ')}; ${SEEDS} seeds each)\n${formatTable(rows)}\n`);
      if (failures.length > 0) console.warn(failures.join('\n'));
      expect(all.wrong).toBe(0);
      expect(all.correct + all['orphan-correct'] + all.missed).toBe(all.total);
    });
  });
}
