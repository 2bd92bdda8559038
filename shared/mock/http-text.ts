/** Small HTTP text helpers that need no runtime library (shared/ has no TextEncoder types). */

/** Bytes of `s` in UTF-8: what `Content-Length` says. Lone surrogates count as U+FFFD (3 bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function isHeaderName(name: string): boolean {
  return TOKEN.test(name);
}

/**
 * A value as a header can carry it: examples may be numbers, lists or text with line breaks or
 * non-ASCII letters, and a server refuses to send those as they are. Line breaks become spaces,
 * other characters outside visible ASCII are percent-encoded.
 */
export function headerValue(value: unknown): string {
  const text = typeof value === 'string' ? value : Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ') : (JSON.stringify(value) ?? String(value));
  return text.replace(/[\r\n]+/g, ' ').replace(/[^\t\x20-\x7e]/gu, (c) => {
    try {
      return encodeURIComponent(c);
    } catch {
      return '%EF%BF%BD'; // a lone surrogate: U+FFFD
    }
  });
}

/** `application/json`, `application/problem+json`, `text/json`: bodies written as JSON. */
export function isJsonMediaType(mediaType: string): boolean {
  const base = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  return base === 'application/json' || base === 'text/json' || base.endsWith('+json') || base === '*/*' || base === 'application/*';
}

/**
 * The declared media type that best fits `Accept`: the first one accepted at the highest quality,
 * else the first declared (FastAPI ignores `Accept`; a mock that answered 406 would only confuse).
 */
export function chooseMediaType<T extends { mediaType: string }>(content: readonly T[], accept: string | undefined): T | undefined {
  if (content.length <= 1 || !accept) return content[0];
  const ranges = accept
    .split(',')
    .map((part) => {
      const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return { range, q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((r) => r.range !== '' && r.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { range } of ranges) {
    const hit = content.find((c) => mediaMatches(range, (c.mediaType.split(';')[0] ?? '').trim().toLowerCase()));
    if (hit) return hit;
  }
  return content[0];
}

function mediaMatches(range: string, type: string): boolean {
  if (range === '*/*' || range === type) return true;
  if (range.endsWith('/*')) return type.startsWith(range.slice(0, -1));
  return false;
}

/** The body text for a value of a media type: JSON for JSON types and for structured values. */
export function serializeBody(value: unknown, mediaType: string): string {
  if (typeof value === 'string' && !isJsonMediaType(mediaType)) return value;
  return JSON.stringify(value) ?? '';
}

/** The `Content-Type` to send: `*` wildcards in the declared type are not sendable. */
export function contentTypeFor(mediaType: string): string {
  const base = (mediaType.split(';')[0] ?? '').trim();
  if (base.includes('*')) return 'application/json';
  if (/^text\//i.test(base) && !/charset=/i.test(mediaType)) return `${mediaType}; charset=utf-8`;
  return mediaType;
}
