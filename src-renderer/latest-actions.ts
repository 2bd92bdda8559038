/**
 * An object with the same functions as `ref.current` that never changes: each calls the function
 * `ref.current` has when called. The app's actions are closures made anew at every render; a
 * component handed this object instead can be memoised, and it still acts on the newest state.
 */
export function latestActions<T extends object>(ref: { readonly current: T }): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(ref.current)) {
    out[key] = (...args: unknown[]) => (ref.current as Record<string, (...a: unknown[]) => unknown>)[key]?.(...args);
  }
  return out as T;
}
