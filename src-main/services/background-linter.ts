import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../../shared/model/diagnostic';
import { openDocument } from '../../shared/model/open-document';
import type { LintRequest } from './redocly-lint.worker';

type Pending = { resolve: (d: Diagnostic[]) => void; reject: (e: Error) => void };

/**
 * Redocly's findings for the app's problems list, computed on a worker thread so main never
 * stalls. Built, the worker is out/main/redocly-lint-worker.js beside the bundle that uses it; run
 * from source (unit tests), there is no built worker and it lints in-process instead.
 */
export class BackgroundLinter {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly workerFile: string | null = builtWorker()) {}

  lint(text: string, options: { fileName?: string; filePath?: string } = {}): Promise<Diagnostic[]> {
    if (this.workerFile === null) return this.inProcess(text, options);
    const worker = this.start(this.workerFile);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const request: LintRequest = { id, text, ...options };
      worker.postMessage(request);
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private start(file: string): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(file);
    worker.unref();
    worker.on('message', (message: { id: number; diagnostics?: Diagnostic[]; error?: string }) => {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error !== undefined) waiting?.reject(new Error(message.error));
      else waiting?.resolve(message.diagnostics ?? []);
    });
    // A crashed worker fails what it had and is started afresh next time.
    const fail = (error: Error) => {
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
      this.worker = undefined;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`the lint worker stopped (exit code ${code})`));
      this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }

  private async inProcess(text: string, options: { fileName?: string; filePath?: string }): Promise<Diagnostic[]> {
    const { RedoclyLintService } = await import('./redocly-lint.service');
    const doc = openDocument(text, options.fileName !== undefined ? { fileName: options.fileName } : {});
    return new RedoclyLintService().lint(doc, options.filePath !== undefined ? { filePath: options.filePath } : {});
  }
}

function builtWorker(): string | null {
  const file = fileURLToPath(new URL('./redocly-lint-worker.js', import.meta.url));
  return existsSync(file) ? file : null;
}
