import { parentPort } from 'node:worker_threads';
import { openDocument } from '../../shared/model/open-document';
import { RedoclyLintService } from './redocly-lint.service';
import { runInBackground } from './thread-priority';

// Redocly on its own thread: it takes seconds on a large document (4 s on GitHub's), and main's
// event loop serves the UI, the edits and the live mock server meanwhile. At the lowest priority:
// nobody waits on it, and the window, main and the design worker need the cores first.
runInBackground();

export interface LintRequest {
  id: number;
  text: string;
  fileName?: string;
  filePath?: string;
}

const service = new RedoclyLintService();

parentPort?.on('message', (request: LintRequest) => {
  const doc = openDocument(request.text, request.fileName !== undefined ? { fileName: request.fileName } : {});
  service
    .lint(doc, request.filePath !== undefined ? { filePath: request.filePath } : {})
    .then(
      (diagnostics) => parentPort?.postMessage({ id: request.id, diagnostics }),
      (e: unknown) => parentPort?.postMessage({ id: request.id, error: e instanceof Error ? e.message : String(e) }),
    );
});
