import type { RoutecraftApi } from '../shared/contract/app-info';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the renderer runs in a plain browser. */
    readonly routecraft?: RoutecraftApi;
  }
}
