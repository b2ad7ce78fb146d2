/**
 * The one typed protocol between page-side scripts, the background and extension pages.
 * Page-side code only extracts (and, later, anchors and paints); it never touches storage.
 * Extension pages ask the background, which owns the tab scripting (see docs/architecture.md).
 */
import type {
  PageBody,
  PageExtraction,
  PagePreview,
  RawPage,
  SanitizedContent,
} from './extract/types';
import type { TagEdits } from './model/edits';
import type { Selector, StoredSelector } from './model/selectors';

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
  saved: SavedPiece | null;
  /** Tag names in use, for autocomplete. */
  known: { authors: string[]; themes: string[] };
  /** Other spellings of tags (alias key → the tag's name), so a byline shows as the tag it files under. */
  spellings: { authors: Record<string, string>; themes: Record<string, string> };
}

/** A passage as the popup lists it and the page paints it. */
export interface ShownPassage {
  id: string;
  quote: string;
  note: string;
  selectors: StoredSelector[];
  textFragment: string | null;
  authors: string[];
  themes: string[];
  /** Highlight colour (its first theme's). */
  color: string;
}

/** The reader's selection, described in the page so it can be found again. */
export interface PageSelection {
  pageUrl: string;
  quote: string;
  /** W3C selectors from lib/anchoring `describe`. */
  selectors: Selector[];
  /** `:~:text=` directive generated on the live page, when one is unique there. */
  textFragment: string | null;
}

/** A saved piece as the popup edits it: tag names rather than ids. */
export interface SavedPiece extends TagEdits {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * Commands the background sends to the page-side passages script (`entrypoints/passages.ts`)
 * with `tabs.sendMessage`.
 */
export interface PageCommandMap {
  'page/capture': {
    request: Record<string, never>;
    response: { ok: true; selection: PageSelection } | Failure;
  };
  'page/paint': {
    request: { passages: { id: string; selectors: StoredSelector[]; color: string }[] };
    response: { found: string[]; orphans: string[] };
  };
  'page/open-editor': { request: { token: string }; response: { ok: true } };
  'page/close-editor': { request: Record<string, never>; response: { ok: true } };
}

export type PageCommandType = keyof PageCommandMap;
export type PageCommand<T extends PageCommandType = PageCommandType> = {
  type: T;
} & PageCommandMap[T]['request'];

/** Message types the page-side script may send (everything else is for extension pages only). */
export const PAGE_SENT_MESSAGES = ['page/ready'] as const;

/** Runtime messages: `type` → request payload and response. */
export interface MessageMap {
  /** Page-side script loaded (on sites with automatic highlights): which passages to paint. */
  'page/ready': {
    request: { canonicalHref: string | null; ogUrl: string | null };
    response: { passages: { id: string; selectors: StoredSelector[]; color: string }[] };
  };
  /** Start annotating the tab's selection: the editor opens over the page (popup → background). */
  'passages/annotate': { request: { tabId: number }; response: { ok: true } | Failure };
  /** Paint the piece's passages in the tab and say which were found (popup → background). */
  'passages/show': {
    request: { tabId: number; pieceId: string };
    response: { ok: true; found: ShownPassage[]; orphans: ShownPassage[] } | Failure;
  };
  /** The passage editor frame asks what it is editing. */
  'editor/load': {
    request: { token: string };
    response:
      | { ok: true; selection: PageSelection; known: { authors: string[]; themes: string[] } }
      | Failure;
  };
  'editor/save': {
    request: { token: string; edits: TagEdits };
    response: { ok: true } | Failure;
  };
  'editor/cancel': { request: { token: string }; response: { ok: true } };
  'passage/update': {
    request: { id: string; edits: TagEdits };
    response: { ok: true; passage: ShownPassage } | Failure;
  };
  'passage/delete': {
    request: { id: string; tabId: number | null };
    response: { ok: true } | Failure;
  };
  /** Read the tab's page for the preview (popup → background). */
  'clip/read': { request: { tabId: number }; response: ClipReading | Failure };
  /** Then sanitise and finish its body, the stored copy (popup → background). */
  'clip/body': {
    request: { tabId: number; preview: PagePreview };
    response: { ok: true; body: PageBody } | Failure;
  };
  /**
   * Turn automatic highlights on for `origins` (the library has asked for their host access) or
   * off (the access is given back) (library → background).
   */
  'highlights/set': {
    request: { enabled: boolean; origins: string[] };
    response: { ok: true } | Failure;
  };
  /** Save a clip with the user's edits (popup → background). */
  'piece/save': {
    request: { page: PageExtraction; edits: TagEdits };
    response: { ok: true; saved: SavedPiece } | Failure;
  };
}

export type MessageType = keyof MessageMap;

export type Message<T extends MessageType = MessageType> = { type: T } & MessageMap[T]['request'];

export type MessageResponse<T extends MessageType> = MessageMap[T]['response'];

/** Who sent a message, as the router tells handlers. */
export interface MessageSender {
  /** The tab of a page-side script; undefined for extension pages. */
  tabId: number | undefined;
  /** The page's URL for a page-side script. */
  url: string | undefined;
}

export type MessageHandlers = {
  [T in MessageType]: (
    request: MessageMap[T]['request'],
    sender: MessageSender,
  ) => Promise<MessageResponse<T>>;
};
