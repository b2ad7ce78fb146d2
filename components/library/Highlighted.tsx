/** Text with matched ranges marked; rendered as text nodes and <mark>, never as HTML. */
export interface HighlightedProps {
  text: string;
  /** [start, end) offsets into `text`, sorted, not overlapping. */
  ranges: [number, number][];
}

export function Highlighted({ text, ranges }: HighlightedProps) {
  const parts = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end <= start) continue;
    parts.push(text.slice(at, start), <mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
