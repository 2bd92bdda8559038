import type { EditIntent } from '../../shared/edit/edit-intent';
import type { TextEdit } from '../../shared/edit/text-edit';
import type { FromWorker, ProbeAnswer, ToWorker } from './design-protocol';

type ViewMessage = Extract<FromWorker, { type: 'view' }>;

/** The UI thread's handle on the design worker. */
export class DesignClient {
  private readonly worker: Worker;
  private nextProbe = 1;
  private readonly probes = new Map<number, (answers: ProbeAnswer[]) => void>();

  constructor(
    private readonly onView: (message: ViewMessage) => void,
    private readonly onFailure: (message: string) => void,
  ) {
    // Vite bundles the worker from this pattern (a module worker, served from the app itself).
    this.worker = new Worker(new URL('./design.worker.ts', import.meta.url), { type: 'module', name: 'design' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    this.worker.onerror = (event) => this.onFailure(event.message);
  }

  open(sessionId: string, revision: number, text: string, format: 'yaml' | 'json'): void {
    this.send({ type: 'open', sessionId, revision, text, format });
  }

  edits(sessionId: string, revision: number, edits: TextEdit[]): void {
    this.send({ type: 'edits', sessionId, revision, edits });
  }

  predict(sessionId: string, baseRevision: number, intent: EditIntent): void {
    this.send({ type: 'predict', sessionId, baseRevision, intent });
  }

  rollback(): void {
    this.send({ type: 'rollback' });
  }

  /** Asks for a view with every row (after a patch that did not fit). */
  full(): void {
    this.send({ type: 'full' });
  }

  select(routeKey: string | null, seq: number): void {
    this.send({ type: 'select', routeKey, seq });
  }

  /** Which route answers `METHOD path` under every profile, without sending a request. */
  probe(method: string, path: string): Promise<ProbeAnswer[]> {
    const id = this.nextProbe++;
    return new Promise((resolve) => {
      this.probes.set(id, resolve);
      this.send({ type: 'probe', id, method, path });
    });
  }

  dispose(): void {
    this.worker.terminate();
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromWorker): void {
    if (message.type === 'view') this.onView(message);
    else if (message.type === 'probe') {
      this.probes.get(message.id)?.(message.answers);
      this.probes.delete(message.id);
    } else this.onFailure(message.message);
  }
}
