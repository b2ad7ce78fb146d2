/**
 * Sending and routing the messages of `lib/protocol.ts` over `runtime.sendMessage`. A handler
 * that throws answers `{ ok: false, message }`, in the reader's words when it is a UserError.
 */
import { browser } from 'wxt/browser';
import { messageForUser } from './errors';
import {
  PAGE_SENT_MESSAGES,
  type Message,
  type MessageHandlers,
  type MessageMap,
  type MessageResponse,
  type MessageSender,
  type MessageType,
  type PageCommand,
  type PageCommandMap,
  type PageCommandType,
} from './protocol';

export async function sendMessage<T extends MessageType>(
  type: T,
  request: MessageMap[T]['request'],
): Promise<MessageResponse<T>> {
  const response: unknown = await browser.runtime.sendMessage({ type, ...request });
  if (response === undefined) throw new Error('The extension did not answer: reload the page.');
  return response as MessageResponse<T>;
}

function isMessage(value: unknown, handlers: MessageHandlers): value is Message {
  const type = (value as { type?: unknown } | null)?.type;
  return typeof type === 'string' && Object.hasOwn(handlers, type);
}

/** Sends a command to the page-side passages script of a tab (top frame). */
export async function sendPageCommand<T extends PageCommandType>(
  tabId: number,
  type: T,
  request: PageCommandMap[T]['request'],
): Promise<PageCommandMap[T]['response']> {
  const command = { type, ...request } as PageCommand<T>;
  return (await browser.tabs.sendMessage(tabId, command, {
    frameId: 0,
  })) as PageCommandMap[T]['response'];
}

/**
 * Answers messages with `handlers`. Our own extension pages (static or dynamic extension URL) may
 * send anything; our page-side scripts only PAGE_SENT_MESSAGES; other extensions nothing.
 */
export function listenForMessages(handlers: MessageHandlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id) return undefined;
    if (!isMessage(message, handlers)) return undefined;
    const fromExtensionPage = /^(chrome|moz)-extension:\/\//.test(sender.url ?? '');
    const pageAllowed = (PAGE_SENT_MESSAGES as readonly string[]).includes(message.type);
    if (!fromExtensionPage && !pageAllowed) return undefined;
    const { type, ...request } = message;
    const from: MessageSender = {
      tabId: fromExtensionPage ? undefined : sender.tab?.id,
      url: fromExtensionPage ? undefined : sender.url,
    };
    const handler = handlers[type] as (request: unknown, sender: MessageSender) => Promise<unknown>;
    handler(request, from).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, message: messageForUser(error) }),
    );
    return true; // keeps the channel open for the asynchronous answer
  });
}
