import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface WebMode {
  /** The address printed, with its token: `http://127.0.0.1:PORT/#token=…`. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  /** This run's own folder for documents and user data (removed by stop()). */
  readonly dir: string;
  readonly process: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts browser mode the way a user does (`node out/main/web.js`, which `npm run web` runs after
 * building), on a free port with its own user-data folder, and waits for the address it prints.
 */
export async function startWebMode(options: { file?: (dir: string) => Promise<string>; args?: string[]; dir?: string } = {}): Promise<WebMode> {
  const dir = options.dir ?? (await mkdtemp(path.join(tmpdir(), 'routecraft-web-')));
  const file = options.file ? await options.file(dir) : undefined;
  // ROUTECRAFT_OUT: another build folder (inside the repo, so node_modules resolve), for runs side by side.
  const out = process.env['ROUTECRAFT_OUT'] ?? path.join(ROOT, 'out');
  const args = [path.join(out, 'main/web.js'), ...(file ? [file] : []), '--port', '0', '--user-data', path.join(dir, 'user-data'), ...(options.args ?? [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode printed no address in 15 s:\n${output}`)), 15_000);
    const check = () => {
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
  const origin = url.slice(0, url.indexOf('/#'));
  return {
    url,
    origin,
    token: url.slice(url.indexOf('token=') + 'token='.length),
    dir,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.dir) await rm(dir, { recursive: true, force: true });
    },
  };
}
