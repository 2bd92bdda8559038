import type { EventChannel, EventPayload } from '../../shared/contract/contract';

export type EventSink = <E extends EventChannel>(event: E, payload: EventPayload<E>) => void;
export type EventListener = (event: EventChannel, payload: unknown) => void;

/**
 * Where the services' events go: each transport subscribes once and forwards every event to its
 * renderers (Electron: the main window; browser mode: each WebSocket).
 */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  readonly emit: EventSink = (event, payload) => {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // A transport that failed to deliver must not stop the others, nor the service that emitted.
      }
    }
  };

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
