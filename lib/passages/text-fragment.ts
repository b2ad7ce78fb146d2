/**
 * URL text fragments (`#:~:text=[prefix-,]start[,end][,-suffix]`), which scroll a browser to a
 * passage and highlight it. Built from what a fragment generator found unique on the live page,
 * or, lacking that, from the passage's quote.
 */

export interface TextFragment {
  textStart: string;
  textEnd?: string;
  prefix?: string;
  suffix?: string;
}

/** Percent-encodes a fragment part, including the characters the syntax reserves (- , &). */
function encodePart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

/** `:~:text=` directive of a fragment (without the leading `#`). */
export function fragmentDirective(fragment: TextFragment): string {
  const parts = [
    fragment.prefix ? `${encodePart(fragment.prefix)}-,` : '',
    encodePart(fragment.textStart),
    fragment.textEnd ? `,${encodePart(fragment.textEnd)}` : '',
    fragment.suffix ? `,-${encodePart(fragment.suffix)}` : '',
  ];
  return `:~:text=${parts.join('')}`;
}

const WORDS_AT_EACH_END = 5;
/** Quotes longer than this are linked by their first and last words. */
const MAX_EXACT = 80;

/** A fragment for a quote when none was generated on the page: exact, or start…end words. */
export function fragmentFromQuote(quote: string): TextFragment {
  const text = quote.replace(/\s+/g, ' ').trim();
  if (text.length <= MAX_EXACT) return { textStart: text };
  const words = text.split(' ');
  return {
    textStart: words.slice(0, WORDS_AT_EACH_END).join(' '),
    textEnd: words.slice(-WORDS_AT_EACH_END).join(' '),
  };
}

/** `url` with the passage's fragment: its stored one, or one built from the quote. */
export function linkToPassage(
  url: string,
  passage: { textFragment: string | null; quote: string },
): string {
  const base = url.split('#')[0]!;
  return `${base}#${passage.textFragment ?? fragmentDirective(fragmentFromQuote(passage.quote))}`;
}
