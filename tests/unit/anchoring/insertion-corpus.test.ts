/**
 * The anchoring corpus, cases of text and elements inserted before or at passages (see
 * `insertion-cases.ts`): a phrase that occurs twice, whole paragraphs. A file of its own, so that
 * long hunts (ANCHORING_SEEDS=20) run in a worker of their own.
 */
import { corpusSuite } from './corpus-suite';
import { INSERTION_CASES, INSERTION_CASE_BASE } from './insertion-cases';

corpusSuite('Anchoring corpus, inserted text and elements', INSERTION_CASES, INSERTION_CASE_BASE);
