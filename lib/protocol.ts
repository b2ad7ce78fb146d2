/**
 * The one typed protocol between page-side scripts, the background and extension pages.
 * Page-side code only extracts (and, later, anchors and paints); it never touches storage.
 * Extension pages ask the background, which owns the database and the tab scripting.
 */
import type {
  PageBody,
  PageExtraction,
  PagePreview,
  RawPage,
  SanitizedContent,
} from './extract/types';
import type { PieceEdits } from './db/pieces';

/** Why a page could not be read, as the page-side scripts report it. */
export type PageFailure = 'pdf' | 'too-large' | 'not-html' | 'page-changed';

/**
 * A clip is read in two injections so the preview is painted before the body is sanitised:
 * `clip.js` reads the page and keeps what it read in the extension's isolated world of the tab
 * (which page scripts cannot reach) under this key; `clip-body.js` sanitises that body.
 */
export const PAGE_READING_KEY = '__commonplaceReading';

/** What `entrypoints/clip.ts` returns: the RawPage without the (unsanitised) article body. */
export type ClipScriptResult =
  | { ok: true; page: RawPage; elapsedMs: number }
  | { ok: false; failure: PageFailure; message: string };

/** What `entrypoints/clip-body.ts` returns: the article body sanitised in the tab's DOM. */
export type ClipBodyScriptResult =
  | { ok: true; content: SanitizedContent | null }
  | { ok: false; failure: PageFailure; message: string };

/** A saved piece as the popup edits it: tag names rather than ids. */
export interface SavedPieceView {
  id: string;
  authors: string[];
  themes: string[];
  note: string;
  createdAt: string;
  updatedAt: string;
}

/** A failure the user can act on: `message` is shown as it is. */
export interface Failure {
  ok: false;
  message: string;
}

export interface ClipReading {
  ok: true;
  page: PagePreview;
  /** Time spent reading inside the tab. */
  pageMs: number;
  /** The piece already saved under the same canonical URL, if any. */
  saved: SavedPieceView | null;
  /** Tag names in use, for autocomplete. */
  known: { authors: string[]; themes: string[] };
}

/** Runtime messages: `type` → request payload and response. */
export interface MessageMap {
  /** Read the tab's page for the preview (popup → background). */
  'clip/read': { request: { tabId: number }; response: ClipReading | Failure };
  /** Then sanitise and finish its body, the stored copy (popup → background). */
  'clip/body': {
    request: { tabId: number; preview: PagePreview };
    response: { ok: true; body: PageBody } | Failure;
  };
  /** Save a clip with the user's edits (popup → background). */
  'piece/save': {
    request: { page: PageExtraction; edits: PieceEdits };
    response: { ok: true; saved: SavedPieceView } | Failure;
  };
}

export type MessageType = keyof MessageMap;

export type Message<T extends MessageType = MessageType> = { type: T } & MessageMap[T]['request'];

export type MessageResponse<T extends MessageType> = MessageMap[T]['response'];

export type MessageHandlers = {
  [T in MessageType]: (request: MessageMap[T]['request']) => Promise<MessageResponse<T>>;
};
