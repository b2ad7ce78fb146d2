/**
 * The one typed protocol between page-side scripts, the background and extension pages.
 * Page-side code only extracts (and, later, anchors and paints); it never touches storage.
 * Extension pages ask the background, which owns the database and the tab scripting.
 */
import type { PageExtraction, RawPage } from './extract/types';
import type { PieceEdits } from './db/pieces';

/** Why a page could not be read, as the page-side script reports it. */
export type PageFailure = 'pdf' | 'too-large' | 'not-html';

/** What the injected clip script (`entrypoints/clip.ts`) returns as its injection result. */
export type ClipScriptResult =
  | { ok: true; page: RawPage; elapsedMs: number }
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
  page: PageExtraction;
  /** Time spent reading inside the tab. */
  pageMs: number;
  /** The piece already saved under the same canonical URL, if any. */
  saved: SavedPieceView | null;
  /** Tag names in use, for autocomplete. */
  known: { authors: string[]; themes: string[] };
}

/** Runtime messages: `type` → request payload and response. */
export interface MessageMap {
  /** Read the tab's page (popup → background). */
  'clip/read': { request: { tabId: number }; response: ClipReading | Failure };
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
