import { ContractError, type Envelope } from './contract-error';
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  type EventChannel,
  type EventPayload,
  type InvokeChannel,
  type RequestOf,
  type ResponseOf,
} from './contract';

/**
 * What a transport does: send one call and get its envelope back, deliver events. The Electron
 * preload exposes exactly this (never ipcRenderer); browser mode implements it over HTTP and a
 * WebSocket. Both accept only the contract's channels.
 */
export interface ContractTransport {
  invoke(channel: InvokeChannel, request: unknown): Promise<Envelope<unknown>>;
  /** Calls `listener` with each event's payload (never a transport's event object); returns unsubscribe. */
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void;
}

export type Unsubscribe = () => void;

type GroupOf<C extends string> = C extends `${infer G}.${string}` ? G : never;
type Group = GroupOf<InvokeChannel> | GroupOf<EventChannel>;

/** A channel whose request is `{}` can be called without an argument. */
type Method<C extends InvokeChannel> = {} extends RequestOf<C>
  ? (request?: RequestOf<C>) => Promise<ResponseOf<C>>
  : (request: RequestOf<C>) => Promise<ResponseOf<C>>;

/**
 * The renderer's API, derived from the contract: `documents.open` becomes `api.documents.open(…)`,
 * the event `documents.changed` becomes `api.documents.onChanged(listener)`. Calls reject with a
 * ContractError carrying main's code and message.
 */
export type RoutecraftApi = {
  readonly [G in Group]: {
    readonly [C in InvokeChannel as C extends `${G}.${infer M}` ? M : never]: Method<C>;
  } & {
    readonly [E in EventChannel as E extends `${G}.${infer N}` ? `on${Capitalize<N>}` : never]: (
      listener: (payload: EventPayload<E>) => void,
    ) => Unsubscribe;
  };
};

export function createRoutecraftApi(transport: ContractTransport): RoutecraftApi {
  const api: Record<string, Record<string, unknown>> = {};
  const group = (name: string) => (api[name] ??= {});
  for (const channel of INVOKE_CHANNELS) {
    const [g = '', m = ''] = channel.split('.');
    group(g)[m] = async (request?: unknown) => unwrap(await transport.invoke(channel, request ?? {}));
  }
  for (const channel of EVENT_CHANNELS) {
    const [g = '', n = ''] = channel.split('.');
    group(g)[`on${n.charAt(0).toUpperCase()}${n.slice(1)}`] = (listener: (payload: unknown) => void) =>
      transport.subscribe(channel, listener);
  }
  for (const value of Object.values(api)) Object.freeze(value);
  return Object.freeze(api) as unknown as RoutecraftApi;
}

function unwrap(envelope: Envelope<unknown>): never | unknown {
  if (envelope.ok) return envelope.value;
  throw new ContractError(envelope.error.code, envelope.error.message);
}
