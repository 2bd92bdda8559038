import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { openDocument } from '../model/open-document';
import { hostileDesign, hostileDocument } from '../testing/hostile-design';
import { generateStubs, STUB_TARGETS } from './generate-stubs';

/**
 * DESIGN §7: names and strings from a design that end up in generated code are escaped, and the
 * generated code always parses. Random designs full of hostile strings (quotes, triple quotes,
 * backslashes, line breaks, comment and template delimiters, keywords, bidi controls, lone
 * surrogates, deep nesting) are generated for every target; then all their Python is compiled by
 * one `python3 -m py_compile` and all their TypeScript type-checked by one `tsc`, for speed.
 * A failure names the design (its JSON is written beside the report) and the compiler's output.
 */

const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 40);
const PYTHON = '/usr/bin/python3';
const TSC = path.resolve('node_modules/.bin/tsc');

test('generated Python always compiles and generated TypeScript always type-checks', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-codegen-property-'));
  fs.symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'), 'dir');
  const designs = fc.sample(hostileDesign, { numRuns: RUNS, seed: Number(process.env['PROPERTY_SEED'] ?? 7) });
  const pythonFiles: string[] = [];
  designs.forEach((d, i) => {
    const text = hostileDocument(d);
    const dir = path.join(root, `case-${i}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'design.json'), text);
    const doc = openDocument(text, { format: 'json' });
    for (const target of STUB_TARGETS) {
      let files: Map<string, string>;
      try {
        files = generateStubs(doc, target).files;
      } catch (e) {
        throw new Error(`${target} failed on ${path.join(dir, 'design.json')}: ${e instanceof Error ? e.stack : String(e)}`, { cause: e });
      }
      for (const [file, contents] of files) {
        const dest = path.join(dir, target, file);
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.writeFileSync(dest, contents);
        if (file.endsWith('.py')) pythonFiles.push(dest);
      }
    }
  });
  fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true, types: ['node'] }, include: ['case-*/express/src/**/*.ts'] }));

  const run = async (cmd: string, args: string[]) => {
    try {
      await promisify(execFile)(cmd, args, { maxBuffer: 64 << 20 });
      return '';
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; message: string };
      return `${err.stdout ?? ''}${err.stderr ?? ''}` || err.message;
    }
  };
  const [python, typescript] = await Promise.all([run(PYTHON, ['-m', 'py_compile', ...pythonFiles]), run(TSC, ['-p', root])]);
  expect(python, `py_compile failed (designs in ${root}):\n${python.slice(0, 4000)}`).toBe('');
  expect(typescript, `tsc failed (designs in ${root}):\n${typescript.slice(0, 4000)}`).toBe('');
  expect(pythonFiles.length).toBeGreaterThan(RUNS * 4);
}, 120_000);
