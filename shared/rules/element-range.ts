import { decodePointer } from '../document/json-pointer';
import type { SourceRange } from '../document/line-index';
import type { SourceDocument } from '../document/source-document';
import { deref, getPair, type SNode } from '../document/source-tree';
import type { Route } from '../model/api-model';
import { resolveRef } from '../model/ref-resolver';

/**
 * Where a part of `route` — a response, a response's header or a path parameter, by the pointer the
 * model gave it — is in the text: the range the model would give it, which it no longer keeps (see
 * `Route.range`). `item` is the route's path item node, found by the caller. The walk reads the
 * text the way the model does: through a `$ref`d path item, and through a `$ref`d response to its
 * headers. Undefined when the pointer leads nowhere (the caller falls back to the route).
 */
export function elementRange(source: SourceDocument, item: SNode | undefined, route: Route, pointer: string): SourceRange | undefined {
  let path: string[];
  try {
    path = decodePointer(pointer);
  } catch {
    return undefined;
  }
  if (path[0] !== 'paths' || path[1] !== route.path || path.length < 4) return undefined;
  // [method, 'responses', status, 'headers', name], [method, 'parameters', i] or ['parameters', i].
  const rest = path.slice(2);
  let node = resolveRef(source.root, item).node;
  for (let i = 0; i < rest.length; i++) {
    const key = rest[i] as string;
    const last = i === rest.length - 1;
    const n = deref(node);
    if (n?.kind === 'map') {
      const pair = getPair(n, key);
      if (!pair) return undefined;
      // A response or header is written from its key to the end of its value.
      if (last) return rangeOf(source, pair.value, pair.keyStart);
      node = pair.value;
    } else if (n?.kind === 'seq' && /^(0|[1-9]\d*)$/.test(key)) {
      node = n.items[Number(key)];
      if (!node) return undefined;
      // A parameter is its item of the list, a `$ref` as written.
      if (last) return rangeOf(source, node);
    } else return undefined;
    // A response's headers are read through its `$ref`.
    if (i === 2 && rest[1] === 'responses') node = resolveRef(source.root, node).node;
  }
  return undefined;
}

/** As the model wrote ranges: from `from` (or the node's start) to the end of the node behind any alias. */
function rangeOf(source: SourceDocument, node: SNode | undefined, from?: number): SourceRange {
  const n = deref(node) ?? node;
  const start = from ?? n?.start ?? 0;
  return source.lines.range(start, Math.max(start, n?.end ?? start));
}
