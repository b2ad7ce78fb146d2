/**
 * Sending and routing the messages of `lib/protocol.ts` over `runtime.sendMessage`. A handler
 * that throws answers `{ ok: false, message }`, in the reader's words when it is a UserError.
 */
import { browser } from 'wxt/browser';
import { messageForUser } from './errors';
import type {
  Message,
  MessageHandlers,
  MessageMap,
  MessageResponse,
  MessageType,
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

/** Answers messages from the extension's own pages with `handlers`; ignores everything else. */
export function listenForMessages(handlers: MessageHandlers): void {
  const ownPages = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // Only our own extension pages may ask: content scripts and other extensions may not.
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(ownPages)) return undefined;
    if (!isMessage(message, handlers)) return undefined;
    const { type, ...request } = message;
    const handler = handlers[type] as (request: unknown) => Promise<unknown>;
    handler(request).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, message: messageForUser(error) }),
    );
    return true; // keeps the channel open for the asynchronous answer
  });
}
