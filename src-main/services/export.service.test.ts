import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import YAML from 'yaml';
import type { Diagnostic } from '../../shared/model/diagnostic';
import { openDocument, type ApiDocument } from '../../shared/model/open-document';
import { BundleError, bundleDocument, ExportService, hasExternalRefs, inProcess, writeFileAtomic } from './export.service';
import type { DocumentLinter } from './redocly-lint.service';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'rc-export-'));
}

/** A linter that reports what it is given, so tests do not wait for Redocly. */
function fakeLinter(found: Diagnostic[] = []): DocumentLinter & { seen: ApiDocument[] } {
  const seen: ApiDocument[] = [];
  return {
    seen,
    lint: async (doc) => {
      seen.push(doc);
      return found;
    },
  };
}

const error: Diagnostic = { rule: 'redocly/struct', severity: 'error', message: 'bad', target: { pointer: '' } };
const users = fs.readFileSync('fixtures/openapi/users-api.yaml', 'utf8');

describe('ExportService', () => {
  test('lints the exported text, then writes it atomically', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'openapi.json');
    const linter = fakeLinter([{ ...error, severity: 'warning' }]);
    const result = await new ExportService(inProcess(linter)).exportToFile(openDocument(users), out, { version: '3.0', format: 'json' });
    expect(result).toMatchObject({ written: true, errors: 0, bundled: false });
    expect(fs.readFileSync(out, 'utf8')).toBe(result.export.text);
    expect(JSON.parse(result.export.text).openapi).toBe('3.0.3');
    expect(linter.seen[0]?.source.text).toBe(result.export.text);
    expect(fs.readdirSync(dir)).toEqual(['openapi.json']);
  });

  test('an export with lint errors is not written unless forced', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'openapi.yaml');
    fs.writeFileSync(out, 'previous\n');
    const refused = await new ExportService(inProcess(fakeLinter([error]))).exportToFile(openDocument(users), out);
    expect(refused).toMatchObject({ written: false, errors: 1 });
    expect(fs.readFileSync(out, 'utf8')).toBe('previous\n');
    const forced = await new ExportService(inProcess(fakeLinter([error]))).exportToFile(openDocument(users), out, { force: true });
    expect(forced.written).toBe(true);
    expect(fs.readFileSync(out, 'utf8')).toBe(forced.export.text);
  });

  test('exports of the fixtures have no Redocly findings of their own making', async () => {
    // Redocly's recommended rules flag the designs themselves (no servers, no security, no
    // summaries); what must never appear is a problem the conversion created.
    const service = new ExportService();
    for (const file of ['users-api.yaml', 'petstore.yaml', 'conversions-3.0.yaml', 'features-3.1.yaml']) {
      for (const version of ['3.0', '3.1', '3.2'] as const) {
        const { lint } = await service.render(openDocument(fs.readFileSync(`fixtures/openapi/${file}`, 'utf8')), { version });
        const made = lint.filter((d) => /struct|nullable-type-sibling|no-illogical-composition|spec|no-unresolved-refs/.test(d.rule) && !(file === 'conversions-3.0.yaml' && version === '3.0' && d.rule === 'redocly/nullable-type-sibling'));
        expect(made.map((d) => `${file} ${version}: ${d.rule} ${d.message}`)).toEqual([]);
      }
    }
  }, 60_000);
});

describe('bundling', () => {
  test('external references are inlined; a document without them is left as it is', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'schemas.yaml'), 'User:\n  type: object\n  properties:\n    id: {type: integer}\n');
    const main = path.join(dir, 'api.yaml');
    fs.writeFileSync(main, "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /u:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: './schemas.yaml#/User'}\n");
    const doc = openDocument(fs.readFileSync(main, 'utf8'));
    expect(hasExternalRefs(doc)).toBe(true);
    const { doc: bundled, bundled: did } = await bundleDocument(doc, main);
    expect(did).toBe(true);
    expect(hasExternalRefs(bundled)).toBe(false);
    const out = path.join(dir, 'out.yaml');
    const result = await new ExportService(inProcess(fakeLinter())).exportToFile(doc, out, { bundle: true, sourcePath: main });
    const written = YAML.parse(fs.readFileSync(out, 'utf8'));
    const ref = written.paths['/u'].get.responses['200'].content['application/json'].schema.$ref as string;
    expect(ref.startsWith('#/components/schemas/')).toBe(true);
    expect(written.components.schemas[ref.split('/').pop() as string]).toEqual({ type: 'object', properties: { id: { type: 'integer' } } });
    expect(result.bundled).toBe(true);
    const plain = openDocument(users);
    expect((await bundleDocument(plain, 'fixtures/openapi/users-api.yaml')).doc).toBe(plain);
  });

  test('references outside the document folder or on the network are refused', async () => {
    const dir = tempDir();
    const inner = path.join(dir, 'inner');
    fs.mkdirSync(inner);
    fs.writeFileSync(path.join(dir, 'secret.yaml'), 'User: {type: object}\n');
    const main = path.join(inner, 'api.yaml');
    const text = (ref: string) => `openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /u:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '${ref}'}\n`;
    await expect(bundleDocument(openDocument(text('../secret.yaml#/User')), main)).rejects.toThrow(BundleError);
    await expect(bundleDocument(openDocument(text('https://example.com/s.yaml#/User')), main)).rejects.toThrow(/remote/);
  });
});

describe('writeFileAtomic', () => {
  test('replaces the file whole and leaves no temporary file, also when it fails', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.yaml');
    await writeFileAtomic(file, 'one\n');
    await writeFileAtomic(file, 'two\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('two\n');
    fs.mkdirSync(path.join(dir, 'folder'));
    await expect(writeFileAtomic(path.join(dir, 'folder'), 'x')).rejects.toThrow(/EISDIR|directory/i);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.yaml', 'folder']);
  });
});
