import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import YAML from 'yaml';
import { emitJson } from './emit-json';
import { emitYaml } from './emit-yaml';
import { fromPlain, toPlain, type OMap, type OValue } from './ordered-value';

/** Strings that trip YAML and JSON writers: indicators, look-alikes of other types, odd characters. */
const tricky = fc.oneof(
  fc.constantFrom('', ' ', 'yes', 'No', 'ON', 'null', '~', 'true', '1.0', '0x1f', '1e3', '.inf', '-.nan', '2001-12-14', '<<', '- a', '? a', ': a', 'a: b', 'a #b', '#c', '&a', '*a', '!tag', '%x', '@x', '`x`', '|', '>', '"q"', "'q'", '[a]', '{a}', 'a,b', '\t', 'a\n', '\na', 'a\n\n', ' a\nb', 'a \n b', '\u2028', '\u0085', '\ufeff', '\u0000', '\ud800', 'é', '日本', '---', '...', '/users/{id}', '$ref', 'x-routecraft'),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', ' ', '\n', ':', '#', '-', '"', "'", '\\', '\t', '{', '}', '\r'), maxLength: 10 }),
);

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tricky, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(tricky, tie('v'), { maxKeys: 4 })),
})).v;

describe('emitYaml', () => {
  test('reads back as the same value (yaml package, YAML 1.2 core schema)', () => {
    fc.assert(
      fc.property(value, (v) => {
        const text = emitYaml(fromPlain(v));
        expect(YAML.parse(text)).toEqual(normalise(v));
        // And under YAML 1.1 rules, which some tools still use (`yes`, `on`, octal, sexagesimal).
        expect(YAML.parse(text, { version: '1.1' })).toEqual(normalise(v));
      }),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 400) },
    );
  });

  test('keeps key order, integer-like keys included', () => {
    const m: OMap = new Map<string, OValue>([
      ['404', 'b'],
      ['200', 'a'],
      ['default', new Map([['z', 1], ['a', 2]])],
    ]);
    expect(emitYaml(m)).toBe('"404": b\n"200": a\ndefault:\n  z: 1\n  a: 2\n');
  });

  test('multi-line text as a literal block, indented under its key', () => {
    const m: OMap = new Map<string, OValue>([['d', new Map([['description', 'Line one.\n\nLine "two".\n']])]]);
    expect(emitYaml(m)).toBe('d:\n  description: |\n    Line one.\n\n    Line "two".\n');
    expect(emitYaml(new Map([['x', 'a\nb']]))).toBe('x: |-\n  a\n  b\n');
  });
});

describe('emitJson', () => {
  test('is JSON.stringify(…, null, 2) of the same value, with its key order', () => {
    fc.assert(
      fc.property(value, (v) => {
        const text = emitJson(fromPlain(v));
        expect(JSON.parse(text)).toEqual(normalise(v));
      }),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 400) },
    );
    const plain = { a: [1, { b: 'x' }], c: {}, d: [] };
    expect(emitJson(fromPlain(plain))).toBe(`${JSON.stringify(plain, null, 2)}\n`);
    expect(emitJson(new Map<string, OValue>([['201', 1], ['200', 2]]))).toBe('{\n  "201": 1,\n  "200": 2\n}\n');
  });
});

/** What a JSON round trip gives: -0 becomes 0. */
function normalise(v: unknown): unknown {
  return toPlain(fromPlain(JSON.parse(JSON.stringify(v) ?? 'null')));
}
