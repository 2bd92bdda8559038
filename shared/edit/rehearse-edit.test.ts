import fc from 'fast-check';
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { openDocument, type ApiDocument } from '../model/open-document';
import { command, toIntent, type Command } from '../testing/edit-commands';
import { syntheticApi } from '../testing/synthetic-api';
import { applyIntent } from './apply-intent';
import { EditError } from './edit-error';
import { rehearseEdit } from './rehearse-edit';

const documents: Record<string, { text: string; fileName: string }> = {
  'users-api.yaml': { text: fs.readFileSync('fixtures/openapi/users-api.yaml', 'utf8'), fileName: 'users-api.yaml' },
  'users-api.json': { text: fs.readFileSync('fixtures/openapi/users-api.json', 'utf8'), fileName: 'users-api.json' },
  'petstore.yaml': { text: fs.readFileSync('fixtures/openapi/petstore.yaml', 'utf8'), fileName: 'petstore.yaml' },
  'synthetic, 60 routes, with an order list': { text: syntheticApi(60), fileName: 'synthetic.json' },
};

/** Runs the commands from `text`, rehearsing before command `at` (never, when past the end). */
function run(source: { text: string; fileName: string }, commands: Command[], at: number): { texts: string[]; last: ApiDocument } {
  let doc = openDocument(source.text, { fileName: source.fileName });
  const texts: string[] = [];
  commands.forEach((c, i) => {
    if (i === at) {
      const before = doc.source.text;
      let seen = '';
      doc = rehearseEdit(doc, (edited) => (seen = edited.source.text));
      // The rehearsal did edit (the first route's path), and gave the text back exactly.
      if (doc.model.routes.length > 0) expect(seen).not.toBe(before);
      expect(doc.source.text).toBe(before);
      expect(doc.model).toEqual(openDocument(before, { fileName: source.fileName }).model);
    }
    const intent = toIntent(doc.model, c);
    if (!intent) return;
    try {
      doc = applyIntent(doc, intent).document;
    } catch (e) {
      if (!(e instanceof EditError)) throw e;
      doc = openDocument(doc.source.text, { fileName: source.fileName });
    }
    texts.push(doc.source.text);
  });
  return { texts, last: doc };
}

describe('a rehearsed keystroke leaves a document that edits exactly as the one it was given', () => {
  for (const [name, source] of Object.entries(documents)) {
    test(name, () => {
      fc.assert(
        fc.property(fc.array(command, { minLength: 1, maxLength: 8 }), fc.nat(8), (commands, at) => {
          const plain = run(source, commands, -1);
          const rehearsed = run(source, commands, at);
          expect(rehearsed.texts).toEqual(plain.texts);
          // The model is the one read from the text: routes, ranges, controllers, everything.
          expect(rehearsed.last.model).toEqual(openDocument(rehearsed.last.source.text, { fileName: source.fileName }).model);
          expect(rehearsed.last.model).toEqual(plain.last.model);
        }),
        { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 40) },
      );
    }, 120_000);
  }
});

describe('what cannot be rehearsed is left alone', () => {
  test('a document without routes, and one that does not parse', () => {
    const empty = openDocument('openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n', { fileName: 'a.yaml' });
    expect(rehearseEdit(empty)).toBe(empty);
    const broken = openDocument('openapi: 3.1.0\npaths: {\n', { fileName: 'a.yaml' });
    expect(rehearseEdit(broken)).toBe(broken);
  });

  test('a refused edit (the longer path is taken) keeps the text and a usable document', () => {
    const text = JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { '200': { description: 'OK' } } } }, '/a-': { get: { responses: { '200': { description: 'OK' } } } } } }, null, 2);
    const doc = rehearseEdit(openDocument(text, { fileName: 'a.json' }));
    expect(doc.source.text).toBe(text);
    const renamed = applyIntent(doc, { op: 'updateRoute', route: 'GET /a', path: '/b' }).document;
    expect(renamed.model.routes.map((r) => r.key)).toEqual(['GET /b', 'GET /a-']);
  });
});

test('a failure while rehearsing leaves the text, read again, and throws nothing', () => {
  const text = fs.readFileSync('fixtures/openapi/users-api.yaml', 'utf8');
  const doc = rehearseEdit(openDocument(text, { fileName: 'users-api.yaml' }), () => {
    throw new Error('the rules failed');
  });
  expect(doc.source.text).toBe(text);
  expect(doc.model).toEqual(openDocument(text, { fileName: 'users-api.yaml' }).model);
});
