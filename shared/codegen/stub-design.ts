import { asMap, asScalar, asSeq, asString, deref, getAt, getPair, type SNode } from '../document/source-tree';
import type { MediaContent, ResponseSpec, Route } from '../model/api-model';
import type { ApiDocument } from '../model/open-document';
import { resolveRef } from '../model/ref-resolver';
import type { ProfileId } from '../model/x-routecraft';

/**
 * What the stub generators need of a design, read once from the model and the document: routes in
 * declaration order with every parameter (the model has only path parameters), the request body,
 * the default and other responses with their headers and examples, and the component schemas.
 */
export interface StubDesign {
  title: string;
  version: string;
  profile: ProfileId;
  routes: StubRoute[];
  /** `components.schemas`, as plain values. */
  schemas: Record<string, unknown>;
}

export interface StubRoute {
  route: Route;
  method: string;
  /** Full path as designed. */
  path: string;
  /** The controller's name, or null. */
  controller: string | null;
  /** The router prefix this route is mounted under ('' when it does not start with its controller's prefix). */
  prefix: string;
  /** `path` below `prefix` (may be '' for a route on the prefix itself). */
  localPath: string;
  params: StubParam[];
  body?: StubBody;
  /** The numeric status the handler returns (the model's default status; 200 when it has none). */
  defaultStatus: number;
  defaultResponse?: StubResponse;
  /** Every other declared response, in declaration order. */
  otherResponses: StubResponse[];
}

export interface StubParam {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema?: unknown;
  /** `integer`, `number`, `boolean`, `string`, `uuid`, `path`, `array`, … */
  type: string;
  convertor?: string;
  description?: string;
}

export interface StubBody {
  required: boolean;
  mediaType: string;
  schema?: unknown;
}

export interface StubResponse {
  status: string;
  description: string;
  headers: StubHeader[];
  /** The first media type declared (the one a stub returns). */
  content?: { mediaType: string; schema?: unknown; example?: { value: unknown } };
}

export interface StubHeader {
  name: string;
  required: boolean;
  description?: string;
  schema?: unknown;
  example?: unknown;
}

export function readStubDesign(doc: ApiDocument): StubDesign {
  const root = doc.source.root;
  const { model } = doc;
  const prefixes = new Map(model.controllers.map((c) => [c.name, c.prefix]));
  const schemas = plainOf(getAt(root, ['components', 'schemas']));
  // Path items by path, found once: a lookup per route in `paths` would be quadratic.
  const pathItems = new Map<string, SNode>();
  for (const pair of asMap(getAt(root, ['paths']))?.pairs ?? []) if (!pathItems.has(pair.key)) pathItems.set(pair.key, pair.value);
  return {
    title: model.title,
    version: model.apiVersion,
    profile: model.profile,
    schemas: schemas !== null && typeof schemas === 'object' && !Array.isArray(schemas) ? (schemas as Record<string, unknown>) : {},
    routes: model.routes.map((route) => readRoute(root, pathItems, route, route.controller !== null ? (prefixes.get(route.controller) ?? '') : '')),
  };
}

function readRoute(root: SNode | undefined, pathItems: Map<string, SNode>, route: Route, designedPrefix: string): StubRoute {
  // FastAPI refuses a prefix ending in "/"; the same full path is kept with the slash moved down.
  const prefix = designedPrefix.replace(/\/+$/, '');
  const underPrefix = prefix !== '' && (route.path === prefix || route.path.startsWith(`${prefix}/`));
  const status = Number(route.defaultStatus);
  const defaultStatus = Number.isInteger(status) && status >= 100 && status <= 599 ? status : 200;
  const declaredDefault = route.responses.find((r) => r.status === route.defaultStatus);
  return {
    route,
    method: route.method,
    path: route.path,
    controller: route.controller,
    prefix: underPrefix ? prefix : '',
    localPath: underPrefix ? route.path.slice(prefix.length) : route.path,
    params: readParams(root, pathItems, route),
    ...readBody(route),
    defaultStatus,
    ...(declaredDefault ? { defaultResponse: toStubResponse(declaredDefault) } : {}),
    otherResponses: route.responses.filter((r) => r !== declaredDefault).map(toStubResponse),
  };
}

function readBody(route: Route): { body?: StubBody } {
  const body = route.requestBody;
  if (!body) return {};
  const media = body.content.find((c) => isJson(c.mediaType)) ?? body.content[0];
  if (!media) return {};
  return { body: { required: body.required, mediaType: media.mediaType, ...(media.schema !== undefined ? { schema: media.schema } : {}) } };
}

export function isJson(mediaType: string): boolean {
  return /^application\/(?:[\w.+-]+\+)?json(?:;.*)?$/i.test(mediaType.trim()) || mediaType === '*/*';
}

function toStubResponse(r: ResponseSpec): StubResponse {
  const media: MediaContent | undefined = r.content.find((c) => isJson(c.mediaType)) ?? r.content[0];
  return {
    status: r.status,
    description: r.description ?? '',
    headers: r.headers.map((h) => ({
      name: h.name,
      required: h.required,
      ...(h.description !== undefined ? { description: h.description } : {}),
      ...(h.schema !== undefined ? { schema: h.schema } : {}),
      ...(h.example !== undefined ? { example: h.example } : {}),
    })),
    ...(media
      ? {
          content: {
            mediaType: media.mediaType,
            ...(media.schema !== undefined ? { schema: media.schema } : {}),
            ...(media.examples[0] ? { example: { value: media.examples[0].value } } : {}),
          },
        }
      : {}),
  };
}

/** Path parameters in template order, then the operation's query, header and cookie parameters. */
function readParams(root: SNode | undefined, pathItems: Map<string, SNode>, route: Route): StubParam[] {
  const out: StubParam[] = [];
  for (const p of route.params) {
    if (!p.inTemplate) continue;
    out.push({ name: p.name, in: 'path', required: true, type: p.type, ...(p.schema !== undefined ? { schema: p.schema } : {}), ...(p.convertor ? { convertor: p.convertor } : {}) });
  }
  const item = asMap(resolveRef(root, pathItems.get(route.path)).node);
  const op = asMap(item && getPair(item, route.method)?.value);
  const byKey = new Map<string, StubParam>();
  for (const owner of [item, op]) {
    const seq = asSeq(owner && getPair(owner, 'parameters')?.value);
    for (const entry of seq?.items ?? []) {
      const p = asMap(resolveRef(root, entry).node);
      if (!p) continue;
      const where = asString(getPair(p, 'in')?.value);
      const name = asString(getPair(p, 'name')?.value);
      if (name === undefined || (where !== 'query' && where !== 'header' && where !== 'cookie')) continue;
      // Headers the server sets or that HTTP reserves are not parameters (OpenAPI ignores them).
      if (where === 'header' && /^(accept|content-type|authorization)$/i.test(name)) continue;
      const schema = plainOf(getPair(p, 'schema')?.value);
      const description = asString(getPair(p, 'description')?.value);
      byKey.set(`${where}\u0000${name}`, {
        name,
        in: where,
        required: asScalar(getPair(p, 'required')?.value) === true,
        type: schemaType(schema),
        ...(schema !== undefined ? { schema } : {}),
        ...(description !== undefined ? { description } : {}),
      });
    }
  }
  return [...out, ...byKey.values()];
}

function schemaType(schema: unknown): string {
  if (!schema || typeof schema !== 'object') return 'string';
  const s = schema as Record<string, unknown>;
  let type = s['type'];
  if (Array.isArray(type)) type = type.find((t) => t !== 'null');
  if (type === 'string' && s['format'] === 'uuid') return 'uuid';
  return typeof type === 'string' ? type : 'string';
}

/**
 * The plain value of a node, like source-tree's toValue but assigning properties (several times
 * faster on GitHub's 13 MB of schemas); only a `__proto__` key is defined as an own property.
 */
export function plainOf(node: SNode | undefined, depth = 0): unknown {
  const n = deref(node);
  if (!n || depth > 2000) return undefined;
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map((item) => plainOf(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const pair of n.pairs) {
    const v = plainOf(pair.value, depth + 1);
    if (pair.key === '__proto__') Object.defineProperty(out, pair.key, { value: v, enumerable: true, writable: true, configurable: true });
    else out[pair.key] = v;
  }
  return out;
}
