/** The tables `npm run eval` prints: figures per field and per language, then mismatches. */
import { foldKey } from '../../lib/extract/text';
import { printTable } from '../table';
import type { PageResult } from './page';
import { summarise, type FieldSummary, type Prf } from './score';

const fixed = (value: number) => value.toFixed(3);
const prf = (p: Prf) => `${fixed(p.precision)} / ${fixed(p.recall)} / ${fixed(p.f1)}`;

function table(header: string[], rows: string[][]): void {
  printTable(header, rows);
  console.log('');
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0;
}

export function printSummary(results: readonly PageResult[], seconds: number): void {
  const ours = summarise(results.map((r) => r.score));
  const base = summarise(results.map((r) => r.baseline));
  const errors = results.filter((r) => r.error !== null).length;
  const listings = results.filter((r) => r.pageKind === 'listing').length;
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / Math.max(1, times.length);

  console.log(
    `\n${results.length} pages (${listings} read as listings), ${errors} errors, ${seconds.toFixed(0)} s`,
  );
  console.log(
    `extractPage time per page: mean ${mean.toFixed(0)} ms, median ${quantile(times, 0.5).toFixed(0)} ms, ` +
      `p95 ${quantile(times, 0.95).toFixed(0)} ms (decode + parse + extract)\n`,
  );
  table(
    ['field', 'extractPage', 'baseline', 'baseline is', 'pages'],
    [
      [
        'title exact',
        fixed(ours.title.rate),
        fixed(base.title.rate),
        'raw Readability title',
        `${ours.title.pages}`,
      ],
      [
        'authors P / R / F1',
        prf(ours.authors),
        prf(base.authors),
        'raw Readability byline',
        `${ours.authors.pages}`,
      ],
      [
        'published date',
        fixed(ours.date.rate),
        fixed(base.date.rate),
        'raw Readability date',
        `${ours.date.pages}`,
      ],
      [
        'themes P / R / F1',
        prf(ours.themes),
        prf(base.themes),
        'meta keywords split',
        `${ours.themes.pages}`,
      ],
      [
        'content must-include',
        fixed(ours.mustInclude),
        fixed(base.mustInclude),
        'raw Readability text',
        `${ours.pages}`,
      ],
      [
        'content must-exclude',
        fixed(ours.mustExclude),
        fixed(base.mustExclude),
        'raw Readability text',
        `${ours.pages}`,
      ],
    ],
  );

  const byLang = new Map<string, PageResult[]>();
  for (const result of results)
    byLang.set(result.lang, [...(byLang.get(result.lang) ?? []), result]);
  const langRows = [...byLang.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([lang, group]) => {
      const s: FieldSummary = summarise(group.map((r) => r.score));
      return [
        lang,
        `${group.length}`,
        `${fixed(s.title.rate)} (${s.title.pages})`,
        `${fixed(s.authors.f1)} (${s.authors.pages})`,
        `${fixed(s.date.rate)} (${s.date.pages})`,
        `${fixed(s.themes.f1)} (${s.themes.pages})`,
        fixed(s.mustInclude),
        fixed(s.mustExclude),
      ];
    });
  table(
    ['lang', 'pages', 'title', 'authors F1', 'date', 'themes F1', 'include', 'exclude'],
    langRows,
  );
}

const show = (value: unknown) => JSON.stringify(value);

/** Up to `limit` mismatches per field, the most wrong first (most names or themes missed). */
export function printMismatches(results: readonly PageResult[], limit: number): void {
  if (limit <= 0) return;
  const section = (name: string, lines: string[]) => {
    console.log(`${name}: ${lines.length} pages`);
    for (const line of lines.slice(0, limit)) console.log('  ' + line);
    console.log('');
  };
  const errors = results.filter((r) => r.error !== null);
  if (errors.length)
    section(
      'errors',
      errors.map((r) => `${r.slug}: ${r.error}`),
    );
  section(
    'title mismatches',
    results
      .filter((r) => r.score.title === false)
      .map((r) => `${r.slug}: want ${show(r.labels.title)} got ${show(r.got.title)}`),
  );
  const missedNames = (r: PageResult) =>
    r.score.authors ? r.score.authors.fn + r.score.authors.fp : 0;
  section(
    'author mismatches',
    results
      .filter((r) => missedNames(r) > 0)
      .sort((a, b) => missedNames(b) - missedNames(a))
      .map(
        (r) =>
          `${r.slug}: want ${show(r.labels.authors)} (byline ${show(r.labels.byline)}) got ${show(r.got.authors)}`,
      ),
  );
  section(
    'date mismatches',
    results
      .filter((r) => r.score.date === false)
      .map((r) => `${r.slug}: want ${r.labels.publishedDate} got ${r.got.publishedTime}`),
  );
  const missedThemes = (r: PageResult) => (r.score.themes ? r.score.themes.fn : 0);
  section(
    'themes missed',
    results
      .filter((r) => missedThemes(r) > 0)
      .sort((a, b) => missedThemes(b) - missedThemes(a))
      .map((r) => {
        const got = new Set(r.got.themes.map(foldKey));
        const missed = [...(r.labels.tags ?? []), ...(r.labels.categories ?? [])].filter(
          (t) => !got.has(foldKey(t)),
        );
        return `${r.slug}: missed ${show(missed)} got ${show(r.got.themes)}`;
      }),
  );
}
