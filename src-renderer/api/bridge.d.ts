import type { ContractTransport } from '../../shared/contract/create-api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the renderer runs in a plain browser. */
    readonly routecraftBridge?: ContractTransport;
  }
}
