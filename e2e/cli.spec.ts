import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs the built `routecraft` command the way a user does, from the repository root. */
async function routecraft(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/routecraft.mjs', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(() => {
  if (!existsSync(`${ROOT}out/main/cli.js`)) throw new Error('out/main/cli.js is missing: run `npm run build` before the e2e tests');
});

describe('the built routecraft command', () => {
  it('prints help and its version', async () => {
    const help = await routecraft('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('routes FILE [--format text|json]');
    expect((await routecraft('--version')).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('lists the routes of a real document', async () => {
    const { code, stdout } = await routecraft('routes', 'node_modules/@octokit/openapi/generated/api.github.com.json', '--format', 'json');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as { method: string; path: string; operationId: string | null; controller: string | null }[];
    expect(rows).toHaveLength(1223);
    expect(rows[0]).toEqual({ method: 'GET', path: '/', operationId: 'meta/root', controller: 'meta' });
  });

  it('stops quietly when its reader closes the pipe early (`routecraft routes … | head`)', async () => {
    const child = spawn(process.execPath, ['bin/routecraft.mjs', 'routes', 'node_modules/@octokit/openapi/generated/api.github.com.json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // Like `head -1`: read the first chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('refuses unusable input with file:line:col and exit code 2', async () => {
    const { code, stdout, stderr } = await routecraft('routes', 'package-lock.json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('package-lock.json:1:1: error document/not-openapi No `openapi` field: this does not look like an OpenAPI document.\n');
  });
});
