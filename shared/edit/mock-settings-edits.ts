import { asMap, asScalar, asSeq, asString, getAt, getPair, type SNode } from '../document/source-tree';
import { X_ROOT } from '../model/x-routecraft';
import { removeIfPresent, setValue, type EditContext } from './edit-context';
import { EditError } from './edit-error';
import { MOCK_SETTINGS_LIMITS, type EditIntent } from './edit-intent';

type Intent = Extract<EditIntent, { op: 'setMockSettings' }>;

const { maxLatencyMs: MAX_LATENCY_MS, maxCorsOrigins: MAX_CORS_ORIGINS, maxOriginLength: MAX_ORIGIN_LENGTH } = MOCK_SETTINGS_LIMITS;

const MOCK: readonly string[] = [X_ROOT, 'mock'];

/**
 * Writes the live mock's settings where the model reads them (`x-routecraft.mock.latencyMs` and
 * `.cors`), so they travel with the file and undo like any edit. Removing the last setting removes
 * the `mock` mapping too, and `x-routecraft` when nothing else is left in it.
 */
export function setMockSettings(ctx: EditContext, intent: Intent): void {
  const { tx } = ctx;
  const wanted: [key: 'latencyMs' | 'cors', value: unknown][] = [];
  if (intent.latencyMs !== undefined) wanted.push(['latencyMs', intent.latencyMs === null ? null : checkLatency(intent.latencyMs)]);
  if (intent.cors !== undefined) wanted.push(['cors', intent.cors === null || typeof intent.cors === 'string' ? checkCorsWord(intent.cors) : checkOrigins(intent.cors)]);

  const node = getAt(tx.current.root, MOCK);
  const mock = asMap(node);
  if (node !== undefined && !mock && !isNull(node)) throw new EditError('`x-routecraft.mock` is not a mapping; fix it in the code view first.');

  const sets = wanted.filter(([key, value]) => value !== null && !sameValue(mock && getPair(mock, key)?.value, value));
  const removals = wanted.filter(([key, value]) => value === null && mock && getPair(mock, key)).map(([key]) => key);
  if (sets.length === 0 && removals.length > 0 && mock && removals.length === mock.pairs.length) {
    removeMock(ctx);
    return;
  }
  for (const [key, value] of sets) setValue(tx, [...MOCK, key], value);
  for (const key of removals) removeIfPresent(tx, [...MOCK, key]);
}

function checkLatency(ms: number): number {
  if (!Number.isInteger(ms) || ms < 0) throw new EditError(`Latency is a whole number of milliseconds, 0 or more (not ${ms}).`);
  if (ms > MAX_LATENCY_MS) throw new EditError(`Latency of ${ms} ms is over the limit of ${MAX_LATENCY_MS} ms (one minute).`);
  return ms;
}

function checkCorsWord(cors: string | null): string | null {
  if (cors === null || cors === 'off' || cors === 'permissive') return cors;
  throw new EditError(`CORS is "off", "permissive" or a list of origins (not "${cors}").`);
}

/** Origins as a browser sends them in `Origin`: `scheme://host[:port]`, lower case, no path; `*` for any. */
function checkOrigins(origins: readonly string[]): string[] {
  if (origins.length > MAX_CORS_ORIGINS) throw new EditError(`At most ${MAX_CORS_ORIGINS} origins can be listed (${origins.length} given).`);
  const out: string[] = [];
  for (const raw of origins) {
    const origin = normalizeOrigin(raw);
    if (!out.includes(origin)) out.push(origin);
  }
  if (out.length === 0) throw new EditError('List at least one origin (such as http://localhost:3000), or turn CORS off.');
  return out;
}

export function normalizeOrigin(raw: string): string {
  const trimmed = raw.trim().replace(/\/$/, '');
  if (trimmed === '*' || trimmed === 'null') return trimmed;
  if (trimmed.length > MAX_ORIGIN_LENGTH || !/^[a-z][a-z0-9+.-]*:\/\/[^/\s?#@\\]+$/i.test(trimmed)) {
    throw new EditError(`"${raw.trim().slice(0, 200)}" is not an origin: write the scheme, host and port only, such as http://localhost:3000.`);
  }
  return trimmed.toLowerCase();
}

function removeMock(ctx: EditContext): void {
  const x = asMap(getAt(ctx.tx.current.root, [X_ROOT]));
  if (x && x.pairs.length === 1) removeIfPresent(ctx.tx, [X_ROOT]);
  else removeIfPresent(ctx.tx, MOCK);
}

function isNull(node: SNode): boolean {
  return node.kind === 'scalar' && node.value === null;
}

/** The node already holds `value` (a number, a word or a list of strings): nothing to write. */
function sameValue(node: SNode | undefined, value: unknown): boolean {
  if (node === undefined) return false;
  if (Array.isArray(value)) {
    const seq = asSeq(node);
    return seq !== undefined && seq.items.length === value.length && seq.items.every((item, i) => asString(item) === value[i]);
  }
  const scalar = asScalar(node);
  return scalar !== undefined && scalar === value;
}
