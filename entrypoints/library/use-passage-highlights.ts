/** The open piece's passages, found again in its stored copy by their quotes and painted. */
import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { createAnchorer, type Selector } from '../../lib/anchoring';
import type { PassageRow, TagRow } from '../../lib/model/records';
import { clearHighlights, highlightCss, paintHighlights } from '../../lib/passages/paint';
import { themeColor } from '../../lib/tags/colors';

/** A passage is painted in the colour of its first theme. */
function passageColor(passage: PassageRow, tagsById: ReadonlyMap<string, TagRow>): string {
  return themeColor(tagsById.get(passage.themeIds[0] ?? ''));
}

/**
 * Paints `passages` in the copy shown in `body` (again when its `html` changes, not while
 * `paused`); returns the style sheet of their colours and the quotes that were not found.
 */
export function usePassageHighlights(
  body: RefObject<HTMLElement | null>,
  html: string,
  passages: readonly PassageRow[],
  tagsById: ReadonlyMap<string, TagRow>,
  paused: boolean,
): { css: string; missed: string[] } {
  const [missed, setMissed] = useState<string[]>([]);
  useLayoutEffect(() => {
    const root = body.current;
    if (!root || paused) return;
    const anchorer = createAnchorer(root);
    const ranges: { range: Range; color: string }[] = [];
    const notFound: string[] = [];
    for (const passage of passages) {
      const found = anchorer.anchor(passage.selectors as Selector[]);
      if (found) ranges.push({ range: found.range, color: passageColor(passage, tagsById) });
      else notFound.push(passage.quote);
    }
    paintHighlights(document, ranges);
    setMissed(notFound);
    return () => clearHighlights(document);
  }, [body, html, passages, tagsById, paused]);
  return { css: highlightCss(passages.map((p) => passageColor(p, tagsById))), missed };
}
