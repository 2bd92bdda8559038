import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// DESIGN §7, tested the hard way: a process that saves and autosaves in a loop is killed with
// SIGKILL at random moments, again and again. After every kill the document file is exactly one
// complete version (never a mix of two), and no acknowledged edit is lost: the file or the
// recovery record holds at least the last version the process had finished saving or autosaving.

const CHILD = fileURLToPath(new URL('./testing/save-loop.child.ts', import.meta.url));
const KILLS = 20;

/** A document of about 300 KB, so that a write takes long enough to be interrupted. */
function documentText(version: number): string {
  // One block scalar: many bytes to write, few nodes to parse, so the loop spends its time saving.
  const filler = Array.from({ length: 3000 }, (_, i) => `    line ${i} ${'abcdefghij'.repeat(9)}\n`).join('');
  return `# version ${version}\nopenapi: 3.1.0\ninfo:\n  title: Crash test\n  version: '1'\n  description: |\n${filler}paths: {}\n`;
}

function versionOf(text: string): number {
  const version = Number(/^# version (\d+)\n/.exec(text)?.[1] ?? NaN);
  // The whole text must be that version's, byte for byte: a torn write fails here.
  return text === documentText(version) ? version : NaN;
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'routecraft-crash-'));
  await writeFile(path.join(dir, 'api.yaml'), documentText(0));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  session: string;
  pid: number;
  acknowledged: { autosaved: number; saved: number };
}

/** Starts the loop and kills it with SIGKILL after `delayMs` of saving. */
function runAndKill(delayMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killTimer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (killTimer === undefined && out.includes('\n')) killTimer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (_code, signal) => {
      clearTimeout(killTimer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`the save loop ended by itself (${String(_code)}):\n${err}`));
        return;
      }
      const session = /^session (\S+)$/m.exec(out)?.[1] ?? '';
      const last = (kind: string) => Math.max(0, ...[...out.matchAll(new RegExp(`^${kind} (\\d+)$`, 'gm'))].map((m) => Number(m[1])));
      resolve({ session, pid: child.pid ?? -1, acknowledged: { autosaved: last('autosaved'), saved: last('saved') } });
    });
  });
}

describe('saving under SIGKILL', () => {
  it(`keeps the file whole and loses no acknowledged edit, over ${KILLS} kills`, { timeout: 120_000 }, async () => {
    const file = path.join(dir, 'api.yaml');
    let killedWithWork = 0;
    for (let i = 0; i < KILLS; i++) {
      const run = await runAndKill(Math.floor(Math.random() * 500));
      const onDisk = versionOf(await readFile(file, 'utf8'));
      expect(onDisk, `run ${i}: the file is one complete version`).not.toBeNaN();

      let recovered = -1;
      const record = await readFile(path.join(dir, 'recovery', `${run.session}.json`), 'utf8').catch(() => undefined);
      if (record !== undefined) {
        const parsed = JSON.parse(record) as { text: string };
        recovered = versionOf(parsed.text);
        expect(recovered, `run ${i}: the recovery record is one complete version`).not.toBeNaN();
      }
      const acknowledged = Math.max(run.acknowledged.autosaved, run.acknowledged.saved);
      expect(Math.max(onDisk, recovered), `run ${i}: nothing acknowledged is lost`).toBeGreaterThanOrEqual(acknowledged);
      expect(onDisk, `run ${i}: a finished save is on disk`).toBeGreaterThanOrEqual(run.acknowledged.saved);
      if (acknowledged > 0) killedWithWork++;
    }
    // The kills did land in the middle of the work, not only before it started.
    expect(killedWithWork).toBeGreaterThan(KILLS / 4);
  });

  it('removes the temporary files that killed saves left, on the next open', async () => {
    const last = await runAndKill(30);
    const pidOf = (name: string) => Number(/\.(\d+)\.[0-9a-f]+\.routecraft-tmp$/.exec(name)?.[1]);
    const left = (await readdir(dir)).filter((name) => name.startsWith('.api.yaml.') && name.endsWith('.routecraft-tmp'));
    // Only the last run's own leftover can remain (until a later open); all older ones are gone.
    expect(left.filter((name) => pidOf(name) !== last.pid)).toEqual([]);
  });
});
