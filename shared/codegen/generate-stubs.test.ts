import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDocument } from '../model/open-document';
import { generateStubs, STUB_TARGETS } from './generate-stubs';

/**
 * Golden files: the stubs of the fixture designs, file by file, in fixtures/stubs/<design>/<target>/.
 * django-modern-rest cannot be installed here, so its golden files are what was reviewed against
 * its documentation (README "Export and stubs"). Regenerate after an intended change with
 * `UPDATE_GOLDEN=1 npx vitest run shared/codegen` and review the diff.
 */
const DESIGNS = ['users-api.yaml', 'shop-api.yaml'];
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

describe.each(DESIGNS)('%s', (design) => {
  const text = fs.readFileSync(`fixtures/openapi/${design}`, 'utf8');
  const name = design.replace(/\.(yaml|json)$/, '');
  for (const target of STUB_TARGETS) {
    test(target, () => {
      const result = generateStubs(openDocument(text, { fileName: design }), target);
      const dir = `fixtures/stubs/${name}/${target}`;
      const actual = new Map([...result.files, ['WARNINGS.txt', result.warnings.map((w) => `${w}\n`).join('')]]);
      if (UPDATE) {
        fs.rmSync(dir, { recursive: true, force: true });
        for (const [file, contents] of actual) {
          fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
          fs.writeFileSync(path.join(dir, file), contents);
        }
      }
      const expected = listFiles(dir);
      expect([...actual.keys()].sort()).toEqual(expected);
      for (const [file, contents] of actual) expect(contents, `${dir}/${file} differs (UPDATE_GOLDEN=1 regenerates it)`).toBe(fs.readFileSync(path.join(dir, file), 'utf8'));
      // Deterministic: the same design gives the same bytes.
      expect(generateStubs(openDocument(text, { fileName: design }), target).files).toEqual(result.files);
    });
  }
});

test('the generated Python of every golden project compiles', () => {
  const files = DESIGNS.flatMap((d) => ['fastapi', 'django-modern-rest'].flatMap((t) => listFiles(`fixtures/stubs/${d.replace(/\.yaml$/, '')}/${t}`).filter((f) => f.endsWith('.py')).map((f) => `fixtures/stubs/${d.replace(/\.yaml$/, '')}/${t}/${f}`)));
  expect(files.length).toBeGreaterThan(10);
  // Compiled from a copy: py_compile writes __pycache__ beside what it compiles.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-golden-py-'));
  const copies = files.map((f, i) => {
    const dest = path.join(dir, `${i}.py`);
    fs.copyFileSync(f, dest);
    return dest;
  });
  execFileSync('/usr/bin/python3', ['-m', 'py_compile', ...copies], { stdio: 'pipe' });
});

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}
