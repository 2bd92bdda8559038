// What Python's and TypeScript's double-quoted string literals share: printable ASCII is written
// as it is, quotes, backslashes and the common control characters have short escapes, and
// everything else is left to the language (what counts as visible, how code points are written).

/** Printable ASCII without a quote or a backslash: nothing to escape. */
const PLAIN_ASCII = /^[ !#-[\]-~]*$/;

/** What may need an escape: quotes, backslashes and everything outside printable ASCII. */
const ESCAPED = /[\\"]|[^ -~]/gu;

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Characters written as themselves inside a string literal: printable, not bidi or format controls. */
const VISIBLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

export function isVisible(ch: string): boolean {
  return VISIBLE.test(ch);
}

/** `"…"` with exactly `s` as its value; `escape` writes a character (one code point) that has no short escape. */
export function doubleQuoted(s: string, escape: (ch: string, codePoint: number) => string): string {
  if (PLAIN_ASCII.test(s)) return `"${s}"`;
  return `"${s.replace(ESCAPED, (ch) => SHORT_ESCAPES[ch] ?? escape(ch, ch.codePointAt(0) as number))}"`;
}
