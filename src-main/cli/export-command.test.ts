import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import YAML from 'yaml';
import { runCli } from '../cli';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rc-cli-export-'));
/** A design Redocly's recommended rules have nothing against (servers, security, summaries, 4xx). */
const CLEAN = `openapi: 3.1.0
info:
  title: Clean
  version: "1"
  license: {name: MIT, identifier: MIT}
servers: [{url: https://api.routecraft.dev}]
security: [{key: []}]
x-routecraft: {profile: fastapi}
tags: [{name: Items, description: Items., x-routecraft-prefix: /api}]
paths:
  /api/items/{id}:
    get:
      tags: [Items]
      summary: One item
      operationId: get_item
      parameters: [{name: id, in: path, required: true, schema: {type: [integer, 'null']}, x-routecraft-convertor: int}]
      responses:
        '200': {description: The item.}
        '404': {description: No such item.}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key}
`;

describe('routecraft export', () => {
  test('writes the chosen version and format; warnings and lint findings go to stderr', async () => {
    const dir = tempDir();
    const design = path.join(dir, 'api.yaml');
    fs.writeFileSync(design, CLEAN);
    const out = path.join(dir, 'openapi.json');
    const result = await run('export', design, '--openapi', out, '--version', '3.0', '--strip-extensions');
    expect(result).toMatchObject({ code: 0, out: `wrote ${out} (OpenAPI 3.0.3, JSON)\n` });
    expect(result.err).toContain('warning export/not-expressible /info/license/identifier');
    const written = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(written.paths['/api/items/{id}'].get.parameters[0]).toEqual({ name: 'id', in: 'path', required: true, schema: { type: 'integer', nullable: true } });
    expect(written['x-routecraft']).toBeUndefined();
  }, 30_000);

  test('--as-framework documents what the framework adds; YAML from the extension', async () => {
    const dir = tempDir();
    const design = path.join(dir, 'api.yaml');
    fs.writeFileSync(design, CLEAN);
    const out = path.join(dir, 'out.yml');
    expect((await run('export', design, '--openapi', out, '--as-framework')).code).toBe(0);
    const written = YAML.parse(fs.readFileSync(out, 'utf8'));
    expect(Object.keys(written.paths['/api/items/{id}'].get.responses)).toEqual(['200', '404', '422']);
    expect(written.components.schemas.HTTPValidationError).toBeDefined();
    expect((await run('export', design, '--openapi', out, '--as-framework', '--profile', 'django-modern-rest', '--force')).code).toBe(0);
    expect(YAML.parse(fs.readFileSync(out, 'utf8')).openapi).toBe('3.2.0');
  }, 30_000);

  test('lint errors: nothing written and exit 1, unless --force', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'users.yaml');
    // A reference to a schema that does not exist: an error in Redocly's eyes and ours.
    const broken = path.join(dir, 'broken.yaml');
    fs.writeFileSync(broken, fs.readFileSync('fixtures/openapi/users-api.yaml', 'utf8').replace("#/components/schemas/User'", "#/components/schemas/Nobody'"));
    expect(fs.readFileSync(broken, 'utf8')).toContain('Nobody');
    const refused = await run('export', broken, '--openapi', out);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(new RegExp(`${out}:\\d+:\\d+: error redocly/`));
    expect(refused.err).toContain('not written');
    expect(fs.existsSync(out)).toBe(false);
    const forced = await run('export', broken, '--openapi', out, '--force');
    expect(forced.code).toBe(0);
    expect(forced.out).toMatch(/despite \d+ lint error/);
    expect(YAML.parse(fs.readFileSync(out, 'utf8')).openapi).toBe('3.1.0');
  }, 30_000);

  test('usage errors exit 2', async () => {
    expect((await run('export', 'fixtures/openapi/users-api.yaml')).code).toBe(2);
    expect((await run('export', 'fixtures/openapi/users-api.yaml', '--openapi', '/tmp/x.yaml', '--version', '2.0')).err).toContain('--version must be 3.0, 3.1, 3.2');
    expect((await run('export', 'fixtures/openapi/users-api.yaml', '--openapi', '/tmp/x.txt', '--format', 'xml')).code).toBe(2);
    expect((await run('export', 'fixtures/openapi/missing.yaml', '--openapi', '/tmp/x.yaml')).code).toBe(2);
    expect((await run('export', '--help')).out).toContain('--strip-extensions');
  });
});
