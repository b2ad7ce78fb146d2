/** Who answers whom: authors whose pieces link to another author's. Props only. */
import type { Answer } from '../../lib/library/debate';
import type { TagRow } from '../../lib/model/records';

export interface AnswersProps {
  answers: readonly Answer[];
  tagsById: ReadonlyMap<string, TagRow>;
}

export function Answers({ answers, tagsById }: AnswersProps) {
  const name = (id: string) => tagsById.get(id)?.name ?? 'Unknown author';
  return (
    <section class="answers" aria-labelledby="answers-title">
      <h2 id="answers-title">Who answers whom</h2>
      {answers.length === 0 ? (
        <p class="muted">No saved piece links to a saved piece by another author.</p>
      ) : (
        <ul>
          {answers.map((answer) => (
            <li key={`${answer.from} ${answer.to}`}>
              {name(answer.from)} → {name(answer.to)}:{' '}
              {answer.pieces === 1 ? '1 link' : `${answer.pieces} links`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
