import { parseRouteKey, routeKey } from '../model/x-routecraft';

/** `x-routecraft.order` read as route keys (undefined: not "METHOD /path"), and which keys repeat. */
export interface OrderKeys {
  readonly entries: readonly (string | undefined)[];
  readonly keys: readonly (string | undefined)[];
  readonly repeated: ReadonlySet<string>;
  /** How many entries name each key. */
  readonly counts: ReadonlyMap<string, number>;
}

/**
 * Reads the entries of the order list. Given the reading of an earlier list (which it may take
 * over: it is not to be used again), only the entries between the unchanged start and end of the
 * list are read: an edit that renames, adds or moves one route changes one or two entries of
 * thousands, and reading one is a regular expression.
 */
export function readOrderKeys(entries: readonly (string | undefined)[], previous?: OrderKeys): OrderKeys {
  const counts = previous ? (previous.counts as Map<string, number>) : new Map<string, number>();
  const repeated = previous ? (previous.repeated as Set<string>) : new Set<string>();
  const old = previous?.entries ?? [];
  const oldKeys = previous?.keys ?? [];
  let head = 0;
  while (head < old.length && head < entries.length && old[head] === entries[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < entries.length - head && old[old.length - 1 - tail] === entries[entries.length - 1 - tail]) tail++;
  const count = (key: string | undefined, by: number) => {
    if (key === undefined) return;
    const n = (counts.get(key) ?? 0) + by;
    if (n > 0) counts.set(key, n);
    else counts.delete(key);
    if (n > 1) repeated.add(key);
    else repeated.delete(key);
  };
  for (let i = head; i < old.length - tail; i++) count(oldKeys[i], -1);
  const middle = entries.slice(head, entries.length - tail).map((entry) => {
    const parsed = parseRouteKey(entry ?? '');
    const key = parsed ? routeKey(parsed.method, parsed.path) : undefined;
    count(key, 1);
    return key;
  });
  const keys = head === 0 && tail === 0 ? middle : [...oldKeys.slice(0, head), ...middle, ...oldKeys.slice(old.length - tail)];
  return { entries, keys, repeated, counts };
}
