import { decodePointer } from '../document/json-pointer';
import { asMap, asScalar, getAt, getPair, toValue, type SNode, type SPair } from '../document/source-tree';
import type { ApiModel, ResponseSpec } from '../model/api-model';
import type { ApiDocument } from '../model/open-document';
import { resolveRef } from '../model/ref-resolver';
import { standaloneModel } from '../model/route-site';

/** On a response object: mock-only settings for that response, `{ latencyMs }`. */
export const X_RESPONSE_MOCK = 'x-routecraft-mock';

/**
 * What the mock reads of a document beyond its model: the values local `$ref`s point at (to bundle
 * schemas) and each response's own mock settings.
 */
export interface MockSource {
  readonly model: ApiModel;
  /** The plain value a local `$ref` ("#/components/schemas/User") points at; undefined when none. */
  refValue(ref: string): unknown;
  /** The response's own `x-routecraft-mock.latencyMs`, when it has a valid one. */
  responseLatency(response: ResponseSpec): number | undefined;
  /** The same answers without holding on to the document (itself when it holds none). */
  detached(): MockSource;
}

/**
 * Reads the document's source tree when asked. For the app: the document service keeps the
 * document anyway, and a table rebuilt on every keystroke must not walk 10,000 routes up front.
 */
export function liveSource(doc: ApiDocument): MockSource {
  const root = doc.source.root;
  return {
    model: doc.model,
    refValue: (ref) => {
      const node = refNode(root, ref);
      return node === undefined ? undefined : toValue(node);
    },
    responseLatency: (response) => {
      let path: string[];
      try {
        path = decodePointer(response.pointer);
      } catch {
        return undefined;
      }
      return latencyOf(root, followingRefs(root, root, path));
    },
    detached: () => detachedSource(doc),
  };
}

/**
 * Copies, once, everything the mock can need, so that the document (its text and source tree, about
 * two thirds of its memory) can be dropped: for `routecraft mock`, which has nothing else to keep it
 * for. Every `$ref` reachable from the model's schemas is resolved now, and so is every response's
 * latency.
 */
export function detachedSource(doc: ApiDocument): MockSource {
  return detached(standaloneModel(doc.model), refValues(doc.source.root, doc.model), responseLatencies(doc.source.root, doc.model));
}

/**
 * Made in a scope of its own: closures share their function's scope in V8, so creating these next
 * to anything that touches the source tree would keep the whole tree alive through them.
 */
function detached(model: ApiModel, refs: Map<string, unknown>, latencies: Map<ResponseSpec, number>): MockSource {
  const source: MockSource = { model, refValue: (ref) => refs.get(ref), responseLatency: (response) => latencies.get(response), detached: () => source };
  return source;
}

/**
 * The value of every `$ref` reachable from the model's schemas (through the values they lead to as
 * well): schemas are all the mock bundles; examples and headers' `$ref`s were resolved by the model.
 */
function refValues(root: SNode | undefined, model: ApiModel): Map<string, unknown> {
  const refs = new Map<string, unknown>();
  const pending: unknown[] = [];
  for (const route of model.routes) {
    for (const p of route.params) pending.push(p.schema);
    for (const c of route.requestBody?.content ?? []) pending.push(c.schema);
    for (const r of route.responses) {
      for (const c of r.content) pending.push(c.schema);
      for (const h of r.headers) pending.push(h.schema);
    }
  }
  while (pending.length > 0) {
    collectRefs(pending.pop(), (ref) => {
      if (refs.has(ref)) return;
      const node = refNode(root, ref);
      const value = node === undefined ? undefined : toValue(node);
      refs.set(ref, value);
      pending.push(value);
    });
  }
  return refs;
}

function refNode(root: SNode | undefined, ref: string): SNode | undefined {
  if (!ref.startsWith('#/')) return undefined;
  try {
    return getAt(root, decodePointer(ref));
  } catch {
    return undefined;
  }
}

/** Calls `found` with every `$ref` string in a plain value (iteratively: schemas nest deeply). */
function collectRefs(value: unknown, found: (ref: string) => void): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (const item of v) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    for (const [key, item] of Object.entries(v)) {
      if (key === '$ref' && typeof item === 'string') found(item);
      else if (typeof item === 'object' && item !== null) stack.push(item);
    }
  }
}

/**
 * Every response's latency setting, reading each path item through an index: `getAt` scans the
 * `paths` map, which at 10,000 routes would make this quadratic.
 */
function responseLatencies(root: SNode | undefined, model: ApiModel): Map<ResponseSpec, number> {
  const out = new Map<ResponseSpec, number>();
  const paths = asMap(getAt(root, ['paths']));
  if (!paths) return out;
  const items = new Map<string, SPair>();
  for (const pair of paths.pairs) if (!items.has(pair.key)) items.set(pair.key, pair);
  for (const route of model.routes) {
    for (const response of route.responses) {
      let path: string[];
      try {
        path = decodePointer(response.pointer);
      } catch {
        continue;
      }
      const item = path[0] === 'paths' && path[1] !== undefined ? items.get(path[1]) : undefined;
      const node = item ? followingRefs(root, item.value, path.slice(2)) : followingRefs(root, root, path);
      const latency = latencyOf(root, node);
      if (latency !== undefined) out.set(response, latency);
    }
  }
  return out;
}

/** `getAt` that also follows `$ref`s on the way: a path item or a response may be a reference. */
function followingRefs(root: SNode | undefined, from: SNode | undefined, path: readonly string[]): SNode | undefined {
  let node = from;
  for (const key of path) {
    node = getAt(resolveRef(root, node).node, [key]);
    if (!node) return undefined;
  }
  return node;
}

function latencyOf(root: SNode | undefined, responseNode: SNode | undefined): number | undefined {
  const node = asMap(resolveRef(root, responseNode).node);
  const settings = asMap(node && getPair(node, X_RESPONSE_MOCK)?.value);
  const value = asScalar(settings && getPair(settings, 'latencyMs')?.value);
  return typeof value === 'number' && value >= 0 && Number.isFinite(value) ? value : undefined;
}
