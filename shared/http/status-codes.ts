/**
 * HTTP status codes as a designer picks them: the registered codes (IANA registry, RFC 9110
 * names), the ranges OpenAPI allows (`2XX`) and `default`, each with what choosing it implies
 * for the response (no body, a `Location` header).
 */

/** The class a status belongs to: `1`–`5`, or `other` for `default` and anything unknown. */
export type StatusClass = '1' | '2' | '3' | '4' | '5' | 'other';

export interface StatusClassInfo {
  id: StatusClass;
  /** "2xx Success" */
  label: string;
}

export const STATUS_CLASSES: readonly StatusClassInfo[] = [
  { id: '1', label: '1xx Informational' },
  { id: '2', label: '2xx Success' },
  { id: '3', label: '3xx Redirection' },
  { id: '4', label: '4xx Client error' },
  { id: '5', label: '5xx Server error' },
  { id: 'other', label: 'Any other status' },
];

/** What a status says about the response it names. */
export interface StatusFacts {
  /** As written in `responses`: "302", "2XX", "default". */
  status: string;
  /** "Found"; "Any 2xx status" for a range; "" for an unregistered code. */
  name: string;
  class: StatusClass;
  /** True when the response can never carry content (RFC 9110: 1xx, 204, 205, 304). */
  noBody: boolean;
  /** `required`: a client needs it (redirects); `expected`: it should say where the new resource is (201). */
  location: 'required' | 'expected' | null;
  /** A short plain-words note of what choosing it implies, for the picker. */
  note: string;
}

const NAMES: Record<string, string> = {
  '100': 'Continue',
  '101': 'Switching Protocols',
  '102': 'Processing',
  '103': 'Early Hints',
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '203': 'Non-Authoritative Information',
  '204': 'No Content',
  '205': 'Reset Content',
  '206': 'Partial Content',
  '207': 'Multi-Status',
  '208': 'Already Reported',
  '226': 'IM Used',
  '300': 'Multiple Choices',
  '301': 'Moved Permanently',
  '302': 'Found',
  '303': 'See Other',
  '304': 'Not Modified',
  '305': 'Use Proxy',
  '307': 'Temporary Redirect',
  '308': 'Permanent Redirect',
  '400': 'Bad Request',
  '401': 'Unauthorized',
  '402': 'Payment Required',
  '403': 'Forbidden',
  '404': 'Not Found',
  '405': 'Method Not Allowed',
  '406': 'Not Acceptable',
  '407': 'Proxy Authentication Required',
  '408': 'Request Timeout',
  '409': 'Conflict',
  '410': 'Gone',
  '411': 'Length Required',
  '412': 'Precondition Failed',
  '413': 'Content Too Large',
  '414': 'URI Too Long',
  '415': 'Unsupported Media Type',
  '416': 'Range Not Satisfiable',
  '417': 'Expectation Failed',
  '418': "I'm a teapot",
  '421': 'Misdirected Request',
  '422': 'Unprocessable Content',
  '423': 'Locked',
  '424': 'Failed Dependency',
  '425': 'Too Early',
  '426': 'Upgrade Required',
  '428': 'Precondition Required',
  '429': 'Too Many Requests',
  '431': 'Request Header Fields Too Large',
  '451': 'Unavailable For Legal Reasons',
  '500': 'Internal Server Error',
  '501': 'Not Implemented',
  '502': 'Bad Gateway',
  '503': 'Service Unavailable',
  '504': 'Gateway Timeout',
  '505': 'HTTP Version Not Supported',
  '506': 'Variant Also Negotiates',
  '507': 'Insufficient Storage',
  '508': 'Loop Detected',
  '510': 'Not Extended',
  '511': 'Network Authentication Required',
};

/** Notes for codes whose meaning a designer often gets wrong; the class note covers the rest. */
const NOTES: Record<string, string> = {
  '200': 'The usual success answer, with a body.',
  '201': 'Something was created: a Location header should say where it is.',
  '202': 'Accepted for later processing; the result is not known yet.',
  '204': 'Success with no body at all.',
  '205': 'Tells the client to reset its form; no body.',
  '206': 'Part of the content, for range requests.',
  '301': 'Moved for good; clients may change POST to GET. Needs a Location header.',
  '302': 'Moved for now; clients may change POST to GET. Needs a Location header.',
  '303': 'See another URL with GET (after a POST, say). Needs a Location header.',
  '304': 'The client’s cached copy is still good; no body, not a redirect.',
  '305': 'Deprecated; do not use. Needs a Location header.',
  '307': 'Moved for now; the method and body are kept. Needs a Location header.',
  '308': 'Moved for good; the method and body are kept. Needs a Location header.',
  '400': 'The request is malformed.',
  '401': 'Not signed in (send WWW-Authenticate).',
  '403': 'Signed in but not allowed.',
  '404': 'Nothing at this URL.',
  '405': 'The path exists but not with this method (send Allow).',
  '409': 'Conflicts with the current state (a duplicate, say).',
  '422': 'Well-formed but invalid: FastAPI’s validation error.',
  '429': 'Rate limited (send Retry-After).',
  '500': 'The server failed.',
  '503': 'Down for now (send Retry-After).',
};

const CLASS_NOTES: Record<StatusClass, string> = {
  '1': 'Informational, sent before the final answer; no body.',
  '2': 'Success.',
  '3': 'A redirect: needs a Location header.',
  '4': 'The client made a mistake.',
  '5': 'The server failed.',
  other: 'Every status not listed separately.',
};

const RANGE_NAMES: Record<string, string> = {
  '1XX': 'Any 1xx status',
  '2XX': 'Any 2xx status',
  '3XX': 'Any 3xx status',
  '4XX': 'Any 4xx status',
  '5XX': 'Any 5xx status',
};

/** Valid keys of an OpenAPI `responses` map: 100–599, `1XX`–`5XX`, `default`. */
export const STATUS_KEY = /^([1-5]\d\d|[1-5]XX|default)$/;

export function isStatusKey(status: string): boolean {
  return STATUS_KEY.test(status);
}

export function statusClassOf(status: string): StatusClass {
  return /^[1-5](\d\d|XX)$/.test(status) ? (status[0] as StatusClass) : 'other';
}

/** The facts of any status key, registered or not. */
export function statusFacts(status: string): StatusFacts {
  const cls = statusClassOf(status);
  const numeric = /^\d{3}$/.test(status);
  const noBody = numeric && (cls === '1' || status === '204' || status === '205' || status === '304');
  const location = numeric && cls === '3' && status !== '304' ? 'required' : status === '201' ? 'expected' : null;
  const name = NAMES[status] ?? RANGE_NAMES[status] ?? (status === 'default' ? 'Any other status' : '');
  let note = NOTES[status] ?? CLASS_NOTES[cls];
  if (status === 'default') note = 'Every status not listed: usually the error shape.';
  else if (!numeric && cls !== 'other') note = `Every ${cls}xx status not listed separately.`;
  else if (numeric && status === '300') note = 'Several choices; a Location header names the preferred one.';
  return { status, name, class: cls, noBody, location, note };
}

/** "302 Found", "2XX (any 2xx status)", "299". */
export function statusLabel(status: string): string {
  const { name } = statusFacts(status);
  if (name === '') return status;
  return /^\d{3}$/.test(status) ? `${status} ${name}` : `${status} (${name.toLowerCase()})`;
}

/** Every status the picker offers, in order: registered codes, then the ranges, then `default`. */
export const PICKABLE_STATUSES: readonly StatusFacts[] = [...Object.keys(NAMES), ...Object.keys(RANGE_NAMES), 'default'].map(statusFacts);

/** Numeric order, each range after its codes, `default` last: where a reader looks for a status. */
export function statusRank(status: string): number {
  if (status === 'default') return 1000;
  if (/^[1-5]XX$/.test(status)) return Number(status[0]) * 100 + 99.5;
  const n = Number(status);
  return Number.isFinite(n) ? n : 2000;
}

export function compareStatus(a: string, b: string): number {
  return statusRank(a) - statusRank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Why a response to `method` with `status` has no body, or null when it may have one. */
export function noBodyReason(status: string, method?: string): string | null {
  if (method?.toLowerCase() === 'head') return 'A response to HEAD has no body: the client gets the headers only.';
  const facts = statusFacts(status);
  if (!facts.noBody) return null;
  if (facts.class === '1') return `A ${status} response has no body: informational responses come before the real answer.`;
  if (status === '304') return 'A 304 response has no body: it tells the client its cached copy is still good.';
  return `A ${status} response has no body: “${facts.name}” means exactly that.`;
}

export interface StatusMatch extends StatusFacts {
  /** Higher is better: the best match is the one Enter picks. */
  score: number;
}

/**
 * The statuses that match what the user typed, by number ("30" → 300–308, "3xx" → the 3xx class
 * and its range), by name ("found" → 302 Found, 404 Not Found) or by what they imply ("redirect",
 * "no body"), in picker order. A valid code that is not registered ("299") is offered too.
 */
export function searchStatuses(query: string): StatusMatch[] {
  const q = query.trim().toLowerCase();
  const out: StatusMatch[] = [];
  for (const facts of PICKABLE_STATUSES) {
    const score = matchScore(facts, q);
    if (score > 0) out.push({ ...facts, score });
  }
  const custom = q.toUpperCase();
  if (/^[1-5]\d\d$/.test(custom) && !out.some((m) => m.status === custom)) out.push({ ...statusFacts(custom), score: 100 });
  return out.sort((a, b) => compareStatus(a.status, b.status));
}

/** The match Enter picks: the best score, the first in picker order on a tie. */
export function bestMatch<T extends { score: number }>(matches: readonly T[], usable: (m: T) => boolean = () => true): T | undefined {
  let best: T | undefined;
  for (const m of matches) if (usable(m) && (!best || m.score > best.score)) best = m;
  return best;
}

function matchScore(facts: StatusFacts, q: string): number {
  if (q === '') return 1;
  const status = facts.status.toLowerCase();
  const name = facts.name.toLowerCase();
  if (status === q) return 100;
  // "3xx" or "3XX": the whole class, the range first.
  if (/^[1-5]xx$/.test(q)) return facts.class === q[0] ? (status === q ? 100 : 50) : 0;
  if (/^\d+$/.test(q)) return status.startsWith(q) ? 60 : 0;
  if (name === q) return 90;
  const label = `${status} ${name}`;
  if (label.startsWith(q)) return 80;
  if (name.startsWith(q)) return 70;
  if (name.split(/[\s-]+/).some((word) => word.startsWith(q))) return 40;
  if (name.includes(q)) return 30;
  if (facts.note.toLowerCase().includes(q)) return 10;
  return 0;
}
