import { describe, expect, test } from 'vitest';
import { openDocument } from '../model/open-document';
import { liveSource } from './mock-source';
import { bundleSchema } from './schema-bundle';

function rootOf(text: string) {
  return liveSource(openDocument(text)).refValue;
}

describe('bundleSchema', () => {
  const doc = `openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Node:
      $schema: https://spec.openapis.org/oas/3.1/dialect/base
      type: object
      properties:
        next: {$ref: '#/components/schemas/Node'}
        tag: {$ref: '#/components/schemas/Tag'}
        examples: {type: string, example: not-a-ref}
    Tag: {type: string, example: red}
`;

  test('local $refs are copied under $defs, cycles included; identity keywords dropped', () => {
    const out = bundleSchema(rootOf(doc), { type: 'array', items: { $ref: '#/components/schemas/Node' } }, '3.1');
    expect(out).toEqual({
      type: 'array',
      items: { $ref: '#/$defs/Node' },
      $defs: {
        Node: { type: 'object', properties: { next: { $ref: '#/$defs/Node' }, tag: { $ref: '#/$defs/Tag' }, examples: { type: 'string', example: 'not-a-ref', examples: ['not-a-ref'] } } },
        Tag: { type: 'string', example: 'red', examples: ['red'] },
      },
    });
  });

  test('a $ref outside the document or to nothing accepts anything (nothing is fetched)', () => {
    expect(bundleSchema(rootOf(doc), { properties: { a: { $ref: 'https://example.com/s.json' }, b: { $ref: '#/components/schemas/Missing' } } }, '3.1')).toEqual({ properties: { a: {}, b: {} } });
  });

  test('OpenAPI 3.0: nullable and boolean exclusive bounds become JSON Schema', () => {
    const out = bundleSchema(() => undefined, { type: 'object', properties: { n: { type: 'integer', nullable: true, minimum: 0, exclusiveMinimum: true }, e: { type: 'string', enum: ['a'], nullable: true }, r: { allOf: [{ type: 'string' }], nullable: true } } }, '3.0');
    expect(out).toEqual({
      type: 'object',
      properties: {
        n: { type: ['integer', 'null'], exclusiveMinimum: 0 },
        e: { type: ['string', 'null'], enum: ['a', null] },
        r: { anyOf: [{ allOf: [{ type: 'string' }] }, { type: 'null' }] },
      },
    });
  });
});
