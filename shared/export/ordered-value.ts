import { deref, type SNode } from '../document/source-tree';

/**
 * A JSON value whose objects are Maps, so the written key order survives: plain objects would put
 * integer-like keys such as status codes first, in numeric order. Exports and generators work on
 * this and never on plain objects.
 */
export type OValue = string | number | boolean | null | OValue[] | OMap;
export type OMap = Map<string, OValue>;

export function isMap(v: unknown): v is OMap {
  return v instanceof Map;
}

/** The document tree as ordered values. YAML aliases are copied; depth is bounded. */
export function fromNode(node: SNode | undefined, depth = 0): OValue {
  const n = deref(node);
  if (!n || depth > 2000) return null;
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') {
    return n.items.map((item) => fromNode(item, depth + 1));
  }
  const out: OMap = new Map();
  for (const p of n.pairs) out.set(p.key, fromNode(p.value, depth + 1));
  return out;
}

/** A plain JavaScript value (objects keep insertion order except integer-like keys) as ordered values. */
export function fromPlain(value: unknown, depth = 0): OValue {
  if (depth > 2000) return null;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => fromPlain(v, depth + 1));
  if (value instanceof Map) {
    const out: OMap = new Map();
    for (const [k, v] of value) out.set(String(k), fromPlain(v, depth + 1));
    return out;
  }
  if (typeof value === 'object') {
    const out: OMap = new Map();
    for (const k of Object.keys(value)) out.set(k, fromPlain((value as Record<string, unknown>)[k], depth + 1));
    return out;
  }
  return null;
}

/** Back to plain JavaScript (for tests and for libraries that want plain objects). */
export function toPlain(value: OValue): unknown {
  if (Array.isArray(value)) return value.map(toPlain);
  if (isMap(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) Object.defineProperty(out, k, { value: toPlain(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

export function deepClone(value: OValue): OValue {
  if (Array.isArray(value)) return value.map(deepClone);
  if (isMap(value)) {
    const out: OMap = new Map();
    for (const [k, v] of value) out.set(k, deepClone(v));
    return out;
  }
  return value;
}

export function getMap(map: OMap | undefined, key: string): OMap | undefined {
  const v = map?.get(key);
  return isMap(v) ? v : undefined;
}

export function getString(map: OMap | undefined, key: string): string | undefined {
  const v = map?.get(key);
  return typeof v === 'string' ? v : undefined;
}

/** Replaces `oldKey` by `newKey` at the same position (Maps append new keys at the end). */
export function renameKey(map: OMap, oldKey: string, newKey: string, value: OValue): void {
  if (!map.has(oldKey)) {
    map.set(newKey, value);
    return;
  }
  const entries = [...map.entries()];
  map.clear();
  for (const [k, v] of entries) {
    if (k === oldKey) map.set(newKey, value);
    else if (k !== newKey) map.set(k, v);
  }
}

/** Sets `key` right after `after` (or at the end when `after` is absent). */
export function setAfter(map: OMap, after: string, key: string, value: OValue): void {
  if (!map.has(after) || map.has(key)) {
    map.set(key, value);
    return;
  }
  const entries = [...map.entries()];
  map.clear();
  for (const [k, v] of entries) {
    map.set(k, v);
    if (k === after) map.set(key, value);
  }
}

/** Deep equality of ordered values, key order ignored. */
export function sameValue(a: OValue, b: OValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i] as OValue));
  if (isMap(a)) {
    if (!isMap(b) || a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !sameValue(v, b.get(k) as OValue)) return false;
    return true;
  }
  return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
}
