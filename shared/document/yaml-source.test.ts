import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { parseYaml } from './yaml-source';

/** Where yaml's own `uniqueKeys` check reports repeated keys (parseYaml finds them itself, in linear time). */
function yamlDuplicates(text: string): number[] | undefined {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: false });
  if (doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) return undefined;
  return doc.errors.map((e) => e.pos[0]);
}

test('repeated keys are reported where yaml reports them, each with its whole key', () => {
  const key = fc.constantFrom('a', 'abc', '"a"', "'a'", '200', '"200"', 'true', '"true"', 'null', '~', '1.0', '1', '? [a]\n', '? {b: 1}\n');
  const value = fc.constantFrom('1', 'x', '{a: 1, a: 2}', '[1, 2]', '\n  a: 1\n  a: 2');
  fc.assert(
    fc.property(fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 6 }), (pairs) => {
      const text = pairs.map(([k, v]) => `${k}: ${v}\n`).join('');
      const expected = yamlDuplicates(text);
      if (expected === undefined) return;
      const problems = parseYaml(text).problems;
      expect(problems.map((p) => p.offset), text).toEqual(expected);
      for (const p of problems) expect(p).toMatchObject({ code: 'duplicate-key', message: 'Map keys must be unique' });
      for (const p of problems) expect(text.slice(p.offset, p.offset + p.length).length).toBeGreaterThan(0);
    }),
    { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 300) },
  );
});
