/** The sender check of `listenForMessages`: who may send what, and what a failing handler says. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { UserError } from '../../../lib/errors';
import { listenForMessages } from '../../../lib/messaging';
import type { MessageHandlers, MessageType } from '../../../lib/protocol';

vi.mock('wxt/browser', () => import('./fake-browser'));

type Sender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];

const TYPES: MessageType[] = [
  'page/ready',
  'passages/annotate',
  'passages/show',
  'editor/load',
  'editor/save',
  'editor/cancel',
  'passage/update',
  'passage/delete',
  'clip/read',
  'clip/body',
  'piece/save',
];

/** Every handler answers what it was given, so a test sees the request and the sender. */
const handler = vi.fn(async (request: unknown, sender: unknown) => ({ request, sender }));
const failWith = (error: Error) => handler.mockRejectedValueOnce(error);

const extensionPage = (): Sender => ({
  id: fakeBrowser.runtime.id,
  url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html`,
});
const pageScript = (): Sender => ({
  id: fakeBrowser.runtime.id,
  url: 'https://essays.example/2024/on-reading/',
  tab: { id: 7 } as Sender['tab'],
  frameId: 0,
});

/** Delivers a message as the browser would; `answered` is false when the listener kept quiet. */
async function deliver(message: unknown, sender: Sender) {
  let respond: (value: unknown) => void = () => undefined;
  const answer = new Promise((resolve) => (respond = resolve));
  const returned = await fakeBrowser.runtime.onMessage.trigger(message, sender, respond);
  const answered = (returned as unknown[]).includes(true);
  return { answered, response: answered ? await answer : undefined };
}

beforeEach(() => {
  fakeBrowser.reset();
  handler.mockClear();
  listenForMessages(
    Object.fromEntries(TYPES.map((t) => [t, handler])) as unknown as MessageHandlers,
  );
});

describe('our extension pages', () => {
  it('may send any message; the handler gets the request without its type and no sender', async () => {
    const { answered, response } = await deliver(
      { type: 'passage/delete', id: 'p1', tabId: 3 },
      extensionPage(),
    );
    expect(answered).toBe(true);
    expect(response).toEqual({
      request: { id: 'p1', tabId: 3 },
      sender: { tabId: undefined, url: undefined },
    });
  });

  it('include the passage editor frame (a dynamic moz-extension URL inside a tab)', async () => {
    const frame: Sender = {
      id: fakeBrowser.runtime.id,
      url: 'moz-extension://5a1c0e2b-uuid/passage-editor.html?token=t',
      tab: { id: 7 } as Sender['tab'],
    };
    const { response } = await deliver({ type: 'editor/load', token: 't' }, frame);
    expect(response).toEqual({
      request: { token: 't' },
      sender: { tabId: undefined, url: undefined },
    });
  });
});

describe('page-side scripts', () => {
  it('may send page/ready and are told apart by their tab and URL', async () => {
    const { response } = await deliver(
      { type: 'page/ready', canonicalHref: null, ogUrl: null },
      pageScript(),
    );
    expect(response).toEqual({
      request: { canonicalHref: null, ogUrl: null },
      sender: { tabId: 7, url: 'https://essays.example/2024/on-reading/' },
    });
  });

  it.each(TYPES.filter((t) => t !== 'page/ready'))('get no answer to %s', async (type) => {
    const { answered } = await deliver({ type, tabId: 7, id: 'p1', token: 't' }, pageScript());
    expect(answered).toBe(false);
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('other extensions', () => {
  it.each(['page/ready', 'piece/save'])('get no answer to %s', async (type) => {
    const other: Sender = { id: 'another-extension', url: 'chrome-extension://another/page.html' };
    const { answered } = await deliver({ type }, other);
    const fromTheirContentScript = await deliver({ type }, { ...pageScript(), id: 'another' });
    expect([answered, fromTheirContentScript.answered]).toEqual([false, false]);
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('messages that are not ours', () => {
  it.each([
    ['an unknown type', { type: 'piece/steal' }],
    ['an inherited property name', { type: 'toString' }],
    ['no type', { id: 'p1' }],
    ['a string', 'clip/read'],
    ['null', null],
  ])('get no answer: %s', async (_, message) => {
    const { answered } = await deliver(message, extensionPage());
    expect(answered).toBe(false);
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('a handler that throws', () => {
  it('answers a UserError with its own message', async () => {
    failWith(new UserError('This passage editor has expired.'));
    const { response } = await deliver({ type: 'editor/load', token: 't' }, extensionPage());
    expect(response).toEqual({ ok: false, message: 'This passage editor has expired.' });
  });

  it('answers any other error labelled as unexpected', async () => {
    failWith(new TypeError('db.pieces is undefined'));
    const { response } = await deliver({ type: 'clip/read', tabId: 1 }, extensionPage());
    expect(response).toEqual({
      ok: false,
      message: 'Something went wrong: db.pieces is undefined',
    });
  });
});
