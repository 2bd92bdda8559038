import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../../shared/model/diagnostic';
import { openDocument } from '../../shared/model/open-document';
import type { ExportLinter } from './export.service';
import type { LintRequest } from './redocly-lint.worker';

type Pending = { resolve: (d: Diagnostic[]) => void; reject: (e: Error) => void };

/** A lint given up because its text went stale (`signal` aborted) before Redocly finished. */
export class LintAborted extends Error {
  constructor() {
    super('the text changed before Redocly finished');
  }
}

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

  /**
   * Redocly's findings for `text`. Aborting `signal` rejects with LintAborted at once and, when no
   * other lint is waiting, stops the worker thread: Redocly takes seconds on a big document, and a
   * lint of a text the user has since changed would hold one of the cores while they type.
   */
  lint(text: string, options: { fileName?: string; filePath?: string } = {}, signal?: AbortSignal): Promise<Diagnostic[]> {
    if (signal?.aborted) return Promise.reject(new LintAborted());
    const id = this.nextId++;
    const result = new Promise<Diagnostic[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.workerFile === null) {
        this.inProcess(text, options).then(resolve, reject);
        return;
      }
      const request: LintRequest = { id, text, ...options };
      this.start(this.workerFile).postMessage(request);
    });
    const abort = () => this.abort(id);
    signal?.addEventListener('abort', abort, { once: true });
    const settled = () => {
      this.pending.delete(id);
      signal?.removeEventListener('abort', abort);
    };
    result.then(settled, settled);
    return result;
  }

  private abort(id: number): void {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    waiting.reject(new LintAborted());
    // Another request queued behind this one keeps the worker; its answer to this one is dropped.
    if (this.pending.size === 0 && this.worker) {
      void this.worker.terminate();
      this.worker = undefined;
    }
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
    // A crashed worker fails what it had and is started afresh next time. One stopped because its
    // lint went stale (see abort) had nothing left; what is pending now is its successor's.
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
      this.worker = undefined;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`the lint worker stopped (exit code ${code})`));
      if (this.worker === worker) this.worker = undefined;
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

/**
 * The linter as an ExportLinter: the export's text is linted, and read, on the lint thread. In
 * main's process Redocly held main for seconds on a big export, and every call to main waited.
 */
export function onLintThread(linter: BackgroundLinter): ExportLinter {
  return {
    lintText: (text, format, options) => linter.lint(text, { fileName: `export.${format}`, ...(options.filePath !== undefined ? { filePath: options.filePath } : {}) }),
  };
}

/**
 * The built worker beside the bundle at `moduleUrl`, or beside the folder it is in: the build puts
 * shared code in out/main/chunks/, and this module ended up there once the CLI loaded its commands
 * lazily. Looking beside the chunk only found nothing, and Redocly (seconds at 10,000 routes) ran
 * on main's own thread, stalling every request meanwhile.
 */
export function builtWorker(moduleUrl: string = import.meta.url): string | null {
  for (const candidate of ['./redocly-lint-worker.js', '../redocly-lint-worker.js']) {
    const file = fileURLToPath(new URL(candidate, moduleUrl));
    if (existsSync(file)) return file;
  }
  return null;
}
