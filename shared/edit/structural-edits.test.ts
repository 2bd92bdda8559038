import { describe as group, expect, test } from 'vitest';
import { readSource } from '../document/source-document';
import { StructuralEditor } from './structural-edits';
import { applyEdits, type TextEdit } from './text-edit';

function edit(text: string, fileName: string, change: (e: StructuralEditor) => TextEdit[]): string {
  const doc = readSource(text, { fileName });
  expect(doc.problems).toEqual([]);
  const out = applyEdits(text, change(new StructuralEditor(doc)));
  expect(readSource(out, { fileName }).problems).toEqual([]);
  return out;
}

const yaml = `# Pets
openapi: 3.1.0
info:
  title: Pets # inline
  version: '1'
paths:
  /pets:
    get:
      tags: [pets]
      responses:
        '200':
          description: |
            All pets.
        # not found
        '404':
          description: none
  /pets/{id}:
    parameters:
      - name: id
        in: path
    get:
      responses: {}
`;

group('YAML', () => {
  test('set a scalar keeps everything else', () => {
    const out = edit(yaml, 'a.yaml', (e) => e.set(['info', 'title'], 'Cats'));
    expect(out).toBe(yaml.replace('title: Pets # inline', 'title: Cats # inline'));
  });

  test('set a block scalar to a one-liner', () => {
    const out = edit(yaml, 'a.yaml', (e) => e.set(['paths', '/pets', 'get', 'responses', '200', 'description'], 'Pets'));
    expect(out).toBe(yaml.replace("description: |\n            All pets.\n", 'description: Pets\n'));
  });

  test('insert a pair at the end of a block map', () => {
    const out = edit(yaml, 'a.yaml', (e) => e.insertPair(['paths', '/pets', 'get', 'responses'], '500', { description: 'boom' }));
    expect(out).toBe(yaml.replace("          description: none\n", "          description: none\n        '500':\n          description: boom\n"));
  });

  test('insert before a pair keeps its comment with it', () => {
    const out = edit(yaml, 'a.yaml', (e) => e.insertPair(['paths', '/pets', 'get', 'responses'], '400', { description: 'bad' }, 1));
    expect(out).toBe(yaml.replace("        # not found\n", "        '400':\n          description: bad\n        # not found\n"));
  });

  test('insert into an empty flow map turns it into a block', () => {
    const out = edit(yaml, 'a.yaml', (e) => e.insertPair(['paths', '/pets/{id}', 'get', 'responses'], '204', { description: 'gone' }));
    expect(out).toBe(yaml.replace('      responses: {}\n', "      responses:\n        '204':\n          description: gone\n"));
  });

  test('insert into a non-empty flow list stays flow', () => {
    const out = edit(yaml, 'a.yaml', (e) => e.insertItem(['paths', '/pets', 'get', 'tags'], 'animals'));
    expect(out).toBe(yaml.replace('tags: [pets]', 'tags: [pets, animals]'));
  });

  test('remove a pair takes its leading comment', () => {
    const out = edit(yaml, 'a.yaml', (e) => e.remove(['paths', '/pets', 'get', 'responses', '404']));
    expect(out).toBe(yaml.replace("        # not found\n        '404':\n          description: none\n", ''));
  });

  test('remove the only pair leaves an empty mapping', () => {
    const out = edit(yaml, 'a.yaml', (e) => e.remove(['paths', '/pets/{id}', 'parameters', '0', 'in']));
    expect(out).toBe(yaml.replace('      - name: id\n        in: path\n', '      - name: id\n'));
    const out2 = edit(yaml, 'a.yaml', (e) => e.remove(['info']));
    expect(out2).toBe(yaml.replace("info:\n  title: Pets # inline\n  version: '1'\n", ''));
  });

  test('compact sequence items: insert and remove the first key', () => {
    const out = edit(yaml, 'a.yaml', (e) => e.insertPair(['paths', '/pets/{id}', 'parameters', '0'], 'required', true, 0));
    expect(out).toBe(yaml.replace('      - name: id\n', '      - required: true\n        name: id\n'));
    const out2 = edit(yaml, 'a.yaml', (e) => e.remove(['paths', '/pets/{id}', 'parameters', '0', 'name']));
    expect(out2).toBe(yaml.replace('      - name: id\n        in: path\n', '      - in: path\n'));
  });

  test('rename a key', () => {
    const out = edit(yaml, 'a.yaml', (e) => e.renameKey(['paths', '/pets', 'get', 'responses', '404'], '410'));
    expect(out).toBe(yaml.replace("'404':", "'410':"));
  });

  test('set a nested value that does not exist yet', () => {
    const out = edit(yaml, 'a.yaml', (e) => e.set(['paths', '/pets', 'get', 'responses', '404', 'headers', 'X-Why'], { schema: { type: 'string' } }));
    expect(out).toBe(yaml.replace('          description: none\n', '          description: none\n          headers:\n            X-Why:\n              schema:\n                type: string\n'));
  });

  test('move sequence items', () => {
    const list = 'tags:\n  - name: a\n  # b is second\n  - name: b\n  - name: c\n';
    expect(edit(list, 'a.yaml', (e) => e.moveItem(['tags'], 0, 2))).toBe('tags:\n  # b is second\n  - name: b\n  - name: c\n  - name: a\n');
    expect(edit(list, 'a.yaml', (e) => e.moveItem(['tags'], 2, 0))).toBe('tags:\n  - name: c\n  - name: a\n  # b is second\n  - name: b\n');
    expect(edit(list, 'a.yaml', (e) => e.moveItem(['tags'], 1, 2))).toBe('tags:\n  - name: a\n  - name: c\n  # b is second\n  - name: b\n');
  });

  test('CRLF documents get CRLF insertions', () => {
    const crlf = 'a:\r\n  b: 1\r\n';
    expect(edit(crlf, 'a.yaml', (e) => e.insertPair(['a'], 'c', { d: 2 }))).toBe('a:\r\n  b: 1\r\n  c:\r\n    d: 2\r\n');
  });
});

const json = `{
  "openapi": "3.1.0",
  "paths": {
    "/pets": {
      "get": {
        "tags": ["pets"],
        "responses": {
          "200": { "description": "ok" },
          "404": {
            "description": "none"
          }
        }
      }
    }
  }
}
`;

group('JSON', () => {
  test('set a scalar', () => {
    expect(edit(json, 'a.json', (e) => e.set(['openapi'], '3.0.3'))).toBe(json.replace('3.1.0', '3.0.3'));
  });

  test('insert a pair at the end and before', () => {
    const out = edit(json, 'a.json', (e) => e.insertPair(['paths', '/pets', 'get', 'responses'], '500', { description: 'x' }));
    expect(out).toBe(json.replace('            "description": "none"\n          }\n', '            "description": "none"\n          },\n          "500": {\n            "description": "x"\n          }\n'));
    const out2 = edit(json, 'a.json', (e) => e.insertPair(['paths', '/pets', 'get'], 'summary', 'List', 0));
    expect(out2).toBe(json.replace('        "tags"', '        "summary": "List",\n        "tags"'));
  });

  test('remove first, middle and last entries', () => {
    expect(edit(json, 'a.json', (e) => e.remove(['paths', '/pets', 'get', 'responses', '200']))).toBe(json.replace('"200": { "description": "ok" },\n          ', ''));
    expect(edit(json, 'a.json', (e) => e.remove(['paths', '/pets', 'get', 'responses', '404']))).toBe(json.replace(',\n          "404": {\n            "description": "none"\n          }', ''));
    expect(edit(json, 'a.json', (e) => e.remove(['paths', '/pets']))).toBe(json.replace(/"paths": \{[\s\S]*\n {2}\}\n\}/, '"paths": {}\n}'));
  });

  test('insert into an empty object', () => {
    const doc = '{\n  "paths": {}\n}\n';
    expect(edit(doc, 'a.json', (e) => e.insertPair(['paths'], '/a', { get: {} }))).toBe('{\n  "paths": {\n    "/a": {\n      "get": {}\n    }\n  }\n}\n');
  });

  test('single-line arrays stay single-line; moves keep the moved text', () => {
    const doc = '{"tags": [{"name": "a"}, {"name": "b"}, {"name": "c"}]}';
    expect(edit(doc, 'a.json', (e) => e.insertItem(['tags'], 'x', 1))).toBe('{"tags": [{"name": "a"}, "x", {"name": "b"}, {"name": "c"}]}');
    expect(edit(doc, 'a.json', (e) => e.moveItem(['tags'], 0, 2))).toBe('{"tags": [{"name": "b"}, {"name": "c"}, {"name": "a"}]}');
    expect(edit(doc, 'a.json', (e) => e.moveItem(['tags'], 2, 1))).toBe('{"tags": [{"name": "a"}, {"name": "c"}, {"name": "b"}]}');
  });

  test('rename a key with characters that need escaping', () => {
    expect(edit(json, 'a.json', (e) => e.renameKey(['paths', '/pets'], '/pets/"x"'))).toBe(json.replace('"/pets"', '"/pets/\\"x\\""'));
  });
});
