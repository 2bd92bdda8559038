import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { editIntentSchema } from '../contract/edit-intent.schema';
import { openDocument } from '../model/open-document';
import { applyIntent } from './apply-intent';
import type { EditIntent } from './edit-intent';
import { changedLines } from '../testing/changed-lines';
import { applyEdits } from './text-edit';

const yaml = fs.readFileSync('fixtures/openapi/users-api.yaml', 'utf8');
const json = fs.readFileSync('fixtures/openapi/users-api.json', 'utf8');


function run(text: string, intent: EditIntent, fileName = 'api.yaml') {
  const doc = openDocument(text, { fileName });
  expect(doc.diagnostics).toEqual([]);
  // What main accepts from the renderer: the schema lets the intent through unchanged.
  expect(editIntentSchema.parse(intent)).toEqual(intent);
  const result = applyIntent(doc, intent);
  const after = applyEdits(text, result.edits);
  expect(result.document.source.text).toBe(after);
  // The model read from the edited text is the model the document carries.
  expect(openDocument(after, { fileName }).model).toEqual(result.document.model);
  expect(result.document.diagnostics).toEqual([]);
  // Undo restores the original bytes.
  expect(applyEdits(after, result.inverse)).toBe(text);
  return { after, model: result.document.model, diff: changedLines(text, after), edits: result.edits };
}

describe('setMockSettings (YAML)', () => {
  test('latency: a new `mock` mapping under x-routecraft, two added lines', () => {
    const { diff, model } = run(yaml, { op: 'setMockSettings', latencyMs: 250 });
    expect(diff).toEqual({ removed: [], added: ['  mock:', '    latencyMs: 250'] });
    expect(model.mock).toEqual({ latencyMs: 250 });
  });

  test('CORS permissive, then an allow-list, then off again: each a small diff', () => {
    const permissive = run(yaml, { op: 'setMockSettings', cors: 'permissive' });
    expect(permissive.diff).toEqual({ removed: [], added: ['  mock:', '    cors: permissive'] });
    expect(permissive.model.mock).toEqual({ cors: 'permissive' });

    const list = run(permissive.after, { op: 'setMockSettings', cors: ['http://localhost:3000', 'https://app.example'] });
    expect(list.diff).toEqual({ removed: ['    cors: permissive'], added: ['    cors:', '      - http://localhost:3000', '      - https://app.example'] });
    expect(list.model.mock).toEqual({ cors: ['http://localhost:3000', 'https://app.example'] });

    // Removing the only setting removes the `mock` mapping: the file is exactly as it was.
    const off = run(list.after, { op: 'setMockSettings', cors: null });
    expect(off.after).toBe(yaml);
  });

  test('`off` is written as the word, which reads back as off', () => {
    const { diff, model } = run(yaml, { op: 'setMockSettings', cors: 'off' });
    expect(diff.added).toEqual(['  mock:', '    cors: off']);
    expect(model.mock).toEqual({ cors: 'off' });
  });

  test('both at once, then change one: only its line changes', () => {
    const both = run(yaml, { op: 'setMockSettings', latencyMs: 100, cors: 'permissive' });
    expect(both.diff).toEqual({ removed: [], added: ['  mock:', '    latencyMs: 100', '    cors: permissive'] });
    const changed = run(both.after, { op: 'setMockSettings', latencyMs: 1500 });
    expect(changed.diff).toEqual({ removed: ['    latencyMs: 100'], added: ['    latencyMs: 1500'] });
    expect(changed.model.mock).toEqual({ latencyMs: 1500, cors: 'permissive' });
    // Removing one of two keeps the mapping.
    const removed = run(changed.after, { op: 'setMockSettings', latencyMs: null });
    expect(removed.diff).toEqual({ removed: ['    latencyMs: 1500'], added: [] });
    expect(removed.model.mock).toEqual({ cors: 'permissive' });
  });

  test('the same value again changes nothing', () => {
    const once = run(yaml, { op: 'setMockSettings', latencyMs: 100, cors: ['http://localhost:3000'] });
    const again = run(once.after, { op: 'setMockSettings', latencyMs: 100, cors: ['http://localhost:3000'] });
    expect(again.edits).toEqual([]);
    expect(run(yaml, { op: 'setMockSettings', latencyMs: null, cors: null }).edits).toEqual([]);
  });

  test('origins are written as browsers send them: lower case, no trailing slash, once each', () => {
    const { model } = run(yaml, { op: 'setMockSettings', cors: [' HTTP://LocalHost:3000/ ', 'http://localhost:3000', '*'] });
    expect(model.mock.cors).toEqual(['http://localhost:3000', '*']);
  });

  test('a document without x-routecraft gets it in its conventional place, and loses it again', () => {
    const bare = yaml.replace('x-routecraft:\n  profile: fastapi\n', '');
    const { diff, after } = run(bare, { op: 'setMockSettings', latencyMs: 50 });
    expect(diff).toEqual({ removed: [], added: ['x-routecraft:', '  mock:', '    latencyMs: 50'] });
    expect(after.indexOf('x-routecraft:')).toBeGreaterThan(after.indexOf('info:'));
    expect(after.indexOf('x-routecraft:')).toBeLessThan(after.indexOf('tags:'));
    expect(run(after, { op: 'setMockSettings', latencyMs: null }).after).toBe(bare);
  });

  test('comments and other settings around it survive', () => {
    const commented = yaml.replace('x-routecraft:\n  profile: fastapi\n', 'x-routecraft:\n  profile: fastapi\n  mock:\n    # slow on purpose, like production\n    latencyMs: 800\n    cors: permissive # the front end runs on another port\n');
    const { diff, after } = run(commented, { op: 'setMockSettings', latencyMs: 200 });
    expect(diff).toEqual({ removed: ['    latencyMs: 800'], added: ['    latencyMs: 200'] });
    expect(after).toContain('# slow on purpose, like production');
    expect(after).toContain('cors: permissive # the front end runs on another port');
  });

  test.each([
    ['a negative latency', { op: 'setMockSettings', latencyMs: -1 }, /0 or more/, true],
    ['a fractional latency', { op: 'setMockSettings', latencyMs: 2.5 }, /whole number/, true],
    ['a latency over a minute', { op: 'setMockSettings', latencyMs: 600_000 }, /over the limit of 60000 ms/, true],
    ['a URL with a path for an origin', { op: 'setMockSettings', cors: ['https://app.example/login'] }, /is not an origin/, false],
    ['a host without a scheme', { op: 'setMockSettings', cors: ['app.example'] }, /is not an origin/, false],
    ['an empty list', { op: 'setMockSettings', cors: [] }, /at least one origin/, true],
    ['an unknown word', { op: 'setMockSettings', cors: 'sometimes' as 'off' }, /"off", "permissive" or a list/, true],
  ] as const)('refuses %s with a message for the user', (_what, intent, message, schemaRefuses) => {
    expect(() => applyIntent(openDocument(yaml), intent as EditIntent)).toThrow(message);
    // Main's schema stops most bad values before the handler; what an origin looks like is the handler's to judge.
    expect(editIntentSchema.safeParse(intent).success).toBe(!schemaRefuses);
  });

  test('the file read again carries the settings (the mock server reads model.mock)', () => {
    const { after } = run(yaml, { op: 'setMockSettings', latencyMs: 30, cors: ['http://localhost:5173'] });
    expect(openDocument(after).model.mock).toEqual({ latencyMs: 30, cors: ['http://localhost:5173'] });
  });
});

describe('setMockSettings (JSON keeps its formatting)', () => {
  test('latency and an allow-list, inserted in the document’s own style; undone to the same bytes', () => {
    const { after, model } = run(json, { op: 'setMockSettings', latencyMs: 120, cors: ['http://localhost:3000'] }, 'api.json');
    expect(after).toBe(
      json.replace(
        '"x-routecraft": {\n    "profile": "fastapi"\n  }',
        '"x-routecraft": {\n    "profile": "fastapi",\n    "mock": {\n      "latencyMs": 120,\n      "cors": [\n        "http://localhost:3000"\n      ]\n    }\n  }',
      ),
    );
    expect(model.mock).toEqual({ latencyMs: 120, cors: ['http://localhost:3000'] });
    expect(run(after, { op: 'setMockSettings', latencyMs: null, cors: null }, 'api.json').after).toBe(json);
  });
});
