import type { SourceDocument } from '../document/source-document';
import { asMap, asSeq, asString, getPair } from '../document/source-tree';
import { X_ROOT, isHttpMethod, parseRouteKey, routeKey } from './x-routecraft';

/** Routes in the order of `paths` (and of methods inside each path item). */
export function naturalOrder(doc: SourceDocument): string[] {
  const out: string[] = [];
  const paths = asMap(getPair(asMap(doc.root) ?? { kind: 'map', start: 0, end: 0, flow: false, pairs: [] }, 'paths')?.value);
  for (const p of paths?.pairs ?? []) {
    const item = asMap(p.value);
    for (const m of item?.pairs ?? []) if (isHttpMethod(m.key) && asMap(m.value)) out.push(routeKey(m.key, p.key));
  }
  return out;
}

/** The `x-routecraft.order` list as written (normalised keys), or undefined when absent. */
export function orderList(doc: SourceDocument): string[] | undefined {
  const root = asMap(doc.root);
  const x = asMap(root && getPair(root, X_ROOT)?.value);
  const seq = asSeq(x && getPair(x, 'order')?.value);
  if (!seq) return undefined;
  return seq.items.map((i) => {
    const parsed = parseRouteKey(asString(i) ?? '');
    return parsed ? routeKey(parsed.method, parsed.path) : '';
  });
}

/**
 * Declaration order: the listed routes first, in list order; then every unlisted route in `paths`
 * order. Unknown and repeated list entries are ignored.
 */
export function effectiveOrder(natural: readonly string[], list: readonly string[] | undefined): string[] {
  if (!list || list.length === 0) return [...natural];
  const known = new Set(natural);
  const used = new Set<string>();
  const out: string[] = [];
  for (const key of list) {
    if (known.has(key) && !used.has(key)) {
      out.push(key);
      used.add(key);
    }
  }
  for (const key of natural) if (!used.has(key)) out.push(key);
  return out;
}
