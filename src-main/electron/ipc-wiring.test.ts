import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/contract/contract';
import type { ContractHandlers } from '../../shared/contract/dispatch';
import { EventHub } from '../services/event-hub';
import { forwardEvents, trustedSender, wireIpc, type InvokeEventLike, type IpcMainLike } from './ipc-wiring';

// The IPC wiring against a minimal fake of ipcMain that records handlers: no Electron here.

type Handler = (event: InvokeEventLike, payload: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipc = {
    handle: (channel: string, listener: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  };
  return { ipc: ipc as unknown as IpcMainLike, handlers };
}

const mainFrame = { processId: 4, routingId: 1, url: 'file:///app/out/renderer/index.html' };
const iframe = { processId: 4, routingId: 7, url: 'file:///app/out/renderer/index.html' };
const otherWindow = { processId: 5, routingId: 1, url: 'file:///app/out/renderer/index.html' };
const isApp = (url: string) => url === 'file:///app/out/renderer/index.html';
const fromMainFrame = { senderFrame: mainFrame } as unknown as InvokeEventLike;

function handlersAnswering(calls: unknown[]): ContractHandlers {
  return Object.fromEntries(INVOKE_CHANNELS.map((c) => [c, (request: unknown) => (calls.push([c, request]), { channel: c })])) as unknown as ContractHandlers;
}

describe('IPC wiring', () => {
  it('registers exactly the contract invoke channels, and removes them again', () => {
    const { ipc, handlers } = fakeIpcMain();
    const unwire = wireIpc(ipc, handlersAnswering([]), trustedSender(() => mainFrame, isApp));
    expect([...handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    unwire();
    expect(handlers.size).toBe(0);
  });

  it('answers the main frame with the handler result, validated first', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const calls: unknown[] = [];
    wireIpc(ipc, handlersAnswering(calls), trustedSender(() => mainFrame, isApp));
    const open = handlers.get('documents.open');
    expect(await open?.(fromMainFrame, { path: '/a.yaml' })).toEqual({ ok: true, value: { channel: 'documents.open' } });
    expect(await open?.(fromMainFrame, { path: 7 })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'documents.open: invalid request: path: Invalid input: expected string, received number' },
    });
    expect(calls).toEqual([['documents.open', { path: '/a.yaml' }]]);
  });

  it('refuses senders that are not the main frame showing the app', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const calls: unknown[] = [];
    wireIpc(ipc, handlersAnswering(calls), trustedSender(() => mainFrame, isApp));
    const save = handlers.get('documents.save');
    const forbidden = { ok: false, error: { code: 'forbidden', message: "documents.save: refused, the sender is not Routecraft's own window" } };
    // An iframe, even one showing the same page.
    expect(await save?.({ senderFrame: iframe } as unknown as InvokeEventLike, {})).toEqual(forbidden);
    // Another window's main frame.
    expect(await save?.({ senderFrame: otherWindow } as unknown as InvokeEventLike, {})).toEqual(forbidden);
    // A frame that is gone (navigated or destroyed).
    expect(await save?.({ senderFrame: null }, {})).toEqual(forbidden);
    // The main frame after it navigated somewhere else.
    const navigated = { processId: 4, routingId: 1, url: 'https://evil.example/' };
    const wired = fakeIpcMain();
    wireIpc(wired.ipc, handlersAnswering(calls), trustedSender(() => navigated, isApp));
    expect(await wired.handlers.get('documents.save')?.({ senderFrame: navigated } as unknown as InvokeEventLike, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('forwards service events as the payload alone, on the contract channel', () => {
    const hub = new EventHub();
    const sent: [string, unknown][] = [];
    const stop = forwardEvents(hub, (channel, payload) => sent.push([channel, payload]));
    hub.emit('app.command', { command: 'undo' });
    stop();
    hub.emit('app.command', { command: 'redo' });
    expect(sent).toEqual([['app.command', { command: 'undo' }]]);
  });
});
