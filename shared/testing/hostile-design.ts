import fc from 'fast-check';

/**
 * Random API designs full of hostile strings, for the stub generators' property tests (DESIGN §7):
 * quotes, triple quotes, backslashes, line breaks, comment and template delimiters, keywords of
 * Python and TypeScript, names the generated code itself uses, bidi controls, lone surrogates,
 * deep nesting, every status shape, convertors, query/header/cookie parameters and bodies.
 */
const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('"""', "'''", '\\', '\\n', '\n', '\r\n', '"', "'", '`', '${x}', '*/', '/*', '//', '#', '{{', '}}', '</script>', 'class', 'def', 'None', 'True', 'import os', 'constructor', '__proto__', 'prototype', 'default', 'return', 'await', 'async', 'lambda', 'models', 'router', 'json', 'List', 'Optional', 'str', 'Record', 'Response', 'Request', 'body', 'response', 'self', '\u2028', '\u202e', '\u0000', '\u0085', '\ud800', '\udc00', '🦄', 'é', 'ß', ':', '*', '(', ')', '?', '+', '!', '[', ']', ' ', '0', '1abc', '-', '_', '__init__', 'model_config', 'dict', 'app', 'App', 'main', 'x-routecraft', '$ref', '%', '&', '<', '>', '@', '\t') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const hostile = fc.array(fragment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
/** A path segment: anything but `/`, `{` and `}`. */
const segmentText = hostile.map((s) => s.replace(/[/{}]/g, '_')).filter((s) => s.length > 0 && s !== '.' && s !== '..');

const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, hostile, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(hostile, tie('v'), { maxKeys: 3 })),
})).v;
/** Deeper than any parser's nesting limit, so the generators must not write it as a literal. */
const deep = fc.constant(Array.from({ length: 120 }).reduce<unknown>((inner) => [inner], 'bottom'));

const schema: fc.Arbitrary<Record<string, unknown>> = fc.letrec((tie) => ({
  s: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom({ type: 'string' }, { type: 'integer' }, { type: 'number' }, { type: 'boolean' }, { type: ['string', 'null'] }, { type: 'string', format: 'uuid' }, {}),
    fc.array(hostile, { minLength: 1, maxLength: 3 }).map((values) => ({ type: 'string', enum: values })),
    fc.record({ type: fc.constant('array'), items: tie('s') }),
    fc.dictionary(hostile, tie('s'), { minKeys: 1, maxKeys: 4 }).chain((properties) => fc.record({ type: fc.constant('object'), properties: fc.constant(properties), required: fc.subarray(Object.keys(properties)), description: fc.option(hostile, { nil: undefined }) })),
    fc.record({ $ref: fc.constantFrom('#/components/schemas/A', '#/components/schemas/B') }),
    fc.record({ oneOf: fc.array(tie('s'), { minLength: 1, maxLength: 2 }) }),
  ) as fc.Arbitrary<Record<string, unknown>>,
})).s as fc.Arbitrary<Record<string, unknown>>;

const segment = fc.oneof(segmentText.map((text) => ({ text })), hostile.map((name) => ({ param: name.replace(/[/{}]/g, '') || 'p' })));

const route = fc.record({
  method: fc.constantFrom('get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'trace', 'query'),
  segments: fc.array(segment, { minLength: 0, maxLength: 3 }),
  tag: fc.nat(3),
  operationId: fc.option(hostile, { nil: undefined }),
  summary: fc.option(hostile, { nil: undefined }),
  description: fc.option(hostile, { nil: undefined }),
  status: fc.constantFrom('200', '201', '204', '301', '302', '307', '308', '404', '422', '2XX', 'default', '299'),
  other: fc.subarray(['200', '201', '302', '404', '422', '4XX', 'default']),
  headerName: fc.option(fc.oneof(hostile, fc.constant('Location')), { nil: undefined }),
  headerExample: fc.option(fc.oneof(hostile, jsonValue), { nil: undefined }),
  schema: fc.option(schema, { nil: undefined }),
  example: fc.option(fc.oneof({ weight: 5, arbitrary: jsonValue }, { weight: 1, arbitrary: deep }), { nil: undefined }),
  mediaType: fc.constantFrom('application/json', 'text/plain', 'application/problem+json'),
  body: fc.option(schema, { nil: undefined }),
  query: fc.array(fc.record({ name: hostile, in: fc.constantFrom('query', 'header', 'cookie'), required: fc.boolean(), schema }), { maxLength: 2 }),
  paramType: fc.constantFrom('integer', 'string', 'number', 'boolean', 'path'),
  convertor: fc.option(fc.constantFrom('int', 'float', 'str', 'uuid', 'path', 'slug'), { nil: undefined }),
});

export const hostileDesign = fc.record({
  title: hostile,
  tags: fc.array(fc.record({ name: hostile, prefix: fc.option(segmentText.map((s) => `/${s}`), { nil: undefined }), description: fc.option(hostile, { nil: undefined }) }), { minLength: 1, maxLength: 3 }),
  routes: fc.array(route, { minLength: 1, maxLength: 5 }),
  schemas: fc.record({ A: schema, B: schema }),
});

export type HostileDesign = typeof hostileDesign extends fc.Arbitrary<infer T> ? T : never;

/** The random design as an OpenAPI document (JSON text). */
export function hostileDocument(d: HostileDesign): string {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of d.routes) {
    const tag = d.tags[r.tag % d.tags.length] as HostileDesign['tags'][number];
    const local = r.segments.map((s) => ('param' in s ? `{${s.param}}` : s.text)).join('/');
    const p = `${tag.prefix ?? ''}/${local}`;
    const params = [
      ...r.segments.filter((s): s is { param: string } => 'param' in s).map((s) => ({ name: s.param, in: 'path', required: true, schema: { type: r.paramType }, ...(r.convertor ? { 'x-routecraft-convertor': r.convertor } : {}) })),
      ...r.query,
    ];
    const content = (example: unknown) => ({ [r.mediaType]: { ...(r.schema ? { schema: r.schema } : {}), ...(example !== undefined ? { example } : {}) } });
    const responses: Record<string, unknown> = {
      [r.status]: { description: r.description ?? '', ...(r.headerName !== undefined ? { headers: { [r.headerName]: { schema: { type: 'string' }, ...(r.headerExample !== undefined ? { example: r.headerExample } : {}) } } } : {}), content: content(r.example) },
    };
    for (const s of r.other) if (!(s in responses)) responses[s] = { description: r.summary ?? s, ...(r.schema ? { content: content(undefined) } : {}) };
    (paths[p] ??= {})[r.method] = {
      tags: [tag.name],
      ...(r.operationId !== undefined ? { operationId: r.operationId } : {}),
      ...(r.summary !== undefined ? { summary: r.summary } : {}),
      ...(r.description !== undefined ? { description: r.description } : {}),
      parameters: params,
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: r.body } } } } : {}),
      responses,
    };
  }
  return JSON.stringify({
    openapi: '3.1.0',
    info: { title: d.title, version: '1' },
    tags: d.tags.map((t) => ({ name: t.name, ...(t.description !== undefined ? { description: t.description } : {}), ...(t.prefix !== undefined ? { 'x-routecraft-prefix': t.prefix } : {}) })),
    paths,
    components: { schemas: d.schemas },
  });
}

