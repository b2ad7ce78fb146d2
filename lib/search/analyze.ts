/** The terms of a piece's own document and of a passage's, with their field/tf bytes. */
import type { ContentRow, PassageRow, PieceRow } from '../model/records';
import { forEachTerm } from './tokenize';
import { FIELD_BODY, FIELD_NOTE, FIELD_TITLE, MAX_TF, SHORT_FIELD_MARK } from './types';

export interface Analysed {
  /** term → field flags | min(tf in the body, 31) << 3 */
  terms: Map<string, number>;
  /** Tokens of the body (stored copy or quote), for length normalisation. */
  length: number;
}

function addField(terms: Map<string, number>, text: string, field: number): void {
  if (text === '') return;
  forEachTerm(text, (term) => {
    terms.set(term, (terms.get(term) ?? 0) | field);
    const short = SHORT_FIELD_MARK + term;
    terms.set(short, (terms.get(short) ?? 0) | field);
  });
}

function addBody(terms: Map<string, number>, text: string): number {
  let length = 0;
  const tfUnit = 1 << 3;
  const tfMax = MAX_TF << 3;
  forEachTerm(text, (term) => {
    length++;
    const meta = terms.get(term);
    if (meta === undefined) terms.set(term, FIELD_BODY | tfUnit);
    else if ((meta & ~7) < tfMax) terms.set(term, (meta + tfUnit) | FIELD_BODY);
    else terms.set(term, meta | FIELD_BODY);
  });
  return length;
}

export function analysePiece(piece: PieceRow, content: ContentRow | undefined): Analysed {
  const terms = new Map<string, number>();
  const length = addBody(terms, content?.textContent ?? '');
  addField(terms, piece.title, FIELD_TITLE);
  addField(terms, piece.note, FIELD_NOTE);
  return { terms, length };
}

export function analysePassage(passage: PassageRow): Analysed {
  const terms = new Map<string, number>();
  const length = addBody(terms, passage.quote);
  addField(terms, passage.note, FIELD_NOTE);
  return { terms, length };
}
