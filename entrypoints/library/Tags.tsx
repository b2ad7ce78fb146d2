/**
 * The Tags panel: every author and theme with its counts, renamed, merged, given spellings, a
 * cited name or a colour, or deleted; a merge or a deletion can be undone.
 */
import { useMemo, useState } from 'preact/hooks';
import type { TagActions } from '../../components/library/TagEditor';
import { TagTable } from '../../components/library/TagTable';
import { UndoNotice } from '../../components/library/UndoNotice';
import { TagNameTakenError } from '../../lib/collection/tags';
import { UserError } from '../../lib/errors';
import { tagByTypedName, tagTableRows, type TagTableRow } from '../../lib/library/tag-table';
import type { TagRow } from '../../lib/model/records';
import { tagKey } from '../../lib/tags/normalize';
import * as act from './actions';
import type { Attempt } from './attempt';
import { useTagCounts } from './queries';

export interface TagsProps {
  tags: readonly TagRow[];
  attempt: Attempt;
  /** Shows the library filtered to one tag. */
  onShow: (row: TagTableRow) => void;
}

interface Undoable {
  message: string;
  undo: () => Promise<void>;
}

/** A rename refused because the name is another tag's: offered as a merge instead. */
interface MergeOffer {
  fromId: string;
  into: TagRow;
  message: string;
}

const NO_COUNTS = new Map<string, { pieces: number; passages: number }>();

export function Tags({ tags, attempt, onShow }: TagsProps) {
  const counts = useTagCounts(true) ?? NO_COUNTS;
  const [filter, setFilter] = useState('');
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const [offer, setOffer] = useState<MergeOffer | null>(null);
  const shown = useMemo(() => {
    const key = tagKey(filter);
    if (!key) return tags;
    return tags.filter((t) => [t.key, ...t.aliasKeys].some((k) => k.includes(key)));
  }, [tags, filter]);
  const authors = useMemo(() => tagTableRows(shown, 'author', counts), [shown, counts]);
  const themes = useMemo(() => tagTableRows(shown, 'theme', counts), [shown, counts]);

  const name = (id: string) => tags.find((t) => t.id === id)?.name ?? 'the tag';
  const merge = (fromId: string, into: TagRow) =>
    attempt(async () => {
      setOffer(null);
      const from = name(fromId);
      const done = await act.mergeTags(fromId, into.id);
      setUndoable({
        message: `Merged “${from}” into “${into.name}”.`,
        undo: () => act.undoMerge(done),
      });
    });
  const actions: TagActions = {
    rename: (id, newName) =>
      attempt(async () => {
        setOffer(null);
        try {
          await act.renameTag(id, newName);
        } catch (error) {
          if (error instanceof TagNameTakenError) {
            setOffer({ fromId: id, into: error.other, message: error.message });
            return;
          }
          throw error;
        }
      }),
    merge: (id, typed) => {
      const kind = tags.find((t) => t.id === id)?.kind ?? 'author';
      const into = tagByTypedName(tags, kind, typed);
      if (into) void merge(id, into);
      else
        void attempt(() =>
          Promise.reject(
            new UserError(`No ${kind} is called “${typed.trim()}”. Nothing was merged.`),
          ),
        );
    },
    remove: (id) =>
      attempt(async () => {
        const removed = name(id);
        const done = await act.deleteTag(id);
        setUndoable({ message: `Deleted “${removed}”.`, undo: () => act.undoTagDeletion(done) });
      }),
    addAlias: (id, alias) => attempt(() => act.addTagAlias(id, alias)),
    removeAlias: (id, alias) => attempt(() => act.removeTagAlias(id, alias)),
    setColor: (id, color) => attempt(() => act.saveThemeColor(id, color)),
    setPersonName: (id, person) => attempt(() => act.setPersonName(id, person)),
  };

  return (
    <section class="tags-panel" aria-label="Tags">
      <h1>Tags</h1>
      {undoable && (
        <UndoNotice
          message={undoable.message}
          onUndo={() => attempt(() => undoable.undo().then(() => setUndoable(null)))}
        />
      )}
      {offer && (
        <p class="notice" role="alert">
          {offer.message}{' '}
          <button type="button" onClick={() => merge(offer.fromId, offer.into)}>
            Merge into “{offer.into.name}”
          </button>
        </p>
      )}
      <label class="tag-filter">
        Find a tag{' '}
        <input type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
      </label>
      <TagTable title="Authors" rows={authors} actions={actions} onShow={onShow} />
      <TagTable title="Themes" rows={themes} actions={actions} onShow={onShow} />
    </section>
  );
}
