import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppServices, defaultUserDataDir } from '../services/app-services';
import { startWebServer } from './web-server';

// `npm run web [-- FILE] [--port N]`: the whole app in a browser (DESIGN §5). The same services
// as the desktop app, the built renderer, and the contract over HTTP + WebSocket on 127.0.0.1.

const HELP = `Usage: npm run web -- [FILE] [--port N] [--user-data DIR] [--max-file-mb N]

Serves Routecraft to a browser on this machine and prints the address to open (with its
one-time token). FILE opens that document.

  --port N          port on 127.0.0.1 (default: a free one)
  --user-data DIR   where recent files and unsaved-change recovery are kept
                    (default: ${defaultUserDataDir()})
  --max-file-mb N   refuse documents larger than this (default 64)
`;

declare const __ROUTECRAFT_VERSION__: string | undefined;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      port: { type: 'string' },
      'user-data': { type: 'string' },
      'max-file-mb': { type: 'string' },
      'autosave-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usage(`--port must be a number from 0 to 65535, not "${values.port}"`);
  const maxFileMb = values['max-file-mb'] === undefined ? undefined : Number(values['max-file-mb']);
  if (maxFileMb !== undefined && !(maxFileMb > 0)) return usage(`--max-file-mb must be a positive number, not "${values['max-file-mb']}"`);
  const autosaveMs = values['autosave-ms'] === undefined ? undefined : Number(values['autosave-ms']);
  if (autosaveMs !== undefined && !(autosaveMs >= 50)) return usage(`--autosave-ms must be at least 50`);
  if (positionals.length > 1) return usage('give at most one FILE');

  const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    process.stderr.write(`routecraft web: ${rendererDir}index.html is missing: run \`npm run build\` first\n`);
    return 2;
  }

  const services = new AppServices({
    info: { name: 'Routecraft', version: typeof __ROUTECRAFT_VERSION__ === 'string' ? __ROUTECRAFT_VERSION__ : 'dev', platform: process.platform },
    userDataDir: path.resolve(values['user-data'] ?? defaultUserDataDir()),
    ...(maxFileMb !== undefined ? { maxFileBytes: Math.floor(maxFileMb * 1024 * 1024) } : {}),
    ...(autosaveMs !== undefined ? { autosaveMs } : {}),
  });
  const file = positionals[0];
  if (file !== undefined) {
    try {
      await services.documents.open(file);
    } catch (error) {
      // The app still starts: the page shows the empty state, and the terminal says why.
      process.stderr.write(`routecraft web: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }

  let server;
  try {
    server = await startWebServer({ rendererDir, handlers: services.handlers({ rendererPaths: 'any' }), events: services.events, port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(`routecraft web: ${code === 'EADDRINUSE' ? `port ${port} is in use; choose another with --port N (or --port 0)` : String(error)}\n`);
    await services.shutdown();
    return 1;
  }
  process.stdout.write(`Routecraft is running in browser mode. Open:\n  ${server.url}\n(Ctrl-C stops it.)\n`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await services.shutdown();
  return 0;
}

function usage(message: string): number {
  process.stderr.write(`routecraft web: ${message}\n\n${HELP}`);
  return 2;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`routecraft web: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
