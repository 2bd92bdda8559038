/** A request path split the way a framework sees it. */
export interface RequestPath {
  /** The path the framework matches against (decoded or raw, per profile). */
  path: string;
  /** The query string with its `?`, or ''. */
  query: string;
  segments: string[];
}

export function parseRequestPath(raw: string, decode: boolean, brokenEscapes: 'replace' | 'keep' = 'replace'): RequestPath {
  const q = raw.indexOf('?');
  const rawPath = q === -1 ? raw : raw.slice(0, q);
  // An empty query (`/a?`) is no query at all.
  const query = q === -1 || q === raw.length - 1 ? '' : raw.slice(q);
  const path = decode ? percentDecode(rawPath, brokenEscapes) : rawPath;
  return { path, query, segments: path.split('/').slice(1) };
}

/**
 * Percent-decoding as the server does it before routing: valid escapes become characters, `%2F`
 * included; escapes that are not valid UTF-8 become U+FFFD (uvicorn's `unquote`) or stay as written
 * (Django re-escapes broken bytes); malformed ones (`%zz`) stay.
 */
export function percentDecode(s: string, broken: 'replace' | 'keep' = 'replace'): string {
  if (!s.includes('%')) return s;
  return s.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      // Not valid UTF-8 as a whole: decode what can be decoded, escape by escape.
      return run.replace(/%[0-9a-fA-F]{2}/g, (one) => {
        const code = parseInt(one.slice(1), 16);
        return code < 0x80 ? String.fromCharCode(code) : broken === 'keep' ? one : '\uFFFD';
      });
    }
  });
}
