import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ContractError } from '../../shared/contract/contract-error';
import { EVENT_CHANNELS, INVOKE_CHANNELS, isEventChannel, type EventChannel } from '../../shared/contract/contract';
import { dispatch, failure, type ContractHandlers } from '../../shared/contract/dispatch';
import type { EventHub } from '../services/event-hub';

// The contract over Electron IPC, main side. Types only from electron, so this wiring runs under
// Node in the unit tests against a fake ipcMain that records handlers (no Electron binary here).

/** The part of ipcMain this wiring uses. */
export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** The part of an invoke event the sender check reads. */
export type InvokeEventLike = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/**
 * Registers one handler per invoke channel of the contract, and nothing else. Each call is checked
 * before anything runs: the sender must be the app's own main frame (not an iframe, not another
 * page it navigated to), and the payload must match the channel's schema. Answers are envelopes,
 * so an error keeps its code and message across the bridge. Returns a function that unregisters.
 */
export function wireIpc(ipcMain: IpcMainLike, handlers: ContractHandlers, isTrustedSender: (event: InvokeEventLike) => boolean): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event)) {
        return failure(new ContractError('forbidden', `${channel}: refused, the sender is not Routecraft's own window`));
      }
      return dispatch(handlers, channel, payload);
    });
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** What identifies a frame: its renderer process and its routing id there. */
export interface FrameIdentity {
  readonly processId: number;
  readonly routingId: number;
  readonly url: string;
}

/**
 * The sender check: the frame that sent the call is the window's main frame (same process and
 * routing id: not an iframe, not another window), and shows the app itself (`appUrl` decides, e.g.
 * the renderer's built index.html), not a page it was navigated to.
 */
export function trustedSender(mainFrame: () => FrameIdentity | undefined, appUrl: (url: string) => boolean): (event: InvokeEventLike) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    const main = mainFrame();
    if (frame === null || main === undefined) return false;
    return frame.processId === main.processId && frame.routingId === main.routingId && appUrl(frame.url);
  };
}

/** Forwards the services' events to a window: the payload only, on the contract's channel. */
export function forwardEvents(events: EventHub, send: (channel: EventChannel, payload: unknown) => void): () => void {
  return events.subscribe((event, payload) => {
    if (isEventChannel(event)) send(event, payload);
  });
}

export { EVENT_CHANNELS };
