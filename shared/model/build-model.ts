import { encodePointer } from '../document/json-pointer';
import type { SourceRange } from '../document/line-index';
import type { SourceDocument } from '../document/source-document';
import { asMap, asScalar, asSeq, asString, deref, getPair, toValue, type SMap, type SNode, type SPair } from '../document/source-tree';
import type { ApiModel, Controller, HeaderSpec, MediaContent, MockSettings, NamedExample, OpenApiVersion, PathParam, RequestBody, ResponseSpec, Route } from './api-model';
import type { Diagnostic } from './diagnostic';
import { resolveRef } from './ref-resolver';
import { readOrder } from './route-order';
import { ItemRead, RANGE_FROM_SITE, placed, rememberItem } from './route-site';
import type { RouteReuse } from './unchanged-routes';
import { CONVERTORS, DEFAULT_PROFILE, PROFILE_IDS, X_CONVERTOR, X_DEFAULT_STATUS, X_PREFIX, X_ROOT, isHttpMethod, routeKey, type Convertor, type ProfileId } from './x-routecraft';

export interface ModelResult {
  model: ApiModel;
  /** Problems with the document's shape: wrong types, unsupported versions, … */
  diagnostics: Diagnostic[];
}

export function emptyModel(format: ApiModel['format']): ApiModel {
  return { format, openapi: null, version: null, title: '', apiVersion: '', profile: DEFAULT_PROFILE, controllers: [], routes: [], orderSource: 'paths', mock: {} };
}

/** Reads the typed model from a parsed document. Never throws on bad input: it reports it. */
export function buildModel(doc: SourceDocument): ModelResult {
  return new ModelBuilder(doc).build();
}

/**
 * Re-reads the model after an edit, taking the routes of path items that `reuse` vouches for as
 * they are: a keystroke in one path item of 10,000 reads that path item, not 10,000. Settings, tags
 * and the declaration order are always read again (they are small, and the order list may be what
 * changed).
 */
export function updateModel(doc: SourceDocument, reuse: RouteReuse): ModelResult {
  return new ModelBuilder(doc, reuse).build();
}

const TEMPLATE_PARAM = /\{([^{}]+)\}/g;

/** How far past the first route not yet listed applyOrder looks for a listed key before it maps them all. */
const NEAR = 16;

class ModelBuilder {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly root: SNode | undefined;

  constructor(
    private readonly doc: SourceDocument,
    /** Routes to take as they are instead of reading the path item again. */
    private readonly reuse?: RouteReuse,
  ) {
    this.root = doc.root;
  }

  build(): ModelResult {
    const model = emptyModel(this.doc.format);
    const root = asMap(this.root);
    if (!root) {
      if (this.root) this.problem('document/not-openapi', 'The document must be a mapping with `openapi`, `info` and `paths`.', [], this.root);
      return { model, diagnostics: this.diagnostics };
    }
    const swagger = getPair(root, 'swagger');
    if (swagger) {
      this.problem('document/unsupported-version', `This is a Swagger ${String(asScalar(swagger.value) ?? '')} document. Routecraft reads OpenAPI 3.0, 3.1 and 3.2: convert it first (for example with \`npx swagger2openapi in.yaml -o out.yaml\`).`, ['swagger'], swagger.value);
      return { model, diagnostics: this.diagnostics };
    }
    const openapiPair = getPair(root, 'openapi');
    const openapi = openapiPair ? asScalar(openapiPair.value) : undefined;
    if (!openapiPair) {
      this.problem('document/not-openapi', 'No `openapi` field: this does not look like an OpenAPI document.', [], root, 0, 1);
      return { model, diagnostics: this.diagnostics };
    }
    const version = /^3\.([012])(\.\d+)?(-.+)?$/.exec(String(openapi ?? ''));
    if (!version) {
      this.problem('document/unsupported-version', `OpenAPI ${String(openapi)} is not supported: Routecraft reads 3.0, 3.1 and 3.2.`, ['openapi'], openapiPair.value);
      return { model, diagnostics: this.diagnostics };
    }
    model.openapi = String(openapi);
    model.version = `3.${version[1]}` as OpenApiVersion;
    const info = asMap(getPair(root, 'info')?.value);
    model.title = asString(info && getPair(info, 'title')?.value) ?? '';
    model.apiVersion = String(asScalar(info && getPair(info, 'version')?.value) ?? '');

    const settings = this.readSettings(root);
    model.profile = settings.profile;
    model.mock = settings.mock;

    const declared = this.readTags(root);
    const routes = this.readRoutes(root, declared);
    const ordered = this.applyOrder(routes, settings.order);
    model.routes = ordered.routes;
    model.orderSource = ordered.source;
    model.controllers = this.controllers(declared, model.routes);
    return { model, diagnostics: this.diagnostics };
  }

  private readSettings(root: SMap): { profile: ProfileId; order: readonly string[] | undefined; mock: MockSettings } {
    const pair = getPair(root, X_ROOT);
    const out = { profile: DEFAULT_PROFILE as ProfileId, order: undefined as readonly string[] | undefined, mock: {} as MockSettings };
    if (!pair) return out;
    const x = asMap(pair.value);
    if (!x) {
      this.problem('document/invalid-structure', '`x-routecraft` should be a mapping with `profile`, `order` and `mock`.', [X_ROOT], pair.value);
      return out;
    }
    const profilePair = getPair(x, 'profile');
    if (profilePair) {
      const p = asString(profilePair.value);
      if (p && (PROFILE_IDS as readonly string[]).includes(p)) out.profile = p as ProfileId;
      else this.problem('document/invalid-structure', `Unknown profile ${JSON.stringify(asScalar(profilePair.value) ?? null)}: use one of ${PROFILE_IDS.join(', ')}.`, [X_ROOT, 'profile'], profilePair.value);
    }
    const orderPair = getPair(x, 'order');
    if (orderPair) {
      const seq = asSeq(orderPair.value);
      if (!seq) this.problem('document/invalid-structure', '`x-routecraft.order` should be a list of routes such as "GET /users/me".', [X_ROOT, 'order'], orderPair.value);
      else {
        const read = readOrder(seq);
        // Read only (applyOrder): a list without bad entries is taken as it was read.
        out.order = read.invalid.length === 0 ? read.keys : read.keys.filter((k) => k !== '');
        for (const i of read.invalid) {
          const item = seq.items[i];
          this.problem('document/invalid-structure', `Order entry ${JSON.stringify(asScalar(item) ?? null)} should be "METHOD /path".`, [X_ROOT, 'order', String(i)], item);
        }
      }
    }
    const mock = asMap(getPair(x, 'mock')?.value);
    if (mock) {
      const latency = asScalar(getPair(mock, 'latencyMs')?.value);
      if (typeof latency === 'number' && latency >= 0) out.mock.latencyMs = latency;
      const corsNode = getPair(mock, 'cors')?.value;
      const cors = asScalar(corsNode);
      if (cors === 'off' || cors === 'permissive') out.mock.cors = cors;
      const list = asSeq(corsNode);
      if (list) out.mock.cors = list.items.map((i) => asString(i)).filter((s): s is string => s !== undefined);
    }
    return out;
  }

  private readTags(root: SMap): Map<string, Controller> {
    const out = new Map<string, Controller>();
    const pair = getPair(root, 'tags');
    if (!pair) return out;
    const seq = asSeq(pair.value);
    if (!seq) {
      this.problem('document/invalid-structure', '`tags` should be a list of tag objects.', ['tags'], pair.value);
      return out;
    }
    seq.items.forEach((item, i) => {
      const tag = asMap(item);
      const name = asString(tag && getPair(tag, 'name')?.value);
      if (!tag || name === undefined) {
        this.problem('document/invalid-structure', 'A tag needs a `name`.', ['tags', String(i)], item);
        return;
      }
      if (out.has(name)) return;
      const description = asString(getPair(tag, 'description')?.value);
      out.set(name, {
        name,
        prefix: asString(getPair(tag, X_PREFIX)?.value) ?? '',
        ...(description !== undefined ? { description } : {}),
        declared: true,
        pointer: encodePointer(['tags', String(i)]),
        range: this.range(item),
      });
    });
    return out;
  }

  private readRoutes(root: SMap, tags: Map<string, Controller>): Route[] {
    const pathsPair = getPair(root, 'paths');
    const routes: Route[] = [];
    if (!pathsPair) return routes;
    const paths = asMap(pathsPair.value);
    if (!paths) {
      if (asScalar(pathsPair.value) !== null) this.problem('document/invalid-structure', '`paths` should be a mapping from paths to path items.', ['paths'], pathsPair.value);
      return routes;
    }
    const reuse = this.reuse;
    // Where the text after the last path item ends: the next root key, or the end of the text.
    const after = root.pairs[root.pairs.indexOf(pathsPair) + 1]?.keyStart ?? this.doc.text.length;
    for (let i = 0; i < paths.pairs.length; i++) {
      const pathPair = paths.pairs[i] as SPair;
      const reused = reuse?.(pathPair, paths.pairs[i + 1]?.keyStart ?? after, pathsPair);
      if (reused) for (const r of reused) routes.push(r);
      else for (const r of this.readPathItem(pathPair, tags, pathsPair)) routes.push(r);
    }
    return routes;
  }

  /** `pathsPair`: the root's `paths`, whose moves reach the operations with the path item's (see ItemRead). */
  private readPathItem(pathPair: SPair, tags: Map<string, Controller>, pathsPair: SPair): Route[] {
    const routes: Route[] = [];
    if (pathPair.key.startsWith('x-')) return routes;
    const at = ['paths', pathPair.key];
    const resolvedItem = resolveRef(this.root, pathPair.value);
    const item = asMap(resolvedItem.node);
    if (!item) {
      if (!resolvedItem.ref && asScalar(pathPair.value) !== null) this.problem('document/invalid-structure', `Path item \`${pathPair.key}\` should be a mapping of methods to operations.`, at, pathPair.value);
      return routes;
    }
    if (!pathPair.key.startsWith('/')) this.problem('document/invalid-structure', `Path \`${pathPair.key}\` should start with "/".`, at, pathPair.value, pathPair.keyStart, pathPair.keyEnd);
    const shared = this.readParams(getPair(item, 'parameters')?.value, [...at, 'parameters']);
    // A path item reached through a `$ref` (or a YAML alias) lies elsewhere in the tree: its routes
    // are read again after every edit, and only its own map is remembered for keeping them.
    const own = pathPair.shape === item;
    const read = own ? new ItemRead(pathsPair, pathPair) : new ItemRead(undefined, undefined);
    for (const opPair of item.pairs) {
      if (!isHttpMethod(opPair.key)) continue;
      const route = this.readRoute(pathPair.key, opPair, [...at, opPair.key], shared, tags, read);
      if (route) routes.push(route);
    }
    read.routes = routes;
    if (own) rememberItem(item, read);
    return routes;
  }

  private readRoute(path: string, opPair: SPair, at: string[], shared: PathParam[], tags: Map<string, Controller>, read: ItemRead): Route | undefined {
    const op = asMap(opPair.value);
    if (!op) {
      this.problem('document/invalid-structure', `\`${routeKey(opPair.key, path)}\` should be an operation object.`, at, opPair.value);
      return undefined;
    }
    const method = opPair.key as Route['method'];
    const tagSeq = asSeq(getPair(op, 'tags')?.value);
    const opTags = tagSeq ? tagSeq.items.map((t) => asString(t)).filter((s): s is string => s !== undefined) : [];
    const controller = opTags[0] ?? null;
    const prefix = controller !== null ? (tags.get(controller)?.prefix ?? '') : '';
    const own = this.readParams(getPair(op, 'parameters')?.value, [...at, 'parameters']);
    const responses = this.readResponses(op, at);
    const explicit = asScalar(getPair(op, X_DEFAULT_STATUS)?.value);
    const operationId = asString(getPair(op, 'operationId')?.value);
    const summary = asString(getPair(op, 'summary')?.value);
    const description = asString(getPair(op, 'description')?.value);
    const requestBody = this.readRequestBody(getPair(op, 'requestBody')?.value, [...at, 'requestBody']);
    // Built field by field, optional ones absent when absent: a literal with spreads and a getter
    // gives V8 a slow (dictionary) object, and every rule reads these on every keystroke.
    const route = {
      key: routeKey(method, path),
      method,
      path,
      // `/users` under prefix `/users` is `@router.get("")`; `/users/` is `@router.get("/")`.
      localPath: prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path,
      controller,
      tags: opTags,
    } as Route;
    if (operationId !== undefined) route.operationId = operationId;
    if (summary !== undefined) route.summary = summary;
    if (description !== undefined) route.description = description;
    route.deprecated = asScalar(getPair(op, 'deprecated')?.value) === true;
    route.params = mergeParams(path, shared, own);
    if (requestBody) route.requestBody = requestBody;
    route.responses = responses;
    route.defaultStatus = explicit !== undefined && explicit !== null ? String(explicit) : inferDefaultStatus(responses);
    route.defaultStatusExplicit = explicit !== undefined && explicit !== null;
    route.pointer = encodePointer(at);
    // Read from the tree when asked, so that the route outlives edits that only move it.
    Object.defineProperty(route, 'range', RANGE_FROM_SITE);
    return placed(route, opPair, this.doc.live, read);
  }

  private readParams(node: SNode | undefined, at: string[]): PathParam[] {
    const seq = asSeq(node);
    if (!seq) return [];
    const out: PathParam[] = [];
    seq.items.forEach((item, i) => {
      const p = asMap(resolveRef(this.root, item).node);
      if (!p || asString(getPair(p, 'in')?.value) !== 'path') return;
      const name = asString(getPair(p, 'name')?.value);
      if (name === undefined) return;
      const schema = toValue(getPair(p, 'schema')?.value);
      const conv = asString(getPair(p, X_CONVERTOR)?.value);
      out.push({
        name,
        type: schemaType(schema),
        ...(schema !== undefined ? { schema } : {}),
        ...(conv && (CONVERTORS as readonly string[]).includes(conv) ? { convertor: conv as Convertor } : {}),
        inTemplate: false,
        declared: true,
        pointer: encodePointer([...at, String(i)]),
      });
    });
    return out;
  }

  private readRequestBody(node: SNode | undefined, at: string[]): RequestBody | undefined {
    if (!node) return undefined;
    const resolved = resolveRef(this.root, node);
    const body = asMap(resolved.node);
    if (!body) return undefined;
    return {
      required: asScalar(getPair(body, 'required')?.value) === true,
      content: this.readContent(getPair(body, 'content')?.value, [...at, 'content']),
      pointer: encodePointer(at),
      ...(resolved.ref !== undefined ? { ref: resolved.ref } : {}),
    };
  }

  private readResponses(op: SMap, at: string[]): ResponseSpec[] {
    const pair = getPair(op, 'responses');
    if (!pair) return [];
    const map = asMap(pair.value);
    if (!map) {
      this.problem('document/invalid-structure', '`responses` should be a mapping from status codes to responses.', [...at, 'responses'], pair.value);
      return [];
    }
    const out: ResponseSpec[] = [];
    for (const r of map.pairs) {
      if (r.key.startsWith('x-')) continue;
      const rAt = [...at, 'responses', r.key];
      const resolved = resolveRef(this.root, r.value);
      const res = asMap(resolved.node);
      const description = asString(res && getPair(res, 'description')?.value);
      out.push({
        status: r.key,
        ...(description !== undefined ? { description } : {}),
        content: res ? this.readContent(getPair(res, 'content')?.value, [...rAt, 'content']) : [],
        headers: res ? this.readHeaders(getPair(res, 'headers')?.value, [...rAt, 'headers']) : [],
        ...(resolved.ref !== undefined ? { ref: resolved.ref } : {}),
        pointer: encodePointer(rAt),
      });
    }
    return out;
  }

  private readContent(node: SNode | undefined, at: string[]): MediaContent[] {
    const map = asMap(node);
    if (!map) return [];
    return map.pairs.map((m) => {
      const media = asMap(m.value);
      const mAt = [...at, m.key];
      const examples: NamedExample[] = [];
      if (media) {
        const single = getPair(media, 'example');
        if (single) examples.push({ name: 'example', value: toValue(single.value), pointer: encodePointer([...mAt, 'example']) });
        const named = asMap(getPair(media, 'examples')?.value);
        for (const e of named?.pairs ?? []) {
          const resolved = resolveRef(this.root, e.value);
          const ex = asMap(resolved.node);
          const summary = asString(ex && getPair(ex, 'summary')?.value);
          examples.push({
            name: e.key,
            value: toValue(ex && (getPair(ex, 'value') ?? getPair(ex, 'dataValue'))?.value),
            ...(summary !== undefined ? { summary } : {}),
            ...(resolved.ref !== undefined ? { ref: resolved.ref } : {}),
            pointer: encodePointer([...mAt, 'examples', e.key]),
          });
        }
      }
      const schema = media ? toValue(getPair(media, 'schema')?.value) : undefined;
      return { mediaType: m.key, ...(schema !== undefined ? { schema } : {}), examples, pointer: encodePointer(mAt) };
    });
  }

  private readHeaders(node: SNode | undefined, at: string[]): HeaderSpec[] {
    const map = asMap(node);
    if (!map) return [];
    return map.pairs.map((h) => {
      const resolved = resolveRef(this.root, h.value);
      const header = asMap(resolved.node);
      const schemaNode = header && getPair(header, 'schema')?.value;
      const schema = toValue(schemaNode);
      const exampleNode = header && (getPair(header, 'example') ?? undefined);
      const schemaExample = asMap(schemaNode) && getPair(asMap(schemaNode) as SMap, 'example');
      const description = asString(header && getPair(header, 'description')?.value);
      const example = exampleNode ? toValue(exampleNode.value) : schemaExample ? toValue(schemaExample.value) : undefined;
      return {
        name: h.key,
        required: asScalar(header && getPair(header, 'required')?.value) === true,
        ...(schema !== undefined ? { schema } : {}),
        ...(example !== undefined ? { example } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(resolved.ref !== undefined ? { ref: resolved.ref } : {}),
        pointer: encodePointer([...at, h.key]),
      };
    });
  }

  /**
   * `effectiveOrder`, on the routes themselves: one map from key to place, read once per list entry
   * (the list holds every route of big APIs, and this runs on every edit). `order` holds normal keys.
   */
  private applyOrder(routes: Route[], order: readonly string[] | undefined): { routes: Route[]; source: ApiModel['orderSource'] } {
    if (!order || order.length === 0) return { routes, source: 'paths' };
    const n = routes.length;
    // The place of each key (its last route's, should a key be there twice), made only when needed.
    let placeOf: Map<string, number> | undefined;
    const place = (key: string) => {
      if (!placeOf) {
        placeOf = new Map();
        for (let i = 0; i < n; i++) placeOf.set((routes[i] as Route).key, i);
      }
      return placeOf.get(key);
    };
    // A list mostly follows `paths` order (a designer's move or rename changes a place or two):
    // each key is looked for near the first route not yet listed, and the map is made only for
    // one that is not there. Only where every key names one route (a text without problems:
    // `paths` and each path item have unique keys) is the first match the map's answer.
    const unique = this.doc.problems.length === 0;
    const taken = new Uint8Array(n);
    const out: Route[] = [];
    let next = 0;
    for (const key of order) {
      while (next < n && taken[next]) next++;
      let i: number | undefined;
      if (unique) {
        for (let k = next; k < n && k < next + NEAR; k++) {
          if (!taken[k] && (routes[k] as Route).key === key) {
            i = k;
            break;
          }
        }
      }
      i ??= place(key);
      if (i === undefined || taken[i]) continue;
      taken[i] = 1;
      out.push(routes[i] as Route);
    }
    for (let i = 0; i < n; i++) if (!taken[i]) out.push(routes[i] as Route);
    return { routes: out, source: 'x-routecraft' };
  }

  private controllers(declared: Map<string, Controller>, routes: Route[]): Controller[] {
    const out = [...declared.values()];
    const seen = new Set(declared.keys());
    let last: string | null = null;
    for (const r of routes) {
      // Routes come in runs of one controller: a run costs one lookup (this runs on every edit).
      if (r.controller === last) continue;
      last = r.controller;
      if (r.controller === null || seen.has(r.controller)) continue;
      seen.add(r.controller);
      out.push({ name: r.controller, prefix: '', declared: false, pointer: null, range: null });
    }
    return out;
  }

  private range(node: SNode | undefined, from?: number): SourceRange {
    const n = deref(node) ?? node;
    const start = from ?? n?.start ?? 0;
    return this.doc.lines.range(start, Math.max(start, n?.end ?? start));
  }

  private problem(rule: string, message: string, at: string[], node: SNode | undefined, start?: number, end?: number): void {
    const s = start ?? node?.start ?? 0;
    const e = end ?? node?.end ?? s;
    this.diagnostics.push({ rule, severity: 'error', message, target: { pointer: encodePointer(at), range: this.doc.lines.range(s, e) } });
  }
}

function schemaType(schema: unknown): string {
  if (!schema || typeof schema !== 'object') return 'string';
  const s = schema as Record<string, unknown>;
  if (typeof s['$ref'] === 'string') return 'string';
  let type = s['type'];
  if (Array.isArray(type)) type = type.find((t) => t !== 'null');
  if (type === 'string' && s['format'] === 'uuid') return 'uuid';
  if (type === 'string' && s['format'] === 'path') return 'path';
  return typeof type === 'string' ? type : 'string';
}

/** Path-item parameters apply to every operation; the operation's own override them by name. */
function mergeParams(path: string, shared: PathParam[], own: PathParam[]): PathParam[] {
  const byName = new Map<string, PathParam>();
  for (const p of shared) byName.set(p.name, p);
  for (const p of own) byName.set(p.name, p);
  const out: PathParam[] = [];
  const inTemplate = new Set<string>();
  for (const m of path.matchAll(TEMPLATE_PARAM)) {
    const name = m[1] ?? '';
    if (inTemplate.has(name)) continue;
    inTemplate.add(name);
    const p = byName.get(name);
    out.push(p ? { ...p, inTemplate: true } : { name, type: 'string', inTemplate: true, declared: false });
  }
  for (const p of byName.values()) if (!inTemplate.has(p.name)) out.push(p);
  return out;
}

/** Without an explicit default: the first success, then the first redirect, then the first declared. */
function inferDefaultStatus(responses: ResponseSpec[]): string | null {
  const numeric = responses.filter((r) => /^\d{3}$/.test(r.status)).sort((a, b) => Number(a.status) - Number(b.status));
  return (numeric.find((r) => r.status.startsWith('2')) ?? numeric.find((r) => r.status.startsWith('3')) ?? numeric[0] ?? responses[0])?.status ?? null;
}
