/**
 * One faked tab for the background handlers: WXT's fakeBrowser keeps the tabs and session
 * storage in memory; what the browser does inside the tab (script injection, CSS, the page-side
 * passages script's answers) is scripted here per test.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDatabase } from '../../../lib/collection/database';
import type {
  ClipBodyScriptResult,
  ClipScriptResult,
  PageCommand,
  PageCommandMap,
  PageCommandType,
  PageSelection,
} from '../../../lib/protocol';
import type { RawPage } from '../../../lib/extract/types';

type ScriptFile = '/clip.js' | '/clip-body.js' | '/passages.js';

/** What each injected script returns (or the error the browser throws when injecting it). */
export type Injections = Partial<{
  '/clip.js': ClipScriptResult | Error;
  '/clip-body.js': ClipBodyScriptResult | Error;
  '/passages.js': undefined | Error;
}>;

export type PageAnswers = Partial<{
  [T in PageCommandType]: PageCommandMap[T]['response'];
}>;

export interface FakeTab {
  id: number;
  /** Commands the background sent to the page-side script, in order. */
  commands: PageCommand[];
  /** Stylesheets inserted into the tab. */
  css: string[];
  /** What the page-side script answers to each command (a test may change it). */
  answers: PageAnswers;
}

/**
 * Empties the handlers' database and the fake browser, and opens a tab at `url` (undefined: the
 * tab's address is hidden, as without host access) whose scripts and page-side answers are given.
 */
export async function openTab(
  url: string | undefined,
  injections: Injections = {},
  answers: PageAnswers = {},
): Promise<FakeTab> {
  const db = openDatabase();
  await db.delete();
  await db.open();
  fakeBrowser.reset();
  vi.restoreAllMocks();
  const created = await fakeBrowser.tabs.create({ url });
  const tab: FakeTab = { id: created.id!, commands: [], css: [], answers };
  vi.spyOn(fakeBrowser.extension, 'isAllowedFileSchemeAccess').mockImplementation(
    (async () => false) as typeof fakeBrowser.extension.isAllowedFileSchemeAccess,
  );
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (
    injection: Parameters<typeof fakeBrowser.scripting.executeScript>[0],
  ) => {
    const file = injection.files![0] as ScriptFile;
    const result = injections[file];
    if (result instanceof Error) throw result;
    return [{ frameId: 0, documentId: 'document', result }];
  }) as typeof fakeBrowser.scripting.executeScript);
  vi.spyOn(fakeBrowser.scripting, 'insertCSS').mockImplementation((async (
    injection: Parameters<typeof fakeBrowser.scripting.insertCSS>[0],
  ) => {
    tab.css.push(injection.css ?? '');
  }) as typeof fakeBrowser.scripting.insertCSS);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (
    _tabId: number,
    command: PageCommand,
  ) => {
    tab.commands.push(command);
    return tab.answers[command.type] ?? { ok: true };
  }) as typeof fakeBrowser.tabs.sendMessage);
  return tab;
}

export const ARTICLE_URL = 'https://essays.example/2024/on-reading/';

/** What `clip.js` reads on an article page at ARTICLE_URL (the tab's URL with a tracking tag). */
export function readArticle(overrides: Partial<RawPage> = {}): ClipScriptResult {
  const page: RawPage = {
    pageUrl: `${ARTICLE_URL}?utm_source=feed`,
    baseUrl: `${ARTICLE_URL}?utm_source=feed`,
    readable: true,
    article: {
      title: 'On Reading',
      byline: 'Ann Reader',
      content: null,
      textLength: 1200,
      excerpt: 'Why we copy out what we read.',
      siteName: 'Essays',
      lang: 'en',
      publishedTime: '2024-03-01T10:00:00+00:00',
    },
    documentTitle: 'On Reading – Essays',
    headings: ['On Reading'],
    subheadings: [],
    documentLang: 'en',
    meta: { 'article:tag': ['Reading', 'Memory'] },
    jsonLd: [],
    canonicalHref: null,
    authorHints: [],
    textBylines: [],
    tagLinks: [],
    homeLinks: [],
    feedTitles: [],
    breadcrumbs: [],
    timeHints: [],
    dateTexts: [],
    listingItems: [],
    selectionText: '',
    content: null,
    ...overrides,
  };
  return { ok: true, page, elapsedMs: 42 };
}

/** The sanitised body `clip-body.js` answers for the article. */
export const ARTICLE_BODY: ClipBodyScriptResult = {
  ok: true,
  content: { html: '<p>We copy out what we read.</p>', text: 'We copy out what we read.' },
};

/** A selection the page-side script captured on the article. */
export function selectionOnArticle(quote = 'copy out what we read'): PageSelection {
  return {
    pageUrl: ARTICLE_URL,
    quote,
    selectors: [{ type: 'TextQuoteSelector', exact: quote }],
    textFragment: `:~:text=${encodeURIComponent(quote)}`,
  };
}

/** The page-side script's answers on the article: the selection captured, passages found. */
export function articleAnswers(found: string[] = []): PageAnswers {
  return {
    'page/capture': { ok: true, selection: selectionOnArticle() },
    'page/paint': { found, orphans: [] },
  };
}

/** The token of the passage editor the background opened over the page (after annotating). */
export function editorToken(tab: FakeTab): string {
  const open = tab.commands.find((c) => c.type === 'page/open-editor');
  if (!open) throw new Error('no passage editor was opened');
  return (open as PageCommand<'page/open-editor'>).token;
}
