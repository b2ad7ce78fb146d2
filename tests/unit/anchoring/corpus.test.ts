/**
 * The anchoring corpus: five long, real-looking article pages (English, French, German, Japanese,
 * Russian) × every case of the issue. Passages are described on the original page, the page is
 * edited, and each passage is anchored again and judged against the marked ground truth:
 * correct / orphan-correct / wrong / missed. Zero wrong anchors is the hard requirement.
 */
import { CASES } from './corpus-cases';
import { corpusSuite } from './corpus-suite';

corpusSuite('Anchoring corpus', CASES, 0);
