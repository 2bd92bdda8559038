import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract/contract-error';
import type { EventChannel } from '../../shared/contract/contract';
import type { DocumentState } from '../../shared/contract/document-state.schema';
import { fsError } from './document-file';
import { DocumentService } from './document.service';
import { RecentFiles } from './recent-files';
import { RecoveryStore } from './recovery-store';

const USERS_API = fileURLToPath(new URL('../../fixtures/openapi/users-api.yaml', import.meta.url));

let dir: string;
let service: DocumentService;
let events: { event: EventChannel; payload: unknown }[];

function createService(options: { autosaveMs?: number; maxFileBytes?: number } = {}): DocumentService {
  events = [];
  return new DocumentService({
    recovery: new RecoveryStore(path.join(dir, 'user-data', 'recovery')),
    recent: new RecentFiles(path.join(dir, 'user-data', 'recent.json')),
    emit: (event, payload) => events.push({ event, payload }),
    autosaveMs: options.autosaveMs ?? 3_600_000,
    watchDebounceMs: 20,
    ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
  });
}

/** Waits for the service to report something (file watching is asynchronous). */
async function until<T>(find: () => T | undefined, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const addRoute = (s: DocumentService) => s.applyIntent({ op: 'addRoute', method: 'get', path: '/api/users/{user_id}/avatar', responses: { '200': { description: 'OK' } } });

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'routecraft-docs-'));
  service = createService();
});

afterEach(async () => {
  service.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('opening and saving', () => {
  it('saves byte for byte what it opened when nothing changed, and only the edit otherwise', async () => {
    const file = path.join(dir, 'api.yaml');
    const original = await readFile(USERS_API);
    await writeFile(file, original);
    const opened = await service.open(file);
    expect(opened).toMatchObject({ path: file, name: 'api.yaml', dirty: false, encoding: 'utf8', eol: 'lf', format: 'yaml' });

    expect((await service.save()).status).toBe('saved');
    expect(await readFile(file)).toEqual(original);

    const edited = addRoute(service);
    expect(edited.dirty).toBe(true);
    expect(edited.revision).toBeGreaterThan(opened.revision);
    const saved = await service.save();
    expect(saved.status).toBe('saved');
    if (saved.status === 'saved') expect(saved.state.dirty).toBe(false);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('/api/users/{user_id}/avatar:');
    expect(text).toContain('# Health checks live outside the API prefix.');
  });

  it('keeps CRLF line endings, a UTF-8 byte order mark and UTF-16', async () => {
    const source = await readFile(USERS_API, 'utf8');
    const cases = [
      { name: 'crlf.yaml', bytes: Buffer.from(source.replace(/\n/g, '\r\n')), encoding: 'utf8', eol: 'crlf' },
      { name: 'bom.yaml', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(source)]), encoding: 'utf8-bom', eol: 'lf' },
      { name: 'utf16.yaml', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source, 'utf16le')]), encoding: 'utf16le', eol: 'lf' },
      { name: 'utf16be.yaml', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(source, 'utf16le').swap16()]), encoding: 'utf16be', eol: 'lf' },
    ] as const;
    for (const c of cases) {
      const file = path.join(dir, c.name);
      await writeFile(file, c.bytes);
      const opened = await service.open(file);
      expect(opened, c.name).toMatchObject({ encoding: c.encoding, eol: c.eol });
      expect(service.document?.model.routes.length, c.name).toBe(6);
      await service.save();
      expect(await readFile(file), `${c.name}: unchanged bytes`).toEqual(c.bytes);

      addRoute(service);
      await service.save();
      const bytes = await readFile(file);
      expect(bytes.subarray(0, 2), `${c.name}: same start`).toEqual(c.bytes.subarray(0, 2));
      const reopened = await service.open(file);
      expect(reopened.encoding, c.name).toBe(c.encoding);
      expect(service.document?.model.routes.map((r) => r.key), c.name).toContain('GET /api/users/{user_id}/avatar');
      if (c.eol === 'crlf') expect(reopened.text?.replace(/\r\n/g, ''), 'no bare LF').not.toContain('\n');
    }
  });

  it('refuses to overwrite a file changed on disk since it was opened, until told to', async () => {
    const file = path.join(dir, 'api.yaml');
    await writeFile(file, await readFile(USERS_API));
    await service.open(file);
    addRoute(service);
    const theirs = (await readFile(file, 'utf8')).replace('/health:', '/status:');
    await writeFile(file, theirs);

    const refused = await service.save();
    expect(refused).toMatchObject({ status: 'conflict', reason: 'changed-on-disk', path: file, diskText: theirs });
    expect(await readFile(file, 'utf8')).toBe(theirs);

    expect((await service.save({ overwrite: true })).status).toBe('saved');
    expect(await readFile(file, 'utf8')).toContain('/api/users/{user_id}/avatar:');
  });

  it('asks before Save As replaces another file', async () => {
    const file = path.join(dir, 'api.yaml');
    const other = path.join(dir, 'other.yaml');
    await writeFile(file, await readFile(USERS_API));
    await writeFile(other, 'openapi: 3.1.0\n');
    await service.open(file);
    expect(await service.saveAs(other)).toMatchObject({ status: 'conflict', reason: 'exists', diskText: 'openapi: 3.1.0\n' });
    const saved = await service.saveAs(other, { overwrite: true });
    expect(saved).toMatchObject({ status: 'saved', state: { path: other, name: 'other.yaml' } });
    expect(await readFile(other)).toEqual(await readFile(file));
  });

  it('starts a new document from the starter, which needs a path to be saved', async () => {
    const state = await service.newDocument();
    expect(state).toMatchObject({ path: null, name: 'Untitled', dirty: false });
    expect(service.document?.model.routes.length).toBeGreaterThan(0);
    expect(await service.save()).toEqual({ status: 'needs-path' });
    const file = path.join(dir, 'new.yaml');
    expect((await service.saveAs(file)).status).toBe('saved');
    expect(await readFile(file, 'utf8')).toBe(state.text);
    expect(state.text).toBeDefined();
    expect(await new RecentFiles(path.join(dir, 'user-data', 'recent.json')).list()).toEqual([{ path: file, name: 'new.yaml' }]);
  });

  it('gives a clear message for each kind of file it cannot open', async () => {
    const expectProblem = async (file: string, problem: string, message: RegExp, s = service) => {
      const error = await s.open(file).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, file).toBeInstanceOf(ContractError);
      expect(error, file).toMatchObject({ code: 'file', problem });
      expect((error as Error).message, file).toMatch(message);
    };
    await expectProblem(path.join(dir, 'missing.yaml'), 'not-found', /does not exist/);
    await mkdir(path.join(dir, 'folder.yaml'));
    await expectProblem(path.join(dir, 'folder.yaml'), 'is-folder', /is a folder, not an OpenAPI document/);
    await writeFile(path.join(dir, 'image.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    await expectProblem(path.join(dir, 'image.yaml'), 'binary', /binary file/);
    await writeFile(path.join(dir, 'latin1.yaml'), Buffer.from('title: caf\xe9\n', 'latin1'));
    await expectProblem(path.join(dir, 'latin1.yaml'), 'not-text', /not UTF-8 or UTF-16 text/);
    await writeFile(path.join(dir, 'big.yaml'), 'x'.repeat(2048));
    const small = createService({ maxFileBytes: 1024 });
    await expectProblem(path.join(dir, 'big.yaml'), 'too-large', /up to 0\.0 MB|up to/, small);
    small.dispose();
    // Root reads every file, so permission problems are checked on the mapping itself.
    expect(fsError(Object.assign(new Error('x'), { code: 'EACCES' }), '/x/api.yaml')).toMatchObject({ problem: 'permission-denied', message: expect.stringMatching(/Permission denied/) });
    expect(service.state()).toBeNull(); // nothing was opened, nothing crashed
  });
});

describe('edits', () => {
  it('refuses an edit that cannot apply with the reason, and stale typed edits', async () => {
    const file = path.join(dir, 'api.yaml');
    await writeFile(file, await readFile(USERS_API));
    const state = await service.open(file);
    expect(() => service.applyIntent({ op: 'deleteRoute', route: 'GET /nope' })).toThrow(ContractError);
    expect(() => service.applyText(state.revision + 5, [])).toThrow(/revision/);
    const original = state.text ?? '';
    expect(original.length).toBeGreaterThan(0); // a new session brings its whole text
    expect(() => service.applyText(state.revision, [{ offset: original.length, length: 1, text: '' }])).toThrow(/past the end/);
    const typed = service.applyText(state.revision, [{ offset: 0, length: 0, text: '# typed\n' }]);
    // Within a session only the edits travel, never the text again.
    expect(typed.text).toBeUndefined();
    expect(typed.edits).toEqual([{ offset: 0, length: 0, text: '# typed\n' }]);
    expect(service.text()?.text.startsWith('# typed\n')).toBe(true);
    const undone = service.undo();
    expect(undone.edits).toEqual([{ offset: 0, length: 8, text: '' }]);
    expect(service.text()?.text).toBe(original);
    expect(undone.dirty).toBe(false);
    expect(service.redo().revision).toBe(undone.revision + 1);
    expect(service.text()?.text.startsWith('# typed\n')).toBe(true);
    expect(service.state('always')?.text).toBe(service.text()?.text);
    expect(service.state('never')?.text).toBeUndefined();
  });
});

describe('watching the file', () => {
  it('reloads a clean document when the file changes, and asks when there are unsaved changes', async () => {
    const file = path.join(dir, 'api.yaml');
    await writeFile(file, await readFile(USERS_API));
    await service.open(file);

    await writeFile(file, (await readFile(file, 'utf8')).replace('/health:', '/ping:'));
    await until(() => (service.document?.model.routes.some((r) => r.path === '/ping') ? true : undefined));
    expect(service.state()?.dirty).toBe(false);
    expect(events.some((e) => e.event === 'documents.externalChange')).toBe(false);

    addRoute(service);
    const theirs = (await readFile(file, 'utf8')).replace('/ping:', '/pong:');
    await writeFile(file, theirs);
    const change = await until(() => events.find((e) => e.event === 'documents.externalChange'));
    expect(change.payload).toMatchObject({ path: file, dirty: true, change: { kind: 'modified' } });
    const state = service.state() as DocumentState;
    expect(state.dirty).toBe(true);
    expect(service.document?.model.routes.some((r) => r.path === '/api/users/{user_id}/avatar')).toBe(true);
    expect(state.diskChange?.kind).toBe('modified');

    // Keeping the local text: the next save replaces the version the user saw, without a conflict.
    const kept = await service.keepLocal(state.diskChange?.diskHash ?? '');
    expect(kept.diskChange).toBeNull();
    expect((await service.save()).status).toBe('saved');
    expect(await readFile(file, 'utf8')).toContain('/api/users/{user_id}/avatar:');
  });

  it('tells when the file is deleted', async () => {
    const file = path.join(dir, 'api.yaml');
    await writeFile(file, await readFile(USERS_API));
    await service.open(file);
    addRoute(service);
    await rm(file);
    const change = await until(() => events.find((e) => e.event === 'documents.externalChange'));
    expect(change.payload).toMatchObject({ change: { kind: 'deleted', diskHash: '' } });
    // Saving writes the file again.
    expect((await service.save()).status).toBe('saved');
    expect(await readFile(file, 'utf8')).toContain('/api/users/{user_id}/avatar:');
  });
});

describe('recovery', () => {
  it('autosaves unsaved changes, removes them once saved, and offers records of dead processes back', async () => {
    service.dispose();
    service = createService({ autosaveMs: 30 });
    const recovery = new RecoveryStore(path.join(dir, 'user-data', 'recovery'));
    const file = path.join(dir, 'api.yaml');
    await writeFile(file, await readFile(USERS_API));
    const opened = await service.open(file);
    addRoute(service);
    const written = await waitForRecord(recovery, opened.sessionId);
    expect(written.text).toContain('/api/users/{user_id}/avatar:');
    expect(written.path).toBe(file);

    await service.save();
    expect(await recovery.read(opened.sessionId)).toBeUndefined();

    // A record another process left when it died: offered, restored on top of the file, then gone.
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const edited = written.text.replace('/health:', '/recovered:');
    await writeFile(path.join(dir, 'user-data', 'recovery', 'left-behind.json'), JSON.stringify({ v: 1, id: 'left-behind', pid: dead, path: file, baseHash: null, encoding: 'utf8', savedAt: new Date().toISOString(), text: edited }));
    expect((await service.recoveries()).map((r) => r.id)).toEqual(['left-behind']);
    const restored = await service.restoreRecovery('left-behind');
    expect(restored).toMatchObject({ path: file, dirty: true, text: edited, canUndo: true });
    expect(await recovery.read('left-behind')).toBeUndefined();
    expect((await recovery.read(restored.sessionId))?.text).toBe(edited);
    expect(await service.recoveries()).toEqual([]);
  });

  it('does not keep changes the user chose not to save, unless edited again', async () => {
    const recovery = new RecoveryStore(path.join(dir, 'user-data', 'recovery'));
    const file = path.join(dir, 'api.yaml');
    await writeFile(file, await readFile(USERS_API));
    const { sessionId } = await service.open(file);
    addRoute(service);
    await service.flushRecovery();
    expect(await recovery.read(sessionId)).toBeDefined();
    await service.discardChanges();
    await service.flushRecovery(); // what quitting does
    expect(await recovery.read(sessionId)).toBeUndefined();
    service.undo();
    await service.flushRecovery();
    expect(await recovery.read(sessionId)).toBeUndefined(); // clean again: nothing to keep
    addRoute(service);
    await service.flushRecovery();
    expect(await recovery.read(sessionId)).toBeDefined();
  });
});

async function waitForRecord(recovery: RecoveryStore, id: string) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const record = await recovery.read(id);
    if (record) return record;
    if (Date.now() > deadline) throw new Error('no recovery record written');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('rehearsing a keystroke after opening', () => {
  it('hands readers an equal document once, after the last round, and changes neither text, revision, history nor events', async () => {
    const file = path.join(dir, 'api.yaml');
    await writeFile(file, await readFile(USERS_API));
    const seen: (string | undefined)[] = [];
    service.onDocument((doc) => seen.push(doc?.source.text));
    const opened = await service.open(file);
    const eventsAfterOpen = events.length;
    // The open itself, then one when the rounds are over (a live server compiles its table for each).
    await until(() => (seen.length >= 2 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(seen.length).toBe(2);
    expect(new Set(seen)).toEqual(new Set([opened.text]));
    const state = service.state('always');
    expect(state?.revision).toBe(opened.revision);
    expect(state?.canUndo).toBe(false);
    expect(state?.text).toBe(opened.text);
    expect(events.length).toBe(eventsAfterOpen);
    // The rehearsed document edits as the opened one would.
    const after = addRoute(service);
    expect(service.document?.model.routes.map((r) => r.key)).toContain('GET /api/users/{user_id}/avatar');
    expect(after.canUndo).toBe(true);
  });

  it('stops at the first edit', async () => {
    const file = path.join(dir, 'api.yaml');
    await writeFile(file, await readFile(USERS_API));
    await service.open(file);
    addRoute(service);
    const seen: unknown[] = [];
    service.onDocument((doc) => seen.push(doc));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(seen).toEqual([]);
  });
});
