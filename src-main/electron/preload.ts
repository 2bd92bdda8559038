import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { ContractTransport } from '../../shared/contract/create-api';
import { isEventChannel, isInvokeChannel } from '../../shared/contract/contract';

// The renderer's only door to main: a narrow, frozen transport of the contract (DESIGN §5).
// Never ipcRenderer itself: only the contract's channels pass (the allow-list is the contract's
// own keys), events reach the page without Electron's event object, and every subscription
// returns its unsubscribe.

const bridge: ContractTransport = {
  invoke(channel, request) {
    if (!isInvokeChannel(channel)) {
      return Promise.resolve({ ok: false as const, error: { code: 'unknown-channel' as const, message: `unknown channel ${String(channel)}` } });
    }
    return ipcRenderer.invoke(channel, request);
  },
  subscribe(channel, listener) {
    if (!isEventChannel(channel) || typeof listener !== 'function') throw new Error(`unknown event ${String(channel)}`);
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

contextBridge.exposeInMainWorld('routecraftBridge', Object.freeze(bridge));
