/**
 * The language of a corpus page, for the per-language figures: guessed from the labelled text
 * (title and content snippets, written by people) by counting common function words, so that the
 * grouping does not depend on the extraction being measured. The page's declared `lang` decides
 * only when the labels are too short to tell.
 */

const FUNCTION_WORDS: Record<string, string> = {
  de: 'der die das und ist nicht mit sich auf für ein eine dem den des auch wird von zu im sind bei wir ich es',
  en: 'the and is of to in that it for with are was this on be you not have by from at they we',
  fr: 'le la les et est des une un pour dans que qui pas sur au du ce il elle sont avec nous vous',
  es: 'el la los las y es de que en un una por para con no se del al lo como más pero sus',
  pt: 'o a os as e é de que em um uma para com não se do da no na mais por como dos',
  it: 'il lo la gli le e è di che un una per con non si del della nel sono al alla anche',
  nl: 'de het een en is van dat niet met op voor zijn te er ook aan maar bij dit om',
  pl: 'i w na z się nie że to do jest jak o co po ale dla tak od przez',
  fi: 'ja on ei se että oli hän mutta kun niin kuin myös tai jos ovat',
  sv: 'och är att det som en på för med av inte den till har de om ett',
};

const WORD_SETS = Object.entries(FUNCTION_WORDS).map(
  ([lang, words]) => [lang, new Set(words.split(' '))] as const,
);

/** Fewest function words that make a guess. */
const MIN_HITS = 3;

export function guessLanguage(labelledText: string, declaredLang: string | null): string {
  const words = labelledText.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best = '';
  let bestHits = 0;
  for (const [lang, set] of WORD_SETS) {
    const hits = words.filter((word) => set.has(word)).length;
    if (hits > bestHits) [best, bestHits] = [lang, hits];
  }
  if (bestHits >= MIN_HITS) return best;
  const declared = declaredLang?.split(/[-_]/)[0]?.toLowerCase();
  return declared && /^[a-z]{2,3}$/.test(declared) ? declared : 'other';
}
