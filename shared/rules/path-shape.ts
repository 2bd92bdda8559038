/** Path template helpers the route rules share. */

const PARAM = /\{[^{}]*\}/g;

// The last path asked for: several groupings ask for the same route's shape in turn, and the routes
// of one path item follow each other.
let lastPath: string | undefined;
let lastShape = '';

/** `/users/{id}` and `/users/{user_id}` both give `/users/{}`: the same template up to names. */
export function templateShape(path: string): string {
  if (path !== lastPath) {
    lastShape = path.includes('{') ? path.replace(PARAM, '{}') : path;
    lastPath = path;
  }
  return lastShape;
}

/** `/users/` but not `/`. */
export function hasTrailingSlash(path: string): boolean {
  return path.length > 1 && path.endsWith('/');
}

export function withoutTrailingSlash(path: string): string {
  return hasTrailingSlash(path) ? path.replace(/\/+$/, '') || '/' : path;
}

/** Groups items by a key, keeping first-seen order of groups and items. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
