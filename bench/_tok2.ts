import { corpusBatches } from './corpus';
import { forEachTerm } from '../lib/search/tokenize';
const texts: string[] = [];
for (const b of corpusBatches({ pieces: 2000, passages: 0, seed: 1 }))
  for (const c of b.contents) texts.push(c.textContent);
const mb = texts.reduce((a, s) => a + s.length, 0) / 1e6;
for (let round = 0; round < 3; round++) {
  let t = performance.now();
  let n = 0;
  for (const text of texts)
    forEachTerm(text, () => {
      n++;
    });
  let ms = performance.now() - t;
  console.log('noop visit', ((mb / ms) * 1000).toFixed(1), 'MB/s');
  t = performance.now();
  for (const text of texts) {
    const m = new Map<string, number>();
    forEachTerm(text, (term) => {
      m.set(term, (m.get(term) ?? 0) + 1);
    });
  }
  ms = performance.now() - t;
  console.log('per-doc map', ((mb / ms) * 1000).toFixed(1), 'MB/s');
  t = performance.now();
  for (const text of texts) {
    const re = /[\p{L}\p{N}\p{M}]+/gu;
    let m;
    while ((m = re.exec(text))) n++;
  }
  ms = performance.now() - t;
  console.log('regex only', ((mb / ms) * 1000).toFixed(1), 'MB/s');
  t = performance.now();
  for (const text of texts) {
    const m = new Map<string, number>();
    for (const w of text.toLowerCase().split(/[^a-z0-9]+/)) m.set(w, (m.get(w) ?? 0) + 1);
  }
  ms = performance.now() - t;
  console.log('lower+split ascii + map', ((mb / ms) * 1000).toFixed(1), 'MB/s');
}
