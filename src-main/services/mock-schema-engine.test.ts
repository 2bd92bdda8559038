import { describe, expect, test } from 'vitest';
import { openDocument } from '../../shared/model/open-document';
import { liveSource } from '../../shared/mock/mock-source';
import { bundleSchema } from '../../shared/mock/schema-bundle';
import { createSchemaEngine } from './mock-schema-engine';

const DOC = openDocument(`openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    User:
      type: object
      required: [id, email, tags]
      properties:
        id: {type: integer, minimum: 1}
        email: {type: string, format: email}
        tags: {type: array, items: {$ref: '#/components/schemas/Tag'}, minItems: 1}
        manager: {$ref: '#/components/schemas/User'}
    Tag: {type: string, enum: [red, green]}
`);
const USER = bundleSchema(liveSource(DOC).refValue, { $ref: '#/components/schemas/User' }, '3.1');

describe('the ajv + json-schema-faker engine', () => {
  test('generation is deterministic for a seed, and follows the bundled $refs', () => {
    const engine = createSchemaEngine();
    const a = engine.generate(USER, 1);
    expect(createSchemaEngine().generate(USER, 1)).toEqual(a);
    expect(a).toMatchObject({ id: expect.any(Number), email: expect.stringContaining('@'), tags: expect.arrayContaining([expect.stringMatching(/^(red|green)$/)]) });
    expect(engine.generate(USER, 2)).not.toEqual(a);
  });

  test('validation: JSON Schema 2020-12 with formats, every issue located', () => {
    const engine = createSchemaEngine();
    expect(engine.validate(USER, { id: 3, email: 'a@b.example', tags: ['red'] })).toEqual([]);
    expect(engine.validate(USER, { id: 0, email: 'nope', tags: ['blue'], manager: { id: 'x' } })).toEqual([
      { path: ['id'], keyword: 'minimum', message: 'must be >= 1', params: { comparison: '>=', limit: 1 } },
      { path: ['email'], keyword: 'format', message: 'must match format "email"', params: { format: 'email' } },
      { path: ['tags', 0], keyword: 'enum', message: 'must be equal to one of the allowed values', params: { allowedValues: ['red', 'green'] } },
      { path: ['manager'], keyword: 'required', message: "must have required property 'email'", params: { missingProperty: 'email' } },
      { path: ['manager'], keyword: 'required', message: "must have required property 'tags'", params: { missingProperty: 'tags' } },
      { path: ['manager', 'id'], keyword: 'type', message: 'must be integer', params: { type: 'integer' } },
    ]);
  });

  test('a schema the validator cannot use is reported, not thrown; the same schema again compiles once', () => {
    const engine = createSchemaEngine();
    const broken = { type: 'string', pattern: '([unclosed' };
    expect(engine.validate(broken, 'x')).toEqual([{ path: [], keyword: 'schema', message: expect.stringContaining('the schema cannot be used'), params: {} }]);
    expect(engine.validate(true, 1)).toEqual([]);
    expect(engine.validate(false, 1)).toHaveLength(1);
  });
});
