import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_BYTES } from '../../shared/document/source-document';
import type { MockLogEvent } from '../../shared/mock/request-log';
import { openDocument } from '../../shared/model/open-document';
import { PROFILE_IDS, type ProfileId } from '../../shared/model/x-routecraft';
import { MockServer, MockServerError } from '../services/mock-server.service';
import { collectGarbage } from './collect-garbage';
import { CliError, EXIT_OK, EXIT_USAGE, type CliIo } from './cli-io';
import { formatDiagnostic, readDocumentFile, unreadableErrors } from './read-document-file';

export const MOCK_HELP = `Usage: routecraft mock FILE [--port N] [--host H] [--profile P] [--log text|json|off] [--strict]

Serves the designed API as a live mock server: each route answers as the target framework would
(404 with the closest routes, 405 + Allow, trailing-slash redirects, 422 for invalid path params
and JSON bodies), with its default status and its examples, or a body generated from the schema.
Prints one line per request, reloads when FILE changes, stops on Ctrl-C (SIGINT) or SIGTERM.

  --port N             port to listen on (default 4010; 0 picks a free one)
  --host H             address to listen on (default 127.0.0.1, this machine only)
  --profile P          ${PROFILE_IDS.join(' | ')}
                       (default: the document's x-routecraft.profile, else fastapi)
  --log text|json|off  one line per request (default), each request's full event as JSON
                       (with the matcher's trace), or nothing
  --strict             report response bodies that do not match their schema
  --max-body BYTES     largest request body accepted (default 1048576); larger ones get 413

Ask for another response with a Prefer header: "Prefer: code=404", "Prefer: example=NAME",
"Prefer: dynamic=true" (a random body from the schema).
`;

/** How the command learns it should stop: the process' signals, or a test's. */
export interface StopSignals {
  on(handler: (signal: string) => void): () => void;
}

const processSignals: StopSignals = {
  on(handler) {
    const listener = (signal: NodeJS.Signals) => handler(signal);
    process.on('SIGINT', listener);
    process.on('SIGTERM', listener);
    return () => {
      process.off('SIGINT', listener);
      process.off('SIGTERM', listener);
    };
  },
};

export async function mockCommand(args: string[], io: CliIo, signals: StopSignals = processSignals): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      profile: { type: 'string' },
      log: { type: 'string', default: 'text' },
      strict: { type: 'boolean', default: false },
      'max-body': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    io.out(MOCK_HELP);
    return EXIT_OK;
  }
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0) throw new CliError(`mock takes one FILE\n\n${MOCK_HELP}`);
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) throw new CliError(`--port must be a number from 0 to 65535, not "${values.port}"`);
  if (values.profile !== undefined && !(PROFILE_IDS as readonly string[]).includes(values.profile)) throw new CliError(`unknown profile "${values.profile}": use ${PROFILE_IDS.join(', ')}`);
  if (values.log !== 'text' && values.log !== 'json' && values.log !== 'off') throw new CliError(`--log must be text, json or off, not "${values.log}"`);
  const maxBody = values['max-body'] === undefined ? undefined : Number(values['max-body']);
  if (maxBody !== undefined && !(Number.isInteger(maxBody) && maxBody >= 0)) throw new CliError(`--max-body must be a number of bytes, not "${values['max-body']}"`);

  const doc = await readDocumentFile(file);
  const errors = unreadableErrors(doc);
  if (errors.length > 0) {
    for (const d of errors) io.err(formatDiagnostic(file, d) + '\n');
    return EXIT_USAGE;
  }
  const profile = values.profile as ProfileId | undefined;
  const server = new MockServer(doc, { host: values.host, port, strict: values.strict, ...(profile ? { profile } : {}), ...(maxBody !== undefined ? { maxBodyBytes: maxBody } : {}) });
  const format = values.log;
  if (format !== 'off') server.subscribe((event) => io.out(format === 'json' ? `${JSON.stringify(event)}\n` : textLine(event)));
  // A burst of requests grows the heap (V8 enlarges its young generation under load and keeps it);
  // once the server has been idle for a moment, that memory goes back to the system.
  // Checked once a tick, from the log's count, rather than a timer reset or a listener per request:
  // with `--log off` nothing reads the log, so its events are never even built.
  let counted = 0;
  let busy = false;
  const idle = setInterval(() => {
    const requests = server.log.total;
    if (requests !== counted) {
      counted = requests;
      busy = true;
    } else if (busy) {
      busy = false;
      collectGarbage();
    }
  }, IDLE_TICK_MS);
  idle.unref();

  let address;
  try {
    address = await server.start();
  } catch (e) {
    if (e instanceof MockServerError) {
      const how = e.code === 'address-unavailable' ? ' (--host H)' : ' (--port N, or --port 0)';
      throw new CliError(`${e.message}${how}`);
    }
    throw e;
  }
  io.out(`routecraft mock: ${file}, ${server.model.routes.length} route${server.model.routes.length === 1 ? '' : 's'}, profile ${server.profile}\n`);
  io.out(`listening on ${address.url}\n`);

  const watcher = watchDocument(file, io, server, fingerprint(doc.source.text));
  // Once this function has returned, nothing else holds the document.
  setImmediate(() => letGoOfDocument(server));
  return new Promise<number>((resolve) => {
    const off = signals.on((signal) => {
      off();
      clearInterval(idle);
      watcher.close();
      void server.stop().then(() => {
        io.out(`stopped (${signal})\n`);
        resolve(EXIT_OK);
      });
    });
  });
}

/** A server with no request for a whole tick (1–2 ticks after the last) collects what a burst left. */
const IDLE_TICK_MS = 1000;

/**
 * The server keeps a copy of what it answers from and the document (text and source tree, two
 * thirds of the memory at 10,000 routes) goes, after listening so that it never delays a start.
 */
function letGoOfDocument(server: MockServer): void {
  server.detachDocument();
  collectGarbage();
}

/** Stands for a text the server already serves: keeping the text itself would hold megabytes. */
function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

/**
 * Reloads the document when the file changes on disk. Editors often replace a file rather than
 * write it, so the folder is watched; a text that cannot be read leaves the last good version
 * serving, and says so.
 */
function watchDocument(file: string, io: CliIo, server: MockServer, served: string): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let lastText = served;
  let reading = Promise.resolve();
  const reload = async () => {
    let text: string;
    try {
      text = await fs.promises.readFile(file, 'utf8');
    } catch {
      io.err(`routecraft mock: ${file} cannot be read now; still serving the last good version\n`);
      return;
    }
    const seen = fingerprint(text);
    if (seen === lastText) return;
    lastText = seen;
    const doc = openDocument(text, { fileName: file, maxLength: DEFAULT_MAX_BYTES });
    const errors = unreadableErrors(doc);
    if (errors.length > 0) {
      io.err(`routecraft mock: ${file} has errors; still serving the last good version:\n`);
      for (const d of errors) io.err(`  ${formatDiagnostic(file, d)}\n`);
      return;
    }
    server.setDocument(doc);
    setImmediate(() => letGoOfDocument(server));
    io.out(`reloaded ${file}: ${doc.model.routes.length} route${doc.model.routes.length === 1 ? '' : 's'}\n`);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      reading = reading.then(reload);
    }, 80);
  };
  const base = path.basename(file);
  let watcher: fs.FSWatcher | undefined;
  try {
    watcher = fs.watch(path.dirname(path.resolve(file)), (_event, name) => {
      if (name === null || name === base) schedule();
    });
    watcher.on('error', () => undefined);
  } catch {
    io.err(`routecraft mock: cannot watch ${file} for changes; restart to reload it\n`);
  }
  return {
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}

/** `12:03:04.512 GET /api/users/1 → 200 GET /api/users/{user_id} (#3) 0.4 ms`. */
function textLine(e: MockLogEvent): string {
  const time = e.time.slice(11, 23);
  if (e.method === '') return `${time} ${e.status === 0 ? '-' : e.status} refused: ${e.error ?? e.source}\n`;
  const step = e.trace.find((s) => s.routeKey === e.route);
  const route = e.route ? `${e.route}${step ? ` (#${step.index})` : ''}` : 'no route';
  const why = e.error ? ` (${e.error})` : e.status >= 400 && e.route ? ` (${e.source})` : '';
  const lines = [`${time} ${e.method} ${e.path} → ${e.status === 0 ? 'no answer' : e.status} ${route}${why} ${e.durationMs.toFixed(1)} ms`];
  for (const p of e.problems) lines.push(`  ! ${p}`);
  return lines.join('\n') + '\n';
}
