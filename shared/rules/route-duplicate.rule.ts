import { encodePointer } from '../document/json-pointer';
import { asMap, asSeq, asString, getPair } from '../document/source-tree';
import type { Route } from '../model/api-model';
import type { Diagnostic, DiagnosticTarget } from '../model/diagnostic';
import { X_ROOT } from '../model/x-routecraft';
import type { Rule } from './rule';
import { readOrderKeys, type OrderKeys } from './order-keys';
import { listing, routeTarget } from './rule-support';
import { BY_KEY } from './route-groupings';

/** The order list read as route keys, and the keys it repeats: kept by a Validator while the entries are unchanged. */
const ORDER_KEYS = {};

/**
 * The same method and path declared twice. `paths` cannot say it twice (a repeated key is a
 * `document/duplicate-key` error, and methods are keys too), so what can repeat is a route's entry in
 * `x-routecraft.order`: the framework registers a route once, the first entry wins, and the list no
 * longer says what the file means. Paths that differ only in case or a trailing slash, which some
 * frameworks fold into one route, are `route/case-collision` and `route/trailing-slash-mix`.
 */
export const routeDuplicateRule: Rule = {
  id: 'route/duplicate',
  severity: 'error',
  description: 'A route is declared more than once (a repeated `x-routecraft.order` entry).',
  check(ctx) {
    const root = asMap(ctx.doc.source.root);
    const settings = asMap(root && getPair(root, X_ROOT)?.value);
    const order = asSeq(settings && getPair(settings, 'order')?.value);
    if (!order) return [];
    // Most documents repeat nothing: one pass counting keys, and the real work only when one
    // repeats. The reading depends on the entries' values alone, which a Validator compares with
    // its last run's (and reads only the entries that changed).
    const entries = order.items.map((item) => asString(item));
    const { keys, repeated } = ctx.memo(ORDER_KEYS, entries, (previous?: OrderKeys) => readOrderKeys(entries, previous));
    if (repeated.size === 0) return [];
    // The route a repeated key names (the last declared, should the document declare it twice).
    const byKey = new Map<string, Route>();
    for (const key of repeated) {
      const routes = ctx.group(BY_KEY, key);
      const route = routes[routes.length - 1];
      if (route) byKey.set(key, route);
    }
    const places = new Map<string, number[]>();
    keys.forEach((key, i) => {
      if (key === undefined || !byKey.has(key)) return;
      const list = places.get(key);
      if (list) list.push(i);
      else places.set(key, [i]);
    });
    const out: Diagnostic[] = [];
    for (const [key, at] of places) {
      if (at.length < 2) continue;
      const route = byKey.get(key);
      if (!route) continue;
      const [first, second] = at as [number, number];
      const ignored = at.slice(1).map((i) => String(i + 1));
      const entryTarget = (i: number): DiagnosticTarget => {
        const node = order.items[i];
        return { pointer: encodePointer([X_ROOT, 'order', String(i)]), ...(node ? { range: ctx.doc.source.lines.range(node.start, node.end) } : {}), routeKey: key };
      };
      out.push({
        rule: 'route/duplicate',
        severity: 'error',
        message: `${ctx.label(route)} is listed ${at.length === 2 ? 'twice' : `${at.length} times`} in \`x-routecraft.order\` (entries ${listing(at.map((i) => String(i + 1)))}): a route is declared once, so ${ignored.length === 1 ? 'entry' : 'entries'} ${listing(ignored)} ${ignored.length === 1 ? 'is' : 'are'} ignored.`,
        target: entryTarget(second),
        related: [entryTarget(first), routeTarget(route)],
        fixes: [{ title: 'Remove the repeated entries from `x-routecraft.order`', intent: { op: 'moveRoute', route: key, to: ctx.index(route) - 1 } }],
      });
    }
    return out;
  },
};
