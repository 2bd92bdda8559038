import { API_PREFIX, EVENTS_PATH, EVENTS_PROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../../shared/contract/browser-mode';
import type { Envelope } from '../../shared/contract/contract-error';
import type { EventChannel } from '../../shared/contract/contract';
import type { ContractTransport } from '../../shared/contract/create-api';

/**
 * The contract over HTTP (calls) and one WebSocket (events), for browser mode. The socket opens
 * with the first subscription and reconnects after a drop; on reconnecting it fetches the
 * document's state once, since events sent meanwhile are lost.
 */
export function createWebTransport(token: string, base: Location = window.location): ContractTransport {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  let socket: WebSocket | undefined;
  let retryMs = 500;
  let everOpened = false;

  const invoke: ContractTransport['invoke'] = async (channel, request) => {
    try {
      const response = await fetch(`${API_PREFIX}${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(request ?? {}),
        cache: 'no-store',
      });
      return (await response.json()) as Envelope<unknown>;
    } catch (error) {
      return { ok: false, error: { code: 'transport', message: `Lost the connection to Routecraft (${error instanceof Error ? error.message : String(error)}). Is \`npm run web\` still running?` } };
    }
  };

  const deliver = (channel: EventChannel, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  };

  const open = () => {
    const scheme = base.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${scheme}//${base.host}${EVENTS_PATH}`, [EVENTS_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`]);
    socket = ws;
    ws.onopen = () => {
      retryMs = 500;
      if (everOpened) {
        void invoke('documents.current', {}).then((envelope) => {
          if (envelope.ok) deliver('documents.changed', envelope.value);
        });
      }
      everOpened = true;
    };
    ws.onmessage = (message) => {
      try {
        const { event, payload } = JSON.parse(String(message.data)) as { event: EventChannel; payload: unknown };
        deliver(event, payload);
      } catch {
        // Not ours: ignore.
      }
    };
    ws.onclose = () => {
      socket = undefined;
      if (listeners.size === 0) return;
      setTimeout(open, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  };

  return {
    invoke,
    subscribe(channel, listener) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      if (!socket) open();
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(channel);
      };
    },
  };
}
