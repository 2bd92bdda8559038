/** Path template helpers the route rules share. */

const PARAM = /\{[^{}]*\}/g;

/** `/users/{id}` and `/users/{user_id}` both give `/users/{}`: the same template up to names. */
export function templateShape(path: string): string {
  return path.replace(PARAM, '{}');
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
