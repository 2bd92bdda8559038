// How browser mode carries the contract (src-main/web/web-server.ts serves it, the renderer's web
// transport speaks it): a POST to API_PREFIX + channel per call with the run's token as a bearer
// token, and one WebSocket on EVENTS_PATH for events, `{ event, payload }` per message.

export const API_PREFIX = '/api/';
export const EVENTS_PATH = '/api/events';
/** The WebSocket subprotocol; the token travels as a second one, `token.<hex>` (browsers cannot set headers there). */
export const EVENTS_PROTOCOL = 'routecraft.v1';
export const TOKEN_PROTOCOL_PREFIX = 'token.';

/** The token from the address `npm run web` printed: `http://127.0.0.1:PORT/#token=…`. */
export function tokenFromHash(hash: string): string | undefined {
  const match = /(?:^#|&)token=([0-9a-f]{16,128})(?:&|$)/i.exec(hash);
  return match?.[1];
}
