import type { RouteRow } from '../../../shared/view/design-view';

/** Why `path` cannot be this route's path yet (what the field says while you type), or null. */
export function pathProblem(path: string, route: { key: string; method: string }, routes: readonly RouteRow[] | undefined): string | null {
  if (!path.startsWith('/')) return 'A path starts with “/”.';
  if (/\s/.test(path)) return 'A path has no spaces.';
  let depth = 0;
  for (const c of path) {
    if (c === '{') depth++;
    if (c === '}') depth--;
    if (depth < 0 || depth > 1) return 'Braces do not pair up.';
  }
  if (depth !== 0) return 'A “{” is not closed yet.';
  if (/\{\}/.test(path)) return 'A parameter needs a name: {name}.';
  const key = `${route.method.toUpperCase()} ${path}`;
  if (key !== route.key && routes?.some((r) => r.key === key)) return `${key} exists already.`;
  return null;
}
