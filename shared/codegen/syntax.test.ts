import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pyLiteral, pySnake, pyString } from './python-syntax';
import { tsLiteral, tsString } from './ts-syntax';

const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 300);
/** Characters that must never appear raw in generated source: controls, line separators, bidi controls, lone surrogates. */
// oxlint-disable-next-line no-control-regex -- control characters are what it looks for
const INVISIBLE = /[\u0000-\u001f\u007f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/u;
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\r', "'", '\u2028', '\u202e', '\u0000', '\u0085', 'é', '🦄', '\ud800', 'a', '{', '}', '$', '`'), maxLength: 12 }));
/** What a string is once in Python: lone surrogates become U+FFFD (they cannot be encoded there). */
const wellFormed = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

describe('Python literals', () => {
  test('pyString and pyLiteral read back as the same value in Python, and keep the source printable ASCII or visible', () => {
    const strings = fc.sample(text, { numRuns: RUNS, seed: 1 });
    const values = fc.sample(fc.jsonValue({ maxDepth: 3 }), { numRuns: 100, seed: 2 });
    const program = [
      'import json, sys',
      'out = []',
      ...strings.map((s) => `out.append(${pyString(s)})`),
      ...values.map((v) => `out.append(${pyLiteral(v, '')})`),
      'sys.stdout.write(json.dumps(out))',
    ].join('\n');
    for (const s of strings) expect(pyString(s)).not.toMatch(INVISIBLE);
    const back = JSON.parse(execFileSync('/usr/bin/python3', ['-c', program], { encoding: 'utf8', maxBuffer: 1 << 24 })) as unknown[];
    expect(back.slice(0, strings.length)).toEqual(strings.map(wellFormed));
    expect(back.slice(strings.length)).toEqual(values);
  });

  test('names are identifiers and never keywords', () => {
    for (const [raw, name] of [
      ['listUsers', 'list_users'],
      ['class', 'class_'],
      ['1st', 'op_1st'],
      ['"""', 'op'],
      ['HTTPServer', 'http_server'],
    ]) expect(pySnake(raw as string, 'op')).toBe(name);
  });
});

describe('TypeScript literals', () => {
  test('tsString and tsLiteral evaluate to the same value', () => {
    fc.assert(
      fc.property(text, fc.jsonValue({ maxDepth: 3 }), (s, v) => {
        expect(new Function(`return ${tsString(s)};`)()).toBe(s);
        expect(tsString(s)).not.toMatch(INVISIBLE);
        expect(new Function(`return ${tsLiteral(v)};`)()).toEqual(v);
      }),
      { numRuns: RUNS },
    );
    // A `__proto__` key stays a property, it does not become the prototype.
    const proto = new Function(`return ${tsLiteral(JSON.parse('{"__proto__": {"x": 1}}'))};`)() as object;
    expect(Object.keys(proto)).toEqual(['__proto__']);
  });
});
