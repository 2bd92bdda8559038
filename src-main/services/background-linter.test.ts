import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDocument } from '../../shared/model/open-document';
import { BackgroundLinter, LintAborted, builtWorker, onLintThread } from './background-linter';
import { RedoclyLintService } from './redocly-lint.service';

let dir: string;
let linter: BackgroundLinter | undefined;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'routecraft-linter-'));
});

afterEach(async () => {
  linter?.dispose();
  await rm(dir, { recursive: true, force: true });
});

/**
 * A stand-in for the Redocly worker: on the text "hang" it works forever, counting its rounds in
 * a file (a stopped thread's count holds still); it answers anything else.
 */
async function fakeWorker(): Promise<string> {
  const file = path.join(dir, 'fake-lint-worker.mjs');
  await writeFile(
    file,
    `import { parentPort } from 'node:worker_threads';
import { writeFileSync } from 'node:fs';
parentPort.on('message', (r) => {
  if (r.text === 'hang') for (let i = 0; ; i++) { writeFileSync(${JSON.stringify(path.join(dir, 'rounds'))}, String(i)); const until = Date.now() + 5; while (Date.now() < until); }
  parentPort.postMessage({ id: r.id, diagnostics: [{ rule: 'fake', severity: 'info', message: r.text, target: { pointer: '' } }] });
});
`,
  );
  return file;
}

describe('background linter', () => {
  it('finds the built worker beside its bundle, or beside the chunks folder the bundle is in', async () => {
    await mkdir(path.join(dir, 'main', 'chunks'), { recursive: true });
    expect(builtWorker(pathToFileURL(path.join(dir, 'main', 'chunks', 'dispatch.js')).href)).toBeNull();
    await writeFile(path.join(dir, 'main', 'redocly-lint-worker.js'), '');
    expect(builtWorker(pathToFileURL(path.join(dir, 'main', 'chunks', 'dispatch.js')).href)).toBe(path.join(dir, 'main', 'redocly-lint-worker.js'));
    expect(builtWorker(pathToFileURL(path.join(dir, 'main', 'index.js')).href)).toBe(path.join(dir, 'main', 'redocly-lint-worker.js'));
  });

  it('gives up a stale lint at once and stops the thread that was computing it', async () => {
    linter = new BackgroundLinter(await fakeWorker());
    const stale = new AbortController();
    const hung = linter.lint('hang', {}, stale.signal);
    const rounds = async () => Number(await readFile(path.join(dir, 'rounds'), 'utf8').catch(() => '-1'));
    await expect.poll(rounds).toBeGreaterThan(0);
    stale.abort();
    await expect(hung).rejects.toBeInstanceOf(LintAborted);
    const stoppedAt = await rounds();
    await new Promise((r) => setTimeout(r, 300));
    expect(await rounds()).toBeLessThanOrEqual(stoppedAt + 1);
    // A worker still spinning on "hang" would never read this request: it is a new thread's.
    const next = await linter.lint('fresh text');
    expect(next.map((d) => d.message)).toEqual(['fresh text']);
  });

  it('keeps the thread when another lint waits behind the aborted one, and answers that one', async () => {
    linter = new BackgroundLinter(await fakeWorker());
    const stale = new AbortController();
    const first = linter.lint('first', {}, stale.signal);
    const second = linter.lint('second');
    stale.abort();
    await expect(first).rejects.toBeInstanceOf(LintAborted);
    expect((await second).map((d) => d.message)).toEqual(['second']);
  });

  it('refuses a lint whose signal is already aborted', async () => {
    linter = new BackgroundLinter(await fakeWorker());
    const stale = new AbortController();
    stale.abort();
    await expect(linter.lint('anything', {}, stale.signal)).rejects.toBeInstanceOf(LintAborted);
  });

  it('lints an export on its thread: the text travels there, and the findings are what Redocly finds in process', async () => {
    const text = await readFile(new URL('../../fixtures/openapi/users-api.yaml', import.meta.url), 'utf8');
    const doc = openDocument(text, { fileName: 'users-api.yaml' });
    linter = new BackgroundLinter(await fakeWorker());
    expect((await onLintThread(linter).lintText(text, 'yaml', {})).map((d) => d.message)).toEqual([text]);
    linter.dispose();
    // Run from source there is no built worker: the same code lints in this process.
    linter = new BackgroundLinter(null);
    const file = path.join(dir, 'openapi.yaml');
    expect(await onLintThread(linter).lintText(text, 'yaml', { filePath: file })).toEqual(await new RedoclyLintService().lint(doc, { filePath: file }));
  });
});
