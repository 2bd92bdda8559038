import { encodePointer } from '../document/json-pointer';
import { asMap, asSeq, asString, getPair } from '../document/source-tree';
import type { Diagnostic, DiagnosticTarget } from '../model/diagnostic';
import { X_ROOT, parseRouteKey, routeKey } from '../model/x-routecraft';
import type { Rule } from './rule';
import { listing, routeTarget } from './rule-support';

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
    // Most documents repeat nothing: one pass with a Set, and the real work only when they do.
    const seen = new Set<string>();
    const repeated = new Set<string>();
    const keys = order.items.map((item) => {
      const parsed = parseRouteKey(asString(item) ?? '');
      const key = parsed ? routeKey(parsed.method, parsed.path) : undefined;
      if (key !== undefined) {
        if (seen.has(key)) repeated.add(key);
        else seen.add(key);
      }
      return key;
    });
    if (repeated.size === 0) return [];
    const byKey = new Map(ctx.model.routes.filter((r) => repeated.has(r.key)).map((r) => [r.key, r]));
    const entries = new Map<string, number[]>();
    keys.forEach((key, i) => {
      if (key === undefined || !byKey.has(key)) return;
      const list = entries.get(key);
      if (list) list.push(i);
      else entries.set(key, [i]);
    });
    const out: Diagnostic[] = [];
    for (const [key, at] of entries) {
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
