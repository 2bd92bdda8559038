/** A request path split the way a framework sees it. */
export interface RequestPath {
  /** The path the framework matches against (decoded or raw, per profile). */
  path: string;
  /** The query string with its `?`, or ''. */
  query: string;
  segments: string[];
}

export function parseRequestPath(raw: string, decode: boolean): RequestPath {
  const q = raw.indexOf('?');
  const rawPath = q === -1 ? raw : raw.slice(0, q);
  const query = q === -1 ? '' : raw.slice(q);
  const path = decode ? percentDecode(rawPath) : rawPath;
  return { path, query, segments: path.split('/').slice(1) };
}

/**
 * Percent-decoding as Python's `urllib.parse.unquote` does it (what Starlette and Django see):
 * valid escapes become characters, `%2F` included; invalid ones stay as written.
 */
export function percentDecode(s: string): string {
  if (!s.includes('%')) return s;
  return s.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      // Not valid UTF-8 as a whole: decode what can be decoded, escape by escape.
      return run.replace(/%[0-9a-fA-F]{2}/g, (one) => {
        const code = parseInt(one.slice(1), 16);
        return code < 0x80 ? String.fromCharCode(code) : '\uFFFD';
      });
    }
  });
}
