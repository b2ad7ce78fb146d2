/**
 * URL text fragments (`#:~:text=[prefix-,]start[,end][,-suffix]`) from what the fragment
 * generator found unique on the live page. (Fragments built from a stored quote, for exports,
 * are in lib/export/fragment.ts, which this shares its encoding with.)
 */
import { encodeDirectivePart } from '../export/fragment';

export interface TextFragment {
  textStart: string;
  textEnd?: string;
  prefix?: string;
  suffix?: string;
}

/** `:~:text=` directive of a fragment (without the leading `#`). */
export function fragmentDirective(fragment: TextFragment): string {
  const parts = [
    fragment.prefix ? `${encodeDirectivePart(fragment.prefix)}-,` : '',
    encodeDirectivePart(fragment.textStart),
    fragment.textEnd ? `,${encodeDirectivePart(fragment.textEnd)}` : '',
    fragment.suffix ? `,-${encodeDirectivePart(fragment.suffix)}` : '',
  ];
  return `:~:text=${parts.join('')}`;
}
