import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/contract/dispatch';
import { AppServices } from './app-services';

const USERS_API = fileURLToPath(new URL('../../fixtures/openapi/users-api.yaml', import.meta.url));
let dir: string;
let services: AppServices;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'routecraft-handlers-'));
  services = new AppServices({ info: { name: 'Routecraft', version: '0.0.0', platform: 'linux' }, userDataDir: path.join(dir, 'user-data') });
});

afterEach(async () => {
  await services.shutdown();
  await rm(dir, { recursive: true, force: true });
});

describe('app handlers', () => {
  it('in the desktop app, open only files chosen in a dialog or listed as recent', async () => {
    const file = path.join(dir, 'api.yaml');
    await copyFile(USERS_API, file);
    const chosen: string[] = [];
    const handlers = services.handlers({
      rendererPaths: 'known',
      dialogs: {
        chooseDocumentToOpen: async () => (chosen.push('open'), file),
        chooseSavePath: async () => undefined,
      },
    });
    expect(await dispatch(handlers, 'documents.open', { path: file })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(handlers, 'documents.open', {})).toMatchObject({ ok: true, value: { status: 'opened', state: { path: file } } });
    expect(chosen).toEqual(['open']);
    // Now it is a recent file: the renderer may name it (Open Recent).
    expect(await dispatch(handlers, 'documents.open', { path: file })).toMatchObject({ ok: true, value: { status: 'opened' } });
    expect(await dispatch(handlers, 'documents.saveAs', { path: path.join(dir, 'elsewhere.yaml') })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(handlers, 'app.info', {})).toMatchObject({ ok: true, value: { nativeDialogs: true } });
  });

  it("answers Redocly's lint with nothing when the text changed while it ran, and with the findings when it did not", async () => {
    const file = path.join(dir, 'api.yaml');
    await copyFile(USERS_API, file);
    const handlers = services.handlers({ rendererPaths: 'any' });
    expect(await dispatch(handlers, 'documents.open', { path: file })).toMatchObject({ ok: true });
    const lint = dispatch(handlers, 'documents.lint', {});
    await dispatch(handlers, 'documents.applyIntent', { intent: { op: 'deleteRoute', route: 'GET /health' } });
    expect(await lint).toEqual({ ok: true, value: null });
    const settled = await dispatch(handlers, 'documents.lint', {});
    expect(settled).toMatchObject({ ok: true, value: { revision: 1 } });
    expect((settled as { value: { total: number } }).value.total).toBeGreaterThan(0);
  });

  it('asks before replacing unsaved changes, and the live server follows the document', async () => {
    const file = path.join(dir, 'api.yaml');
    await copyFile(USERS_API, file);
    const handlers = services.handlers({ rendererPaths: 'any' });
    expect(await dispatch(handlers, 'documents.open', { path: file })).toMatchObject({ ok: true });
    await dispatch(handlers, 'documents.applyIntent', { intent: { op: 'deleteRoute', route: 'GET /health' } });
    expect(await dispatch(handlers, 'documents.new', {})).toEqual({ ok: true, value: { status: 'unsaved-changes', name: 'api.yaml' } });

    await dispatch(handlers, 'server.configure', { port: 0 });
    const started = await dispatch(handlers, 'server.start', {});
    expect(started).toMatchObject({ ok: true, value: { running: true, routeCount: 5 } });
    const url = (started as { value: { url: string } }).value.url;
    expect((await fetch(`${url}/api/users`)).status).toBe(200);
    expect((await fetch(`${url}/health`)).status).toBe(404);
    await dispatch(handlers, 'documents.undo', {});
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect(await dispatch(handlers, 'server.requestLog', {})).toMatchObject({ ok: true, value: { events: [{ path: '/api/users' }, { path: '/health' }, { path: '/health' }] } });
    expect(await dispatch(handlers, 'server.stop', {})).toMatchObject({ ok: true, value: { running: false } });

    expect(await dispatch(handlers, 'documents.new', { discardChanges: true })).toMatchObject({ ok: true, value: { status: 'opened', state: { name: 'Untitled' } } });
    expect(await dispatch(handlers, 'documents.open', {})).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/no file dialog/) } });
  });
});
