/** The popup: clip the tab, preview it, edit authors, themes and note, save. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PiecePreview, formatDate } from '../../components/PiecePreview';
import { TagInput } from '../../components/TagInput';
import { openLibrary } from '../../lib/library/open';
import { sendMessage } from '../../lib/messaging';
import type { PageBody } from '../../lib/extract/types';
import type { TagEdits } from '../../lib/model/edits';
import type { ClipReading, Failure, ShownPassage, SavedPiece } from '../../lib/protocol';
import { PassageList } from '../../components/PassageList';
import { preferKnownSpelling } from '../../lib/tags/normalize';

type Phase =
  | { name: 'reading' }
  | { name: 'failed'; message: string }
  | { name: 'ready'; reading: ClipReading & { tabId: number }; saved: SavedPiece | null };

type PagePassages = { found: ShownPassage[]; orphans: ShownPassage[] };

type SaveState =
  { name: 'idle' } | { name: 'saving' } | { name: 'saved' } | { name: 'error'; message: string };

/** The tab to clip: `?tab=<id>` (tests, and later the library), else the active tab. */
async function targetTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export type TabReading = (ClipReading & { tabId: number }) | Failure;

/** Starts reading the tab; main.tsx calls it before the first render so no frame is lost. */
export async function readTargetTab(): Promise<TabReading> {
  const tabId = await targetTabId();
  if (tabId === null) return { ok: false, message: 'There is no tab to clip.' };
  const reading = await sendMessage('clip/read', { tabId });
  return reading.ok ? { ...reading, tabId } : reading;
}

const failed = (error: unknown): Failure => ({ ok: false, message: String(error) });

function LibraryButton() {
  return (
    <button
      type="button"
      class="library-link"
      onClick={() => void openLibrary().then(() => close())}
    >
      Open library
    </button>
  );
}

export function App({ reading: tabReading }: { reading: Promise<TabReading> }) {
  const [phase, setPhase] = useState<Phase>({ name: 'reading' });
  const [authors, setAuthors] = useState<string[]>([]);
  const [themes, setThemes] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [save, setSave] = useState<SaveState>({ name: 'idle' });
  const [body, setBody] = useState<PageBody | null>(null);
  const [passages, setPassages] = useState<PagePassages | null>(null);
  const [passageError, setPassageError] = useState<string | null>(null);

  /** Paints the piece's passages in the page and lists what was found and what was not. */
  const showPassages = async (tabId: number, pieceId: string) => {
    const answer = await sendMessage('passages/show', { tabId, pieceId }).catch(failed);
    if (answer.ok) setPassages({ found: answer.found, orphans: answer.orphans });
    else setPassageError(answer.message);
  };
  // The stored copy is sanitised in the tab after the preview is painted; Save waits for it.
  const bodyRequest = useRef<Promise<{ ok: true; body: PageBody } | Failure> | null>(null);

  useEffect(() => {
    tabReading.catch(failed).then((reading) => {
      if (!reading.ok) {
        setPhase({ name: 'failed', message: reading.message });
        return;
      }
      const { page, saved, known, spellings } = reading;
      setAuthors(
        saved?.authors ?? preferKnownSpelling(page.authors, known.authors, spellings.authors),
      );
      setThemes(
        saved?.themes ?? preferKnownSpelling(page.keywords, known.themes, spellings.themes),
      );
      setNote(saved?.note ?? '');
      setPhase({ name: 'ready', reading, saved });
      // Read by `npm run bench`: time spent in the page, and popup opened → preview painted.
      document.documentElement.dataset.pageMs = reading.pageMs.toFixed(1);
      requestAnimationFrame(() => {
        document.documentElement.dataset.previewPaintedMs = performance.now().toFixed(1);
        const request = sendMessage('clip/body', { tabId: reading.tabId, preview: page });
        bodyRequest.current = request.catch(failed);
        void bodyRequest.current.then((answer) => answer.ok && setBody(answer.body));
        if (saved) void showPassages(reading.tabId, saved.id);
      });
    });
  }, [tabReading]);

  if (phase.name === 'reading') {
    return (
      <main class="popup" aria-busy="true">
        <p role="status">Reading the page…</p>
      </main>
    );
  }
  if (phase.name === 'failed') {
    return (
      <main class="popup">
        <p role="alert" class="notice notice-error">
          {phase.message}
        </p>
        <LibraryButton />
      </main>
    );
  }

  const { reading, saved } = phase;
  const { page, tabId } = reading;
  const annotate = async () => {
    setPassageError(null);
    const answer = await sendMessage('passages/annotate', { tabId }).catch(failed);
    if (answer.ok) close();
    else setPassageError(answer.message);
  };
  const passageAction = async (work: Promise<{ ok: true } | Failure>) => {
    const answer = await work.catch(failed);
    if (!answer.ok) setPassageError(answer.message);
    else if (saved) await showPassages(tabId, saved.id);
  };
  const onUpdatePassage = (id: string, edits: TagEdits) =>
    passageAction(sendMessage('passage/update', { id, edits }));
  const onDeletePassage = (id: string) =>
    passageAction(sendMessage('passage/delete', { id, tabId }));
  const onSave = async (event: Event) => {
    event.preventDefault();
    setSave({ name: 'saving' });
    const copy = (await bodyRequest.current) ?? {
      ok: false,
      message: 'The page is still being read.',
    };
    const result = copy.ok
      ? await sendMessage('piece/save', {
          page: { ...page, ...copy.body },
          edits: { authors, themes, note },
        }).catch(failed)
      : copy;
    if (result.ok) {
      setPhase({ name: 'ready', reading, saved: result.saved });
      setSave({ name: 'saved' });
    } else {
      setSave({ name: 'error', message: result.message });
    }
  };

  return (
    <main class="popup">
      {page.pageKind === 'bookmark' && (
        <p class="notice" role="note">
          No article was found on this page. You can save it as a bookmark with its title,
          description{page.selectionText ? ' and the text you selected' : ''}.
        </p>
      )}
      {saved && (
        <p class="notice" role="note">
          Already in your collection since {formatDate(saved.createdAt)}. Saving updates it.
        </p>
      )}
      <PiecePreview page={page} wordCount={body?.wordCount ?? null} />
      <form class="clip-form" onSubmit={onSave}>
        <TagInput
          label="Authors"
          values={authors}
          suggestions={reading.known.authors}
          onChange={setAuthors}
          placeholder="Add an author"
        />
        <TagInput
          label="Themes"
          values={themes}
          suggestions={reading.known.themes}
          onChange={setThemes}
          placeholder="Add a theme"
        />
        <label class="field-label" for="note">
          Note
        </label>
        <textarea id="note" rows={4} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        <div class="actions">
          <button type="submit" class="primary" disabled={save.name === 'saving'}>
            {page.pageKind === 'bookmark' ? 'Save as bookmark' : 'Save'}
          </button>
          <span role="status" class="save-status">
            {save.name === 'saving' && 'Saving…'}
            {save.name === 'saved' && 'Saved'}
          </span>
          <LibraryButton />
        </div>
        <div class="actions">
          <button type="button" onClick={() => void annotate()}>
            Annotate selection
          </button>
        </div>
        {save.name === 'error' && (
          <p role="alert" class="notice notice-error">
            {save.message}
          </p>
        )}
      </form>
      {passageError && (
        <p role="alert" class="notice notice-error">
          {passageError}
        </p>
      )}
      {passages && (
        <PassageList
          found={passages.found}
          orphans={passages.orphans}
          known={reading.known}
          onUpdate={(id, edits) => void onUpdatePassage(id, edits)}
          onDelete={(id) => void onDeletePassage(id)}
        />
      )}
    </main>
  );
}
