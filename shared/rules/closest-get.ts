import type { Route } from '../model/api-model';

/** A trie node of GET routes by path segment: the first two paths under it, overall and by length. */
interface GetNode<T> {
  children: Map<string, GetNode<T>>;
  any: T[];
  byLength: Map<number, T[]>;
}

/**
 * Finds, for a route, the GET route an example `Location` can point to (see `closest`). Built over
 * items that each lead to a route (`routeOf`) so that an owner keeping the index across edits (the
 * Validator) always answers with the current Route object.
 */
export class ClosestGetIndex<T> {
  private readonly root: GetNode<T> = { children: new Map(), any: [], byLength: new Map() };

  /** `items` in declaration order; those whose route is not a GET are skipped. */
  constructor(
    items: Iterable<T>,
    private readonly routeOf: (item: T) => Route,
  ) {
    const keep = (list: T[], item: T) => {
      const path = routeOf(item).path;
      if (list.length < 2 && !list.some((x) => routeOf(x).path === path)) list.push(item);
    };
    for (const item of items) {
      const r = routeOf(item);
      if (r.method !== 'get') continue;
      const segments = r.path.split('/');
      let node = this.root;
      for (let i = 1; i < segments.length; i++) {
        const key = segments[i] as string;
        let child = node.children.get(key);
        if (!child) node.children.set(key, (child = { children: new Map(), any: [], byLength: new Map() }));
        node = child;
        keep(node.any, item);
        let list = node.byLength.get(segments.length);
        if (!list) node.byLength.set(segments.length, (list = []));
        keep(list, item);
      }
    }
  }

  /**
   * The GET route sharing the most leading segments with `route` (at least the first), another path
   * than its own; on a tie the one as deep as it (`/users/me` → `/users/{user_id}`, not `/users`), then
   * the first declared.
   */
  closest(route: Route): Route | undefined {
    const segments = route.path.split('/');
    const trail: GetNode<T>[] = [];
    let node: GetNode<T> | undefined = this.root;
    for (let i = 1; i < segments.length && node; i++) {
      node = node.children.get(segments[i] as string);
      if (node) trail.push(node);
    }
    const other = (list: T[] | undefined) => {
      const found = list?.find((x) => this.routeOf(x).path !== route.path);
      return found === undefined ? undefined : this.routeOf(found);
    };
    for (let i = trail.length - 1; i >= 0; i--) {
      const n = trail[i] as GetNode<T>;
      const found = other(n.byLength.get(segments.length)) ?? other(n.any);
      if (found) return found;
    }
    return undefined;
  }
}
