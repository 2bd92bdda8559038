import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  EDITABLE_KINDS,
  addProperty,
  newNode,
  nodeToSchema,
  propertyNameProblem,
  removeProperty,
  renameProperty,
  schemaRef,
  schemaRefName,
  schemaRows,
  schemaToNode,
  setKind,
  setRequired,
  type EditableKind,
  type SchemaNode,
  type SchemaRow,
} from './schema-rows';

/** Compares key order too: a visual edit must not reorder what the user wrote. */
const assertSame = (a: unknown, b: unknown) => expect(JSON.stringify(b)).toBe(JSON.stringify(a));

const user = {
  type: 'object',
  required: ['id', 'name'],
  properties: {
    id: { type: 'integer', format: 'int64' },
    name: { type: 'string', description: 'Full name' },
    tags: { type: 'array', items: { type: 'string' } },
    address: { type: 'object', properties: { city: { type: 'string' } } },
    friend: { $ref: '#/components/schemas/User' },
    either: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
  },
  additionalProperties: false,
};

/** A row as a person reads it: indentation, name, type, required. */
const view = (rows: SchemaRow[]) => rows.map((r) => (r.type === 'add' ? `${'  '.repeat(r.depth)}+` : `${'  '.repeat(r.depth)}${r.name ?? r.role}: ${r.kind === 'ref' ? r.ref : r.kind}${r.required ? ' *' : ''}`));

describe('schema ↔ nodes', () => {
  test('a schema reads as rows', () => {
    expect(view(schemaRows(schemaToNode(user)))).toEqual([
      'root: object',
      '  id: integer *',
      '  name: string *',
      '  tags: array',
      '    items: string',
      '  address: object',
      '    city: string',
      '    +',
      '  friend: #/components/schemas/User',
      '  either: custom',
      '  +',
    ]);
  });

  test('reading and writing back changes nothing', () => {
    assertSame(user, nodeToSchema(schemaToNode(user)));
    for (const s of [true, {}, { type: ['string', 'null'] }, { type: 'array' }, { type: 'object', required: [] }, { $ref: '#/x', description: 'd' }, { type: 'object', required: ['ghost'] }]) assertSame(s, nodeToSchema(schemaToNode(s)));
  });

  test('editing: add, rename, require, retype, remove', () => {
    let root = schemaToNode(user);
    const added = addProperty(root, []);
    expect(added.name).toBe('field');
    root = renameProperty(added.root, [6], 'email');
    root = setRequired(root, [6], true);
    root = setRequired(root, [0], false);
    root = renameProperty(root, [1], 'full_name');
    root = setKind(root, [2, 'items'], 'ref', schemaRef('Tag'));
    root = addProperty(root, [3], 'zip', 'integer').root;
    root = removeProperty(root, [4]);
    assertSame(
      {
        type: 'object',
        required: ['full_name', 'email'],
        properties: {
          id: { type: 'integer', format: 'int64' },
          full_name: { type: 'string', description: 'Full name' },
          tags: { type: 'array', items: { $ref: '#/components/schemas/Tag' } },
          address: { type: 'object', properties: { city: { type: 'string' }, zip: { type: 'integer' } } },
          either: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
          email: { type: 'string' },
        },
        additionalProperties: false,
      },
      nodeToSchema(root),
    );
  });

  test('a new type keeps the description and drops what belonged to the old type', () => {
    const root = schemaToNode({ type: 'object', properties: { n: { description: 'count', type: 'string', format: 'email', minLength: 1 } } });
    assertSame({ type: 'object', properties: { n: { description: 'count', type: 'integer' } } }, nodeToSchema(setKind(root, [0], 'integer')));
    assertSame({ type: 'object', properties: { n: { description: 'count', type: 'array', items: { type: 'string' } } } }, nodeToSchema(setKind(root, [0], 'array')));
    assertSame({ $ref: '#/components/schemas/User' }, nodeToSchema(setKind(schemaToNode({ type: 'object', properties: {} }), [], 'ref', schemaRef('User'))));
    assertSame({ type: 'object', properties: {} }, nodeToSchema(setKind(schemaToNode({ $ref: '#/components/schemas/User' }), [], 'object')));
    // Items where an array said nothing about them.
    assertSame({ type: 'array', items: { type: 'boolean' } }, nodeToSchema(setKind(schemaToNode({ type: 'array' }), ['items'], 'boolean')));
  });

  test('names must be unique and not empty', () => {
    const root = schemaToNode(user);
    expect(propertyNameProblem(root, [0], 'name')).toBe('There is already a property "name".');
    expect(propertyNameProblem(root, [0], ' ')).toBe('A property needs a name.');
    expect(propertyNameProblem(root, [0], 'id')).toBeNull();
    expect(() => renameProperty(root, [0], 'name')).toThrow('already a property');
    expect(() => addProperty(root, [], 'id')).toThrow('already a property');
    expect(() => addProperty(root, [0])).toThrow('Properties belong to objects');
  });

  test('refs to components/schemas', () => {
    expect(schemaRef('User')).toBe('#/components/schemas/User');
    expect(schemaRefName('#/components/schemas/a~1b')).toBe('a/b');
    expect(schemaRefName(schemaRef('x/y~z'))).toBe('x/y~z');
    expect(schemaRefName('#/components/responses/NotFound')).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Properties.

const name = fc.string({ minLength: 1, maxLength: 6 });
/**
 * Property names the editor can keep in order: a JS object lists integer-like keys ("0", "12")
 * first whatever order they were added in, so such names move to the front when written.
 */
const orderedName = name.filter((n) => !/^(0|[1-9]\d*)$/.test(n));

/** Any JSON value, schemas or not: reading and writing must never lose a byte of meaning. */
const anySchema: fc.Arbitrary<unknown> = fc.letrec<{ schema: unknown }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 2 }),
    fc.record({ type: fc.constantFrom('string', 'integer', 'number', 'boolean', 'null'), description: fc.string() }, { requiredKeys: ['type'] }),
    fc.record({ $ref: fc.oneof(fc.string(), fc.integer()), description: fc.string() }, { requiredKeys: ['$ref'] }),
    fc.record({ type: fc.constant('array'), items: fc.oneof(tie('schema'), fc.array(tie('schema'), { maxLength: 2 })), minItems: fc.nat() }, { requiredKeys: ['type'] }),
    fc.record(
      {
        description: fc.string(),
        type: fc.constant('object'),
        required: fc.oneof(fc.uniqueArray(name, { maxLength: 3 }), fc.array(name, { maxLength: 3 }), fc.constant('x')),
        properties: fc.oneof(fc.dictionary(name, tie('schema'), { maxKeys: 4 }), fc.constant(null)),
        additionalProperties: fc.boolean(),
      },
      { requiredKeys: ['type'] },
    ),
  ),
})).schema;

interface Spec {
  kind: EditableKind;
  ref?: string;
  properties?: { name: string; required: boolean; spec: Spec }[];
  items?: Spec;
}

/** What the visual editor can build: typed nodes, objects with named properties, arrays with items. */
const editorSpec: fc.Arbitrary<Spec> = fc.letrec<{ spec: Spec }>((tie) => ({
  spec: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<EditableKind>('string', 'integer', 'number', 'boolean').map((kind) => ({ kind })),
    fc.constantFrom('User', 'NewUser', 'a/b').map((n) => ({ kind: 'ref' as const, ref: schemaRef(n) })),
    tie('spec').map((items) => ({ kind: 'array' as const, items })),
    fc.uniqueArray(fc.record({ name: orderedName, required: fc.boolean(), spec: tie('spec') }), { selector: (p) => p.name, maxLength: 4 }).map((properties) => ({ kind: 'object' as const, properties })),
  ),
})).spec;

/** Builds the spec's node through the editor's own operations, the way a user would. */
function build(spec: Spec): SchemaNode {
  let root = newNode(spec.kind, spec.ref);
  const fill = (s: Spec, path: (number | 'items')[]) => {
    if (s.kind === 'array' && s.items) {
      root = setKind(root, [...path, 'items'], s.items.kind, s.items.ref);
      fill(s.items, [...path, 'items']);
    }
    s.properties?.forEach((p, i) => {
      root = addProperty(root, path, p.name, p.spec.kind === 'ref' ? 'string' : p.spec.kind).root;
      if (p.spec.kind === 'ref') root = setKind(root, [...path, i], 'ref', p.spec.ref);
      if (p.required) root = setRequired(root, [...path, i], true);
      fill(p.spec, [...path, i]);
    });
  };
  fill(spec, []);
  return root;
}

const rowsOnly = (node: SchemaNode) => schemaRows(node);

describe('properties', () => {
  test('any schema reads and writes back unchanged (key order included)', () => {
    fc.assert(
      fc.property(anySchema, (s) => {
        assertSame(s, nodeToSchema(schemaToNode(s)));
      }),
      { numRuns: 500 },
    );
  });

  test('rows → schema → rows: what the editor builds reads back as the same rows', () => {
    fc.assert(
      fc.property(editorSpec, (spec) => {
        const node = build(spec);
        const schema = nodeToSchema(node);
        expect(rowsOnly(schemaToNode(schema))).toEqual(rowsOnly(node));
        // And writing it again gives the same schema: the document does not churn.
        assertSame(schema, nodeToSchema(schemaToNode(schema)));
      }),
      { numRuns: 300 },
    );
  });

  test('changing a kind and back to the original kind keeps a valid, readable schema', () => {
    fc.assert(
      fc.property(editorSpec, fc.constantFrom(...EDITABLE_KINDS), (spec, kind) => {
        const node = setKind(build(spec), [], kind, kind === 'ref' ? schemaRef('User') : undefined);
        const rows = schemaRows(node);
        expect(rows[0]).toMatchObject({ type: 'node', role: 'root', kind });
        expect(rowsOnly(schemaToNode(nodeToSchema(node)))).toEqual(rows);
      }),
      { numRuns: 200 },
    );
  });
});
