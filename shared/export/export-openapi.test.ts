import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import YAML from 'yaml';
import { openDocument } from '../model/open-document';
import { exportOpenApi, ExportError, type ExportOptions, type ExportResult } from './export-openapi';

/**
 * Golden files (Mockoon's way): every fixture design exported in every variant below is compared
 * byte for byte with fixtures/export/<design>/<variant>. After an intended change, regenerate them
 * with `UPDATE_GOLDEN=1 npx vitest run shared/export` and review the diff.
 */
const DESIGNS = ['users-api.yaml', 'petstore.yaml', 'conversions-3.0.yaml', 'features-3.1.yaml', 'features-3.2.yaml'];
const VARIANTS: Record<string, ExportOptions> = {
  '3.0.yaml': { version: '3.0', format: 'yaml' },
  '3.1.yaml': { version: '3.1', format: 'yaml' },
  '3.2.yaml': { version: '3.2', format: 'yaml' },
  '3.1.json': { version: '3.1', format: 'json' },
  'as-fastapi.yaml': { asFramework: 'fastapi', format: 'yaml' },
  'as-django-modern-rest.yaml': { asFramework: 'django-modern-rest', format: 'yaml' },
  'stripped.yaml': { stripExtensions: true, format: 'yaml' },
};
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

function golden(file: string, actual: string): void {
  if (UPDATE) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
  }
  expect(actual, `${file} differs (UPDATE_GOLDEN=1 regenerates it)`).toBe(fs.readFileSync(file, 'utf8'));
}

function warningsText(result: ExportResult): string {
  return result.warnings.map((w) => `${w.pointer}: ${w.message}\n`).join('');
}

describe.each(DESIGNS)('%s', (design) => {
  const text = fs.readFileSync(`fixtures/openapi/${design}`, 'utf8');
  const name = design.replace(/\.(yaml|json)$/, '');
  for (const [variant, options] of Object.entries(VARIANTS)) {
    test(variant, () => {
      const result = exportOpenApi(openDocument(text, { fileName: design }), options);
      golden(`fixtures/export/${name}/${variant}`, result.text);
      golden(`fixtures/export/${name}/${variant.replace(/\.(yaml|json)$/, '')}.warnings.txt`, warningsText(result));
      // Deterministic: a second export of a fresh read gives the same bytes.
      expect(exportOpenApi(openDocument(text, { fileName: design }), options).text).toBe(result.text);
      // Readable by other tools, and by Routecraft itself, as the version it says.
      const parsed = options.format === 'json' ? JSON.parse(result.text) : YAML.parse(result.text, { version: '1.1' });
      expect(parsed.openapi).toBe(result.openapi);
      const again = openDocument(result.text);
      expect(again.diagnostics).toEqual([]);
      expect(again.model.version).toBe(result.version);
    });
  }
});

describe('conversions', () => {
  const ofYaml = (text: string, options: ExportOptions) => YAML.parse(exportOpenApi(openDocument(text), { ...options, format: 'yaml' }).text);

  test('3.0 → 3.1: nullable, exclusive bounds and example become 2020-12 keywords', () => {
    const out = ofYaml(fs.readFileSync('fixtures/openapi/conversions-3.0.yaml', 'utf8'), { version: '3.1' });
    const item = out.components.schemas.Item.properties;
    expect(item.note).toEqual({ type: ['string', 'null'] });
    expect(item.kind).toEqual({ type: ['string', 'null'], enum: ['a', 'b', null] });
    expect(item.name).toEqual({ type: 'string', examples: ['Seven'] });
    expect(item.id).toEqual({ type: 'integer', exclusiveMaximum: 1000 });
    expect(item.owner).toEqual({ anyOf: [{ $ref: '#/components/schemas/Owner' }, { type: 'null' }] });
    expect(out.paths['/items/{item_id}'].parameters[0].schema).toEqual({ type: 'integer', exclusiveMinimum: 0, examples: [7] });
  });

  test('3.1 → 3.0: type arrays, const, examples and $ref siblings, with a warning for each loss', () => {
    const result = exportOpenApi(openDocument(fs.readFileSync('fixtures/openapi/features-3.1.yaml', 'utf8')), { version: '3.0', format: 'yaml' });
    const out = YAML.parse(result.text);
    const thing = out.components.schemas.Thing.properties;
    expect(thing.name).toEqual({ type: 'string', nullable: true, example: 'Widget' });
    expect(thing.kind).toEqual({ enum: ['thing'] });
    expect(thing.either).toEqual({ anyOf: [{ type: 'integer', nullable: true }, { type: 'boolean', nullable: true }] });
    expect(thing.nothing).toEqual({ type: 'string', nullable: true, enum: [null] });
    expect(thing.id).toEqual({ type: 'integer', minimum: 0, exclusiveMinimum: true });
    expect(thing.blob).toEqual({ type: 'string', format: 'byte' });
    expect(out.paths['/things'].get.operationId).toBe('list_things');
    expect(out.webhooks).toBeUndefined();
    expect(out.components.securitySchemes).toEqual({ key: { type: 'apiKey', in: 'header', name: 'X-Key' } });
    const pointers = result.warnings.map((w) => w.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/info/summary', '/webhooks', '/components/schemas/Thing/properties/name', '/components/schemas/Thing/properties/extra/patternProperties', '/components/securitySchemes/mtls']));
  });

  test('3.2 → 3.1: QUERY, querystring parameters, item schemas and tag hierarchy are listed as dropped', () => {
    const result = exportOpenApi(openDocument(fs.readFileSync('fixtures/openapi/features-3.2.yaml', 'utf8')), { version: '3.1', format: 'yaml' });
    const out = YAML.parse(result.text);
    expect(out.paths['/items'].query).toBeUndefined();
    expect(out.paths['/items'].get.responses['200'].description).toBe('The items');
    expect(out.paths['/items'].get.responses['200'].content['application/json'].examples.two).toEqual({ value: [{ id: 1 }, { id: 2 }] });
    expect(out.tags).toEqual([{ name: 'Items' }, { name: 'Archive' }]);
    const messages = result.warnings.map((w) => `${w.pointer} ${w.message}`).join('\n');
    for (const expected of ['/paths/~1items/query', '/paths/~1items/additionalOperations', '/tags/1/parent', '/$self', 'itemSchema', 'deviceAuthorization']) expect(messages).toContain(expected);
  });

  test('as the framework documents it: FastAPI adds 422 only where there are parameters or a body, and not over a declared one', () => {
    const out = ofYaml(fs.readFileSync('fixtures/openapi/users-api.yaml', 'utf8'), { asFramework: 'fastapi' });
    expect(out.openapi).toBe('3.1.0');
    const statuses = (p: string, m: string) => Object.keys(out.paths[p][m].responses);
    expect(statuses('/api/users', 'get')).toEqual(['200']);
    expect(statuses('/api/users', 'post')).toEqual(['201', '422']);
    expect(out.paths['/api/users'].post.responses['422'].description).toBe('Invalid user.');
    expect(statuses('/api/users/{user_id}', 'get')).toEqual(['200', '404', '422']);
    expect(out.components.schemas.HTTPValidationError.properties.detail.items).toEqual({ $ref: '#/components/schemas/ValidationError' });
  });

  test('as django-modern-rest documents it: 406 and 422 ErrorModel everywhere, OpenAPI 3.2.0', () => {
    const out = ofYaml(fs.readFileSync('fixtures/openapi/users-api.yaml', 'utf8'), { asFramework: 'django-modern-rest' });
    expect(out.openapi).toBe('3.2.0');
    expect(Object.keys(out.paths['/health'].get.responses)).toEqual(['200', '406', '422']);
    expect(out.components.schemas.ErrorModel.required).toEqual(['detail']);
  });

  test('stripping removes the design vocabulary and nothing that only looks like it', () => {
    const text = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\nx-routecraft: {profile: express}\ntags: [{name: A, x-routecraft-prefix: /a}]\npaths:\n  /a/{id}:\n    get:\n      tags: [A]\n      x-routecraft-default-status: 204\n      x-other: kept\n      parameters: [{name: id, in: path, required: true, schema: {type: integer}, x-routecraft-convertor: int}]\n      responses:\n        "204":\n          description: ok\n          content:\n            application/json:\n              schema: {type: object, properties: {x-routecraft-field: {type: string}}}\n              example: {x-routecraft: value}\n';
    const out = ofYaml(text, { stripExtensions: true });
    expect(out['x-routecraft']).toBeUndefined();
    expect(out.tags).toEqual([{ name: 'A' }]);
    const op = out.paths['/a/{id}'].get;
    expect(op['x-routecraft-default-status']).toBeUndefined();
    expect(op['x-other']).toBe('kept');
    expect(op.parameters[0]['x-routecraft-convertor']).toBeUndefined();
    const media = op.responses['204'].content['application/json'];
    expect(media.schema.properties['x-routecraft-field']).toEqual({ type: 'string' });
    expect(media.example).toEqual({ 'x-routecraft': 'value' });
  });

  test('an unreadable document is refused', () => {
    expect(() => exportOpenApi(openDocument('{"openapi": '))).toThrow(ExportError);
    expect(() => exportOpenApi(openDocument('swagger: "2.0"\n'))).toThrow(ExportError);
  });
});
