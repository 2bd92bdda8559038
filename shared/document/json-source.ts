import type { ParseProblem } from './parse-problem';
import { SPair, shiftNode, type SMap, type SNode, type SScalar, type SSeq } from './source-tree';

/** Deeper nesting than this is hostile or broken input; refuse it instead of blowing the stack. */
export const MAX_DEPTH = 1000;

export interface JsonParse {
  root: SNode | undefined;
  problems: ParseProblem[];
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly code: ParseProblem['code'] = 'syntax',
  ) {
    super(message);
  }
}

/**
 * A hand-written JSON scanner that keeps every node's range. `JSON.parse` loses positions and
 * general-purpose parsers are several times slower on 13 MB documents such as GitHub's REST
 * description, which must open in well under a second.
 */
export function parseJson(text: string, from = 0): JsonParse {
  const scanner = new Scanner(text, from);
  const problems: ParseProblem[] = [];
  try {
    scanner.skipWs();
    if (scanner.pos >= text.length) {
      return { root: undefined, problems: [{ code: 'empty', message: 'The document is empty.', offset: 0, length: 0 }] };
    }
    const root = scanner.value(0);
    scanner.skipWs();
    if (scanner.pos < text.length) throw new JsonSyntaxError('Unexpected content after the end of the JSON value', scanner.pos);
    problems.push(...scanner.duplicates);
    return { root, problems };
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      problems.push({ code: e.code, message: e.message, offset: e.offset, length: 1 });
      return { root: undefined, problems };
    }
    throw e;
  }
}

/**
 * Parses exactly one JSON value starting at `from` (used to re-read one edited subtree). With `base`,
 * `text` is a piece of a larger text that starts at `base`, and offsets are given in that text;
 * `depth` is how deep in that text the value sits, so the nesting limit stays that of a full parse.
 */
export function parseJsonValueAt(text: string, from: number, base = 0, depth = 0): { node: SNode; end: number } {
  const scanner = new Scanner(text, from);
  scanner.skipWs();
  const node = scanner.value(depth);
  if (base !== 0) shiftNode(node, base);
  return { node, end: scanner.pos + base };
}

const QUOTE = 34;
const BACKSLASH = 92;

class Scanner {
  readonly duplicates: ParseProblem[] = [];

  constructor(
    private readonly text: string,
    public pos: number,
  ) {}

  skipWs(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 32 || c === 10 || c === 13 || c === 9) p++;
      else break;
    }
    this.pos = p;
  }

  value(depth: number): SNode {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(`Nesting deeper than ${MAX_DEPTH} levels`, this.pos, 'too-deep');
    const c = this.text.charCodeAt(this.pos);
    if (c === 123) return this.object(depth);
    if (c === 91) return this.array(depth);
    if (c === QUOTE) {
      const start = this.pos;
      const value = this.string();
      return { kind: 'scalar', start, end: this.pos, value } satisfies SScalar;
    }
    return this.literal();
  }

  private object(depth: number): SMap {
    const start = this.pos;
    this.pos++;
    const pairs: SPair[] = [];
    let seen: Set<string> | undefined;
    this.skipWs();
    if (this.text.charCodeAt(this.pos) === 125) {
      this.pos++;
      return { kind: 'map', start, end: this.pos, flow: true, pairs };
    }
    for (;;) {
      this.skipWs();
      if (this.text.charCodeAt(this.pos) !== QUOTE) throw this.expected('a property name in double quotes');
      const keyStart = this.pos;
      const key = this.string();
      const keyEnd = this.pos;
      this.skipWs();
      if (this.text.charCodeAt(this.pos) !== 58) throw this.expected("':' after the property name");
      this.pos++;
      this.skipWs();
      const value = this.value(depth + 1);
      // Small objects are checked by scanning; a Set only pays off for big ones (paths, schemas).
      if (pairs.length < 16) {
        for (const p of pairs) if (p.key === key) this.duplicate(key, keyStart, keyEnd);
      } else {
        if (!seen) seen = new Set(pairs.map((p) => p.key));
        if (seen.has(key)) this.duplicate(key, keyStart, keyEnd);
        seen.add(key);
      }
      pairs.push(new SPair(key, keyStart, keyEnd, value));
      this.skipWs();
      const c = this.text.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        continue;
      }
      if (c === 125) {
        this.pos++;
        return { kind: 'map', start, end: this.pos, flow: true, pairs };
      }
      throw this.expected("',' or '}'");
    }
  }

  private array(depth: number): SSeq {
    const start = this.pos;
    this.pos++;
    const items: SNode[] = [];
    this.skipWs();
    if (this.text.charCodeAt(this.pos) === 93) {
      this.pos++;
      return { kind: 'seq', start, end: this.pos, flow: true, items };
    }
    for (;;) {
      this.skipWs();
      items.push(this.value(depth + 1));
      this.skipWs();
      const c = this.text.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        continue;
      }
      if (c === 93) {
        this.pos++;
        return { kind: 'seq', start, end: this.pos, flow: true, items };
      }
      throw this.expected("',' or ']'");
    }
  }

  private string(): string {
    const t = this.text;
    const start = this.pos;
    let p = start + 1;
    let escaped = false;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        p += 2;
        continue;
      }
      if (Number.isNaN(c)) throw new JsonSyntaxError('Unterminated string', start);
      if (c < 32) throw new JsonSyntaxError('Control character in a string (escape it as \\n, \\t, …)', p);
      p++;
    }
    this.pos = p + 1;
    if (!escaped) return t.slice(start + 1, p);
    try {
      return JSON.parse(t.slice(start, p + 1)) as string;
    } catch {
      throw new JsonSyntaxError('Invalid escape sequence in a string', start);
    }
  }

  private literal(): SScalar {
    const t = this.text;
    const start = this.pos;
    if (t.startsWith('true', start)) return this.word(start, 4, true);
    if (t.startsWith('false', start)) return this.word(start, 5, false);
    if (t.startsWith('null', start)) return this.word(start, 4, null);
    let p = start;
    const c0 = t.charCodeAt(p);
    if (c0 === 45 || (c0 >= 48 && c0 <= 57)) {
      p++;
      for (;;) {
        const c = t.charCodeAt(p);
        if ((c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45) p++;
        else break;
      }
      const raw = t.slice(start, p);
      if (!/^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(raw)) throw new JsonSyntaxError(`Invalid number "${raw}"`, start);
      this.pos = p;
      return { kind: 'scalar', start, end: p, value: Number(raw) };
    }
    if (Number.isNaN(c0)) throw new JsonSyntaxError('Unexpected end of the document', start);
    throw this.expected('a value');
  }

  private word(start: number, length: number, value: boolean | null): SScalar {
    this.pos = start + length;
    return { kind: 'scalar', start, end: this.pos, value };
  }

  private expected(what: string): JsonSyntaxError {
    const c = this.text[this.pos];
    const found = c === undefined ? 'the end of the document' : `'${c}'`;
    return new JsonSyntaxError(`Expected ${what}, found ${found}`, this.pos);
  }

  private duplicate(key: string, keyStart: number, keyEnd: number): void {
    this.duplicates.push({
      code: 'duplicate-key',
      message: `Duplicate key "${key}": JSON readers disagree on which value wins; keep one`,
      offset: keyStart,
      length: keyEnd - keyStart,
    });
  }
}
