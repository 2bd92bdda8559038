/**
 * A JSON Schema as the visual body editor shows it: a tree of typed nodes (object properties with
 * a required flag, array items, `$ref`s), flattened into rows for display. Reading a schema and
 * writing it back is lossless: keywords the editor does not edit (`description`, `format`,
 * `enum`, …) are kept with their key order, and any part the editor cannot show (`oneOf`,
 * `type: [string, "null"]`, `true`) becomes a `custom` node carried through untouched.
 */

export type EditableKind = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'ref';
export type NodeKind = EditableKind | 'custom';

/** The kinds a user can pick, in the order the type menu lists them. */
export const EDITABLE_KINDS: readonly EditableKind[] = ['string', 'integer', 'number', 'boolean', 'object', 'array', 'ref'];

export interface SchemaNode {
  kind: NodeKind;
  /** kind `ref`: the `$ref` as written (`#/components/schemas/User`). */
  ref?: string;
  /** kind `object`: the properties in order. */
  properties?: SchemaProperty[];
  /** kind `object`: the `required` list as written (absent when the schema had none), so its order survives. */
  requiredOrder?: string[];
  /** kind `array`: its items; absent when the array does not say. */
  items?: SchemaNode;
  /** Keywords the editor keeps but does not edit. */
  rest: [string, unknown][];
  /** The schema's key order, so writing it back keeps it. */
  order: string[];
  /** kind `custom`: the schema exactly as written. */
  raw?: unknown;
}

export interface SchemaProperty {
  name: string;
  required: boolean;
  schema: SchemaNode;
}

/** Where a node is: property indexes and `items` steps from the root. */
export type NodePath = readonly (number | 'items')[];

const PRIMITIVES = new Set(['string', 'integer', 'number', 'boolean']);
/** Keywords that still make sense after the type changes; everything else goes with the old type. */
const KEPT_ON_KIND_CHANGE = new Set(['title', 'description', 'deprecated', 'readOnly', 'writeOnly', 'nullable', '$comment']);
const SCHEMA_REF_PREFIX = '#/components/schemas/';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function managedKeys(kind: NodeKind): readonly string[] {
  if (kind === 'ref') return ['$ref'];
  if (kind === 'object') return ['type', 'properties', 'required'];
  if (kind === 'array') return ['type', 'items'];
  if (kind === 'custom') return [];
  return ['type'];
}

function custom(raw: unknown): SchemaNode {
  return { kind: 'custom', raw, rest: [], order: [] };
}

/** The node for a schema; never fails (what it cannot show becomes `custom`). */
export function schemaToNode(schema: unknown): SchemaNode {
  if (!isRecord(schema)) return custom(schema);
  const order = Object.keys(schema);
  const kind = kindOf(schema);
  if (kind === 'custom') return custom(schema);
  const managed = managedKeys(kind);
  const rest = Object.entries(schema).filter(([key]) => !managed.includes(key));
  const node: SchemaNode = { kind, rest, order };
  if (kind === 'ref') node.ref = schema['$ref'] as string;
  if (kind === 'array' && 'items' in schema) node.items = schemaToNode(schema['items']);
  if (kind === 'object') {
    const required = schema['required'] as string[] | undefined;
    if (required) node.requiredOrder = [...required];
    const properties = (schema['properties'] ?? {}) as Record<string, unknown>;
    node.properties = Object.entries(properties).map(([name, value]) => ({ name, required: required?.includes(name) ?? false, schema: schemaToNode(value) }));
  }
  return node;
}

function kindOf(schema: Record<string, unknown>): NodeKind {
  if ('$ref' in schema) return typeof schema['$ref'] === 'string' ? 'ref' : 'custom';
  const type = schema['type'];
  if (typeof type !== 'string') return 'custom';
  if (PRIMITIVES.has(type)) return type as EditableKind;
  if (type === 'array') {
    const items = schema['items'];
    return items === undefined || isRecord(items) || typeof items === 'boolean' ? 'array' : 'custom';
  }
  if (type === 'object') {
    const properties = schema['properties'];
    const required = schema['required'];
    if (properties !== undefined && !isRecord(properties)) return 'custom';
    if (required !== undefined && !(Array.isArray(required) && required.every((r) => typeof r === 'string') && new Set(required).size === required.length)) return 'custom';
    return 'object';
  }
  return 'custom';
}

/** The schema for a node: the inverse of schemaToNode. */
export function nodeToSchema(node: SchemaNode): unknown {
  if (node.kind === 'custom') return node.raw;
  const entries = new Map<string, unknown>(node.rest);
  if (node.kind === 'ref') entries.set('$ref', node.ref ?? '');
  else entries.set('type', node.kind);
  if (node.kind === 'array' && node.items !== undefined) entries.set('items', nodeToSchema(node.items));
  if (node.kind === 'object') {
    const properties = node.properties ?? [];
    if (properties.length > 0 || node.order.includes('properties')) entries.set('properties', Object.fromEntries(properties.map((p) => [p.name, nodeToSchema(p.schema)])));
    const required = requiredList(node);
    if (required.length > 0 || (node.requiredOrder !== undefined && node.requiredOrder.length === 0)) entries.set('required', required);
  }
  const keys = [...node.order.filter((k) => entries.has(k)), ...['$ref', 'type', 'properties', 'required', 'items', ...entries.keys()].filter((k) => entries.has(k) && !node.order.includes(k))];
  return Object.fromEntries([...new Set(keys)].map((k) => [k, entries.get(k)]));
}

/** `required` in the order it was written, then newly required properties in property order. */
function requiredList(node: SchemaNode): string[] {
  const properties = node.properties ?? [];
  const byName = new Map(properties.map((p) => [p.name, p]));
  // Names listed that are not properties here are kept as written (they may come from elsewhere).
  const kept = (node.requiredOrder ?? []).filter((name) => byName.get(name)?.required ?? true);
  const listed = new Set(kept);
  return [...kept, ...properties.filter((p) => p.required && !listed.has(p.name)).map((p) => p.name)];
}

/** A fresh node of a kind, as the editor creates it. */
export function newNode(kind: EditableKind, ref?: string): SchemaNode {
  if (kind === 'ref') return { kind, ref: ref ?? '', rest: [], order: ['$ref'] };
  if (kind === 'object') return { kind, properties: [], rest: [], order: ['type', 'properties'] };
  if (kind === 'array') return { kind, items: newNode('string'), rest: [], order: ['type', 'items'] };
  return { kind, rest: [], order: ['type'] };
}

/** `#/components/schemas/User` for `User`. */
export function schemaRef(name: string): string {
  return `${SCHEMA_REF_PREFIX}${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** `User` for `#/components/schemas/User`; null for any other ref. */
export function schemaRefName(ref: string): string | null {
  if (!ref.startsWith(SCHEMA_REF_PREFIX)) return null;
  const name = ref.slice(SCHEMA_REF_PREFIX.length);
  return name.includes('/') ? null : name.replace(/~1/g, '/').replace(/~0/g, '~');
}

// ---------------------------------------------------------------------------------------------
// Paths and edits: pure functions from a root node to a new root node.

export function nodeAt(root: SchemaNode, path: NodePath): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const step of path) {
    if (!node) return undefined;
    node = step === 'items' ? node.items : node.properties?.[step]?.schema;
  }
  return node;
}

/** The property a path ends at (its last step is an index), or undefined. */
export function propertyAt(root: SchemaNode, path: NodePath): SchemaProperty | undefined {
  const last = path[path.length - 1];
  if (typeof last !== 'number') return undefined;
  return nodeAt(root, path.slice(0, -1))?.properties?.[last];
}

function updateAt(node: SchemaNode, path: NodePath, update: (node: SchemaNode | undefined) => SchemaNode): SchemaNode {
  if (path.length === 0) return update(node);
  const [step, ...tail] = path;
  if (step === 'items') {
    if (node.kind !== 'array') throw new Error('Only an array has items.');
    return { ...node, items: tail.length === 0 ? update(node.items) : updateAt(requireNode(node.items), tail, update) };
  }
  const properties = node.properties;
  const property = step === undefined ? undefined : properties?.[step];
  if (!properties || !property) throw new Error('No such property.');
  const next = [...properties];
  next[step as number] = { ...property, schema: tail.length === 0 ? update(property.schema) : updateAt(property.schema, tail, update) };
  return { ...node, properties: next };
}

function requireNode(node: SchemaNode | undefined): SchemaNode {
  if (!node) throw new Error('No such node.');
  return node;
}

function updateParent(root: SchemaNode, path: NodePath, update: (parent: SchemaNode, index: number) => SchemaNode): SchemaNode {
  const index = path[path.length - 1];
  if (typeof index !== 'number') throw new Error('Not a property.');
  return updateAt(root, path.slice(0, -1), (parent) => update(requireNode(parent), index));
}

/** Changes a node's kind, keeping what still makes sense (its description, say). */
export function setKind(root: SchemaNode, path: NodePath, kind: EditableKind, ref?: string): SchemaNode {
  return updateAt(root, path, (node) => {
    const fresh = newNode(kind, ref);
    if (!node || node.kind === 'custom') return fresh;
    if (node.kind === kind) return kind === 'ref' && ref !== undefined ? { ...node, ref } : node;
    const rest = node.rest.filter(([key]) => KEPT_ON_KIND_CHANGE.has(key) || key.startsWith('x-'));
    const oldManaged = managedKeys(node.kind);
    const keptKeys = new Set(rest.map(([key]) => key));
    // The new type's keys go where the old type's were.
    const order: string[] = [];
    let placed = false;
    for (const key of node.order) {
      if (oldManaged.includes(key)) {
        if (!placed) order.push(...fresh.order);
        placed = true;
      } else if (keptKeys.has(key)) order.push(key);
    }
    if (!placed) order.unshift(...fresh.order);
    return { ...fresh, rest, order };
  });
}

export function setRef(root: SchemaNode, path: NodePath, ref: string): SchemaNode {
  return setKind(root, path, 'ref', ref);
}

/** A name not yet taken among an object's properties: `field`, `field_2`, … */
export function freeName(node: SchemaNode, base = 'field'): string {
  const taken = new Set((node.properties ?? []).map((p) => p.name));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** Adds a property (a string, not required) at the end of the object at `objectPath`. */
export function addProperty(root: SchemaNode, objectPath: NodePath, name?: string, kind: EditableKind = 'string'): { root: SchemaNode; name: string } {
  const object = nodeAt(root, objectPath);
  if (!object || object.kind !== 'object') throw new Error('Properties belong to objects.');
  const chosen = name ?? freeName(object);
  if ((object.properties ?? []).some((p) => p.name === chosen)) throw new Error(`There is already a property "${chosen}".`);
  const next = updateAt(root, objectPath, (node) => {
    const n = requireNode(node);
    return { ...n, properties: [...(n.properties ?? []), { name: chosen, required: false, schema: newNode(kind) }] };
  });
  return { root: next, name: chosen };
}

export function removeProperty(root: SchemaNode, path: NodePath): SchemaNode {
  return updateParent(root, path, (parent, index) => {
    const removed = parent.properties?.[index];
    const properties = (parent.properties ?? []).filter((_, i) => i !== index);
    const requiredOrder = parent.requiredOrder?.filter((n) => n !== removed?.name);
    return { ...parent, properties, ...(requiredOrder ? { requiredOrder } : {}) };
  });
}

/** Why a property cannot have this name, or null when it can. */
export function propertyNameProblem(root: SchemaNode, path: NodePath, name: string): string | null {
  if (name.trim() === '') return 'A property needs a name.';
  const index = path[path.length - 1];
  const parent = nodeAt(root, path.slice(0, -1));
  if ((parent?.properties ?? []).some((p, i) => i !== index && p.name === name)) return `There is already a property "${name}".`;
  return null;
}

export function renameProperty(root: SchemaNode, path: NodePath, name: string): SchemaNode {
  const problem = propertyNameProblem(root, path, name);
  if (problem) throw new Error(problem);
  return updateParent(root, path, (parent, index) => {
    const properties = [...(parent.properties ?? [])];
    const property = properties[index];
    if (!property) throw new Error('No such property.');
    properties[index] = { ...property, name };
    const requiredOrder = parent.requiredOrder?.map((n) => (n === property.name ? name : n));
    return { ...parent, properties, ...(requiredOrder ? { requiredOrder } : {}) };
  });
}

export function setRequired(root: SchemaNode, path: NodePath, required: boolean): SchemaNode {
  return updateParent(root, path, (parent, index) => {
    const properties = [...(parent.properties ?? [])];
    const property = properties[index];
    if (!property) throw new Error('No such property.');
    properties[index] = { ...property, required };
    return { ...parent, properties };
  });
}

// ---------------------------------------------------------------------------------------------
// Rows: the tree flattened for display.

export type SchemaRow =
  | {
      type: 'node';
      path: NodePath;
      depth: number;
      /** `root`: the body itself; `property`: a named property; `items`: an array's items. */
      role: 'root' | 'property' | 'items';
      /** The property name (role `property` only). */
      name?: string;
      required: boolean;
      /** `none`: an array whose items are not described. */
      kind: NodeKind | 'none';
      ref?: string;
    }
  /** Where an object's "Add property" goes: after its properties. */
  | { type: 'add'; path: NodePath; depth: number };

export function schemaRows(root: SchemaNode): SchemaRow[] {
  const rows: SchemaRow[] = [];
  const visit = (node: SchemaNode | undefined, path: NodePath, depth: number, role: 'root' | 'property' | 'items', name?: string, required = false) => {
    rows.push({ type: 'node', path, depth, role, ...(name !== undefined ? { name } : {}), required, kind: node?.kind ?? 'none', ...(node?.kind === 'ref' ? { ref: node.ref ?? '' } : {}) });
    if (!node) return;
    if (node.kind === 'object') {
      (node.properties ?? []).forEach((p, i) => visit(p.schema, [...path, i], depth + 1, 'property', p.name, p.required));
      rows.push({ type: 'add', path, depth: depth + 1 });
    }
    if (node.kind === 'array') visit(node.items, [...path, 'items'], depth + 1, 'items');
  };
  visit(root, [], 0, 'root');
  return rows;
}
