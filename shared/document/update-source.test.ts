import fc from 'fast-check';
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { DocumentSession } from '../document-session';
import { syntheticApi } from '../testing/synthetic-api';
import { StructuralEditor } from '../edit/structural-edits';
import { applyEdits, type TextEdit } from '../edit/text-edit';
import { readSource, type SourceDocument } from './source-document';
import type { SNode } from './source-tree';
import { updateSourceTracked } from './update-source';

/**
 * An updated tree must be the tree a full read gives — every key, value and offset — whatever the
 * edits: one or several, far apart or touching, valid or not.
 */

const json = fs.readFileSync('fixtures/openapi/users-api.json', 'utf8');
const documents = { pretty: json, compact: JSON.stringify(JSON.parse(json)) };
const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 200);
const TIMEOUT = 120_000;

function shape(node: SNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case 'map':
      return { map: [node.start, node.end], pairs: node.pairs.map((p) => [p.key, p.keyStart, p.keyEnd, shape(p.value)]) };
    case 'seq':
      return { seq: [node.start, node.end], items: node.items.map(shape) };
    case 'scalar':
      return [node.start, node.end, node.value];
    case 'alias':
      return 'alias';
  }
}

function expectSameAsFullRead(doc: SourceDocument, edits: TextEdit[], fileName = 'a.json'): void {
  const text = applyEdits(doc.text, edits);
  const fresh = readSource(text, { fileName });
  const { source } = updateSourceTracked(doc, edits);
  expect(source.text).toBe(text);
  expect(source.problems.map((p) => p.code)).toEqual(fresh.problems.map((p) => p.code));
  expect(shape(source.root)).toEqual(shape(fresh.root));
  const sample = (doc: SourceDocument) => Array.from({ length: Math.ceil(text.length / 13) + 1 }, (_, i) => doc.lines.position(i * 13));
  expect(source.lines.lineCount).toBe(fresh.lines.lineCount);
  expect(sample(source)).toEqual(sample(fresh));
}

/** Every path to a node of the tree, for picking edit targets. */
function paths(node: SNode | undefined, at: string[] = [], out: string[][] = []): string[][] {
  out.push(at);
  if (node?.kind === 'map') for (const p of node.pairs) paths(p.value, [...at, p.key], out);
  if (node?.kind === 'seq') node.items.forEach((item, i) => paths(item, [...at, String(i)], out));
  return out;
}

const VALUES = [1, 'x', '', 'a"b', null, true, { k: 1 }, [], ['y', 2], { '': 0 }, { description: 'OK' }];
const KEYS = ['x', 'description', '', 'get', '/a', 'a\\b'];
const step = fc.record({ kind: fc.constantFrom('set', 'insertPair', 'insertItem', 'remove', 'renameKey', 'moveItem', 'typeInString'), target: fc.nat(), a: fc.nat(), b: fc.nat() });

/** A structural edit at a random place, or nothing when it does not apply there. */
function structural(doc: SourceDocument, s: typeof step extends fc.Arbitrary<infer T> ? T : never): TextEdit[] {
  const all = paths(doc.root);
  const path = all[s.target % all.length] as string[];
  const editor = new StructuralEditor(doc);
  try {
    switch (s.kind) {
      case 'set':
        return editor.set(path, VALUES[s.a % VALUES.length]);
      case 'insertPair':
        return editor.insertPair(path, KEYS[s.a % KEYS.length] as string, VALUES[s.b % VALUES.length], s.b % 5);
      case 'insertItem':
        return editor.insertItem(path, VALUES[s.a % VALUES.length], s.b % 5);
      case 'remove':
        return editor.remove(path);
      case 'renameKey':
        return editor.renameKey(path, KEYS[s.a % KEYS.length] as string);
      case 'moveItem':
        return editor.moveItem(path, s.a % 4, s.b % 4);
      case 'typeInString': {
        // A keystroke inside a string or a key, as the path field of the designer makes.
        if (doc.format === 'yaml') {
          const keys = keyStarts(doc.root);
          const at = keys[s.a % keys.length];
          return at === undefined ? [] : [{ offset: at + 1, length: 0, text: 'abc'.slice(0, 1 + (s.b % 3)) }];
        }
        const at = doc.text.indexOf('"', s.a % doc.text.length);
        return at === -1 ? [] : [{ offset: at + 1, length: 0, text: 'abc'.slice(0, 1 + (s.b % 3)) }];
      }
    }
  } catch {
    return [];
  }
}

/** Where every key of the tree starts (YAML keys are mostly unquoted, so a keystroke goes there). */
function keyStarts(node: SNode | undefined, out: number[] = []): number[] {
  if (node?.kind === 'map') {
    for (const p of node.pairs) {
      out.push(p.keyStart);
      keyStarts(p.value, out);
    }
  }
  if (node?.kind === 'seq') for (const item of node.items) keyStarts(item, out);
  return out;
}

/** The edits that do not overlap the ones before them, as one batch against the same text. */
function batch(lists: TextEdit[][]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const list of lists) {
    const clash = list.some((e) => out.some((o) => e.offset < o.offset + o.length + 1 && o.offset < e.offset + e.length + 1));
    if (!clash) out.push(...list);
  }
  return out;
}

describe('an updated JSON tree equals a full read', () => {
  for (const [name, text] of Object.entries(documents)) {
    test(`${name}: several structural edits in one batch`, () => {
      fc.assert(
        fc.property(fc.array(step, { minLength: 1, maxLength: 4 }), (steps) => {
          const doc = readSource(text, { fileName: 'a.json' });
          const edits = batch(steps.map((s) => structural(readSource(text, { fileName: 'a.json' }), s)));
          if (edits.length > 0) expectSameAsFullRead(doc, edits);
        }),
        { numRuns: RUNS },
      );
    }, TIMEOUT);

    test(`${name}: a sequence of updates, each on the previous result`, () => {
      fc.assert(
        fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
          let doc = readSource(text, { fileName: 'a.json' });
          for (const s of steps) {
            const edits = structural(doc, s);
            if (edits.length === 0) continue;
            const next = applyEdits(doc.text, edits);
            doc = updateSourceTracked(doc, edits).source;
            const fresh = readSource(next, { fileName: 'a.json' });
            expect(shape(doc.root)).toEqual(shape(fresh.root));
            if (doc.problems.length > 0) return;
          }
        }),
        { numRuns: RUNS },
      );
    }, TIMEOUT);

    test(`${name}: random characters anywhere (mostly breaking the syntax)`, () => {
      const char = fc.constantFrom('"', ',', '{', '}', '[', ']', ':', 'a', '1', ' ', '\n', '\\');
      const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 3 }), text: fc.string({ unit: char, maxLength: 3 }) });
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (raw) => {
          const edits = batch(raw.map((e) => [{ offset: e.at % text.length, length: Math.min(e.length, text.length - (e.at % text.length)), text: e.text }]));
          expectSameAsFullRead(readSource(text, { fileName: 'a.json' }), edits);
        }),
        { numRuns: RUNS },
      );
    }, TIMEOUT);
  }
});

describe('where the tree changed', () => {
  const doc = () => readSource(documents.pretty, { fileName: 'a.json' });

  test('edits under two root keys re-read only there', () => {
    const d = doc();
    const profile = d.text.indexOf('"fastapi"') + 1;
    const key = d.text.indexOf('"/api/users/me"') + 1;
    const { changedRootKeys } = updateSourceTracked(d, [
      { offset: profile, length: 0, text: 'x' },
      { offset: key, length: 0, text: 'x' },
    ]);
    expect([...(changedRootKeys ?? [])].sort()).toEqual(['paths', 'x-routecraft']);
  });

  test('a root key added or renamed is a change at the top level', () => {
    const d = doc();
    const info = d.text.indexOf('"info"');
    expect(updateSourceTracked(d, [{ offset: info, length: 0, text: '"x-new": 1,\n  ' }]).changedRootKeys).toBeUndefined();
    expect(updateSourceTracked(doc(), [{ offset: info + 1, length: 0, text: 'x' }]).changedRootKeys).toBeUndefined();
  });
});

const yaml = fs.readFileSync('fixtures/openapi/users-api.yaml', 'utf8');
const yamlDocuments: Record<string, string> = {
  'users-api.yaml': yaml,
  'petstore.yaml': fs.readFileSync('fixtures/openapi/petstore.yaml', 'utf8'),
  'shop-api.yaml': fs.readFileSync('fixtures/openapi/shop-api.yaml', 'utf8'),
  'users-api, CRLF': yaml.replace(/\n/g, '\r\n'),
  'users-api, 4 spaces': parseDocument(yaml).toString({ indent: 4 }),
  'users-api, sequences at their key\'s column': parseDocument(yaml).toString({ indentSeq: false }),
};

describe('an updated YAML tree equals a full read', () => {
  for (const [name, text] of Object.entries(yamlDocuments)) {
    test(`${name}: a sequence of structural updates, each on the previous result`, () => {
      expect(readSource(text, { fileName: 'a.yaml' }).problems).toEqual([]);
      fc.assert(
        fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
          let doc = readSource(text, { fileName: 'a.yaml' });
          for (const s of steps) {
            const edits = structural(doc, s);
            if (edits.length === 0) continue;
            expectSameAsFullRead(doc, edits, 'a.yaml');
            doc = updateSourceTracked(readSource(doc.text, { fileName: 'a.yaml' }), edits).source;
            if (doc.problems.length > 0) return;
          }
        }),
        { numRuns: RUNS },
      );
    }, TIMEOUT);

    test(`${name}: several structural edits in one batch`, () => {
      fc.assert(
        fc.property(fc.array(step, { minLength: 1, maxLength: 4 }), (steps) => {
          const doc = readSource(text, { fileName: 'a.yaml' });
          const edits = batch(steps.map((s) => structural(readSource(text, { fileName: 'a.yaml' }), s)));
          if (edits.length > 0) expectSameAsFullRead(doc, edits, 'a.yaml');
        }),
        { numRuns: RUNS },
      );
    }, TIMEOUT);

    test(`${name}: random characters anywhere (indentation, indicators, comments, anchors)`, () => {
      const char = fc.constantFrom(' ', '  ', '\n', '\n  ', '-', '- ', ':', ': ', '#', 'a', '1', '|', '>', '"', "'", '{', '}', '[', ']', ',', '&a ', '*a', '\t', '? ', '---');
      const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 4 }), text: fc.array(char, { maxLength: 3 }).map((parts) => parts.join('')) });
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (raw) => {
          const edits = batch(raw.map((e) => [{ offset: e.at % text.length, length: Math.min(e.length, text.length - (e.at % text.length)), text: e.text }]));
          expectSameAsFullRead(readSource(text, { fileName: 'a.yaml' }), edits, 'a.yaml');
        }),
        { numRuns: RUNS },
      );
    }, TIMEOUT);
  }

  test('renaming a path, and its entry in x-routecraft.order, is read again there only', () => {
    const yaml = yamlDocuments['users-api.yaml']?.replace('  profile: fastapi\n', '  profile: fastapi\n  order:\n    - GET /api/users/me\n    - GET /health\n') ?? '';
    const doc = readSource(yaml, { fileName: 'a.yaml' });
    expect(doc.problems).toEqual([]);
    const key = yaml.indexOf('/api/users/me:');
    const order = yaml.indexOf('GET /api/users/me', yaml.indexOf('order:'));
    expect(key).toBeGreaterThan(0);
    expect(order).toBeGreaterThan(0);
    const edits = [
      { offset: order + 'GET /api/users/me'.length, length: 0, text: 'x' },
      { offset: key + '/api/users/me'.length, length: 0, text: 'x' },
    ].sort((a, b) => a.offset - b.offset);
    expectSameAsFullRead(doc, edits, 'a.yaml');
    expect(updateSourceTracked(readSource(yaml, { fileName: 'a.yaml' }), edits).changedRootKeys).toEqual(new Set(['paths', 'x-routecraft']));
  });

  test('typing a path in the designer, route after route, is read again in place on every keystroke', () => {
    // The first keystroke on a route that shares its path item moves it out; every rename also
    // edits x-routecraft.order (a line inserted, another removed) — and the last route ends the file.
    const text = stringify(JSON.parse(syntheticApi(300)));
    const session = new DocumentSession(text, { fileName: 'a.yaml' });
    const targets = [0, 150, 299].map((i) => session.document.model.routes[i]?.operationId);
    for (let i = 0; i < 12; i++) {
      const route = session.document.model.routes.find((r) => r.operationId === targets[Math.floor(i / 4)]);
      if (!route) throw new Error('route gone');
      const before = session.text;
      const { edits } = session.apply({ op: 'updateRoute', route: route.key, path: `${route.path}${'abcd'[i % 4]}` });
      expectSameAsFullRead(readSource(before, { fileName: 'a.yaml' }), [...edits], 'a.yaml');
      expect(updateSourceTracked(readSource(before, { fileName: 'a.yaml' }), edits).changedRootKeys, `keystroke ${i}`).toBeDefined();
    }
  }, TIMEOUT);
});
