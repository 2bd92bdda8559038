import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openDocument } from '../../shared/model/open-document';
import { MockServer } from '../services/mock-server.service';
import { runCli } from '../cli';

const USERS = fs.readFileSync('fixtures/openapi/users-api.yaml', 'utf8');
const children: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** `routecraft mock` as a user runs it: its own process, real signals. */
function startCli(...args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli-main.ts', 'mock', ...args], { stdio: 'pipe' });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const waitFor = async (pattern: RegExp, stream: 'out' | 'err' = 'out', timeoutMs = 15_000): Promise<RegExpExecArray> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const m = pattern.exec(stream === 'out' ? out : err);
      if (m) return m;
      if (child.exitCode !== null || Date.now() > until) throw new Error(`no ${pattern} on std${stream}; stdout:\n${out}\nstderr:\n${err}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, waitFor, exited, output: () => ({ out, err }) };
}

function tempFile(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-mock-'));
  const file = path.join(dir, 'api.yaml');
  fs.writeFileSync(file, text);
  return file;
}

describe('routecraft mock', () => {
  test('on port 0: listening line, one log line per request, reload on change, last good version kept, clean exit on SIGINT', async () => {
    const file = tempFile(USERS);
    const cli = startCli(file, '--port', '0');
    const [, url] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
    expect(cli.output().out).toContain(`routecraft mock: ${file}, 6 routes, profile fastapi\n`);

    const one = await fetch(`${url}/api/users/1`);
    expect(await one.json()).toEqual({ id: 1, name: 'Ada Lovelace' });
    await cli.waitFor(/GET \/api\/users\/1 → 200 GET \/api\/users\/\{user_id\} \(#3\) [\d.]+ ms\n/);
    await fetch(`${url}/api/nope`);
    await cli.waitFor(/GET \/api\/nope → 404 no route [\d.]+ ms\n/);

    fs.writeFileSync(file, USERS.replace('name: Ada Lovelace', 'name: Ada King'));
    await cli.waitFor(/reloaded .*api\.yaml: 6 routes\n/);
    expect(await (await fetch(`${url}/api/users/1`)).json()).toEqual({ id: 1, name: 'Ada King' });

    fs.writeFileSync(file, 'openapi: 3.1.0\npaths: {/a: [}\n');
    await cli.waitFor(/has errors; still serving the last good version/, 'err');
    expect(await (await fetch(`${url}/api/users/1`)).json()).toEqual({ id: 1, name: 'Ada King' });

    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    expect(cli.output().out).toMatch(/stopped \(SIGINT\)\n$/);
    await expect(fetch(`${url}/health`)).rejects.toThrow('fetch failed');
  }, 30_000);

  test('--log json prints each request’s event; SIGTERM stops it', async () => {
    const cli = startCli(tempFile(USERS), '--port', '0', '--log', 'json', '--profile', 'express');
    const [, url] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
    await fetch(`${url}/api/users/1`, { method: 'HEAD' });
    const [line] = await cli.waitFor(/^\{.*\}$/m);
    expect(JSON.parse(line)).toMatchObject({ method: 'HEAD', path: '/api/users/1', status: 200, route: 'GET /api/users/{user_id}' });
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  }, 30_000);

  test('a taken port, bad options and a broken file: exit 2 with a clear message', async () => {
    const busy = new MockServer(openDocument(USERS), { port: 0 });
    const { port } = await busy.start();
    try {
      const io = { out: '', err: '' };
      const code = await runCli(['mock', tempFile(USERS), '--port', String(port)], { out: (t) => (io.out += t), err: (t) => (io.err += t) });
      expect(code).toBe(2);
      expect(io.err).toBe(`routecraft: port ${port} on 127.0.0.1 is already in use (another mock server or program is listening there); choose another port, or port 0 to let the system pick a free one (--port N, or --port 0)\n`);
    } finally {
      await busy.stop();
    }
    const run = async (...argv: string[]) => {
      let err = '';
      const code = await runCli(argv, { out: () => undefined, err: (t) => (err += t) });
      return { code, err };
    };
    expect(await run('mock', tempFile(USERS), '--port', 'abc')).toMatchObject({ code: 2, err: expect.stringContaining('--port must be a number') });
    expect(await run('mock', tempFile(USERS), '--log', 'xml')).toMatchObject({ code: 2, err: expect.stringContaining('--log must be text, json or off') });
    expect(await run('mock', tempFile(USERS), '--profile', 'rails')).toMatchObject({ code: 2, err: expect.stringContaining('unknown profile "rails"') });
    const broken = tempFile('openapi: 3.1.0\npaths: {/a: [}\n');
    expect(await run('mock', broken)).toMatchObject({ code: 2, err: expect.stringMatching(/^.*api\.yaml:2:\d+: error document\/syntax/) });
    expect((await run('mock')).code).toBe(2);
  });
});
