import fs from 'node:fs';
import { expect, test } from 'vitest';
import { DocumentSession } from './document-session';
import { EditError } from './edit/edit-error';

const yaml = fs.readFileSync('fixtures/openapi/users-api.yaml', 'utf8');

test('open and save without an edit is byte-identical', () => {
  for (const file of ['users-api.yaml', 'users-api.json', 'petstore.yaml']) {
    const text = fs.readFileSync(`fixtures/openapi/${file}`, 'utf8');
    expect(new DocumentSession(text, { fileName: file }).text).toBe(text);
  }
  const crlfWithBom = '\uFEFF' + yaml.replace(/\n/g, '\r\n');
  expect(new DocumentSession(crlfWithBom, { fileName: 'a.yaml' }).text).toBe(crlfWithBom);
});

test('visual and typed edits share one history; undo restores the bytes, redo replays', () => {
  const session = new DocumentSession(yaml, { fileName: 'api.yaml' });
  session.apply({ op: 'addResponse', route: 'GET /api/users/me', status: '302', response: { description: 'Moved' } });
  const afterVisual = session.text;
  // The code view types a comment at the very start.
  session.applyText([{ offset: 0, length: 0, text: '# typed\n' }]);
  expect(session.text).toBe('# typed\n' + afterVisual);
  session.apply({ op: 'moveRoute', route: 'GET /api/users/me', to: 0 });
  expect(session.document.model.routes[0]?.key).toBe('GET /api/users/me');

  session.undo();
  session.undo();
  expect(session.text).toBe(afterVisual);
  session.undo();
  expect(session.text).toBe(yaml);
  expect(session.canUndo).toBe(false);
  session.redo();
  expect(session.text).toBe(afterVisual);
  expect(session.document.model.routes.find((r) => r.key === 'GET /api/users/me')?.responses.map((r) => r.status)).toEqual(['200', '302']);
});

test('typing that breaks the syntax keeps the text, reports it, and refuses visual edits until fixed', () => {
  const session = new DocumentSession(yaml, { fileName: 'api.yaml' });
  const at = yaml.indexOf('paths:');
  session.applyText([{ offset: at, length: 0, text: '  : [\n' }]);
  expect(session.document.diagnostics[0]?.rule).toBe('document/syntax');
  expect(() => session.apply({ op: 'deleteRoute', route: 'GET /health' })).toThrow(EditError);
  session.applyText([{ offset: at, length: 6, text: '' }]);
  expect(session.text).toBe(yaml);
  expect(session.document.diagnostics).toEqual([]);
  expect(session.document.model.routes).toHaveLength(6);
});
