import { tokenFromHash } from '../../shared/contract/browser-mode';
import { createRoutecraftApi, type RoutecraftApi } from '../../shared/contract/create-api';
import { createWebTransport } from './web-transport';

const TOKEN_KEY = 'routecraft.token';

/**
 * The one place that picks the transport: the Electron preload's bridge when there is one, else
 * browser mode with the token from the address (kept for reloads of this tab, then removed from
 * the address bar). Everything else in the renderer sees only the RoutecraftApi.
 */
export function connect(): { api: RoutecraftApi } | { error: string } {
  if (window.routecraftBridge) return { api: createRoutecraftApi(window.routecraftBridge) };
  const fromHash = tokenFromHash(window.location.hash);
  if (fromHash !== undefined) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = fromHash ?? sessionStorage.getItem(TOKEN_KEY) ?? undefined;
  if (token !== undefined) return { api: createRoutecraftApi(createWebTransport(token)) };
  return { error: 'This page is not connected to Routecraft. Start it with `npm run web` and open the address it prints (it ends in #token=…).' };
}
