/**
 * Choosing among the candidate places of a quote: context first, position only to break a tie,
 * and no answer when the page cannot tell two places apart.
 */

export interface Candidate {
  start: number;
  end: number;
  errors: number;
}

export interface Scored extends Candidate {
  /** Agreement of quote, context and position (0..1): what the minimum score applies to. */
  score: number;
  /**
   * Agreement of quote and context alone (0..1), without position: what candidates are ranked by.
   * The recorded position shifts with every edit before the passage, the context does not.
   */
  evidence: number;
  /** Distance of the start from the recorded position (`Infinity` without one). */
  distance: number;
  quoteSim: number;
  supports: number;
  prefixSupports: boolean;
  suffixSupports: boolean;
}

/** Evidence closer than this is a tie (about one character of context on a short quote). */
export const EVIDENCE_TIE = 0.005;
/** Cuts of one place whose edit counts differ by at most this many are told apart by context. */
const CUT_TOLERANCE = 2;

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Of two cuts of the same place, the one closer to the quote's own text: the boundaries follow
 * the quote, so text inserted next to it is not taken in for the sake of a matching context.
 * Myers' search may cut an edge a character or two differently at equal cost: there context decides.
 */
function betterCut(a: Scored, b: Scored): boolean {
  if (Math.abs(a.errors - b.errors) > CUT_TOLERANCE) return a.errors < b.errors;
  return a.evidence > b.evidence;
}

/**
 * The accepted candidates, and the best *rival*: a refused candidate that is still plausible
 * (quote ≥ `minQuoteSim` similar, one context side supporting). `decide` makes the choice.
 */
export class Pick {
  private readonly accepted: Scored[] = [];
  /** The accepted candidate with the most evidence so far. */
  best: Scored | null = null;
  private rival: Scored | null = null;

  constructor(private readonly minQuoteSim: number) {}

  consider(c: Scored, accepted: boolean): void {
    if (accepted) {
      this.accepted.push(c);
      if (!this.best || c.evidence > this.best.evidence) this.best = c;
    } else if (c.supports > 0 && c.quoteSim >= this.minQuoteSim) {
      if (!this.rival || c.evidence > this.rival.evidence) this.rival = c;
    }
  }

  merge(other: Pick): void {
    for (const c of other.accepted) this.consider(c, true);
    if (other.rival) this.consider(other.rival, false);
  }

  /**
   * The answer: the best cut of each place, then the place whose quote and context agree best.
   * Places with equal evidence are told apart by position only when one is nearer the recorded
   * position by more than the quote's length; otherwise, and when a refused rival elsewhere has
   * as much evidence or a higher score, the page is ambiguous: `null`.
   */
  decide(quoteLength: number): Scored | null {
    const places: Scored[] = [];
    let reach = -1;
    // Most quotes have one candidate: no copy to sort.
    const ordered =
      this.accepted.length > 1
        ? [...this.accepted].sort((a, b) => a.start - b.start)
        : this.accepted;
    for (const c of ordered) {
      const last = places.length - 1;
      if (last >= 0 && c.start < reach) {
        if (betterCut(c, places[last]!)) places[last] = c;
      } else places.push(c);
      reach = Math.max(reach, c.end);
    }
    if (places.length === 0) return null;
    let best = places[0]!;
    for (const c of places) if (c.evidence > best.evidence) best = c;
    const tied = places.filter((c) => best.evidence - c.evidence <= EVIDENCE_TIE);
    if (tied.length > 1) {
      tied.sort((a, b) => a.distance - b.distance);
      const [nearest, next] = tied as [Scored, Scored];
      if (!(nearest.distance + quoteLength < next.distance)) return null;
      best = nearest;
    }
    // A refused rival is only a warning: it wins neither by evidence nor by overall score.
    const rival = this.rival;
    if (rival && !overlaps(rival, best)) {
      if (rival.evidence > best.evidence - EVIDENCE_TIE || rival.score > best.score) return null;
    }
    return best;
  }
}
