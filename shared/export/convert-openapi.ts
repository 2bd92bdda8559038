import { decodePointer, encodePointer } from '../document/json-pointer';
import type { Profile } from '../profiles/profile';
import { implicitSchemas } from './framework-schemas';
import { deepClone, getMap, getString, isMap, renameKey, setAfter, type OMap, type OValue } from './ordered-value';

export type TargetVersion = '3.0' | '3.1' | '3.2';
export const TARGET_VERSIONS: readonly TargetVersion[] = ['3.0', '3.1', '3.2'];

/** The `openapi` field written for each target. */
export const VERSION_FIELD: Record<TargetVersion, string> = { '3.0': '3.0.3', '3.1': '3.1.0', '3.2': '3.2.0' };

export interface ConvertOptions {
  target: TargetVersion;
  /** Remove every `x-routecraft…` extension (the design vocabulary), for publishing. */
  stripExtensions: boolean;
  /** Add what this framework documents by itself (FastAPI's 422, django-modern-rest's 406 and 422). */
  framework?: Profile;
  /** The `openapi` field to write; defaults to VERSION_FIELD[target]. */
  versionField?: string;
}

/** Something of the source the target version cannot say, with where it was. */
export interface ExportWarning {
  pointer: string;
  message: string;
}

const METHODS_31 = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const X_ROUTECRAFT = 'x-routecraft';

/** JSON Schema keywords that hold one schema, a list of schemas, or a map of schemas. */
const SCHEMA_ONE = ['items', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema'];
const SCHEMA_LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_MAP = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'];
/** JSON Schema 2020-12 keywords OpenAPI 3.0's schema object does not have. */
const NOT_IN_30 = ['$schema', '$id', '$anchor', '$dynamicAnchor', '$dynamicRef', '$vocabulary', '$defs', 'if', 'then', 'else', 'dependentSchemas', 'dependentRequired', 'prefixItems', 'unevaluatedItems', 'unevaluatedProperties', 'contains', 'minContains', 'maxContains', 'propertyNames', 'patternProperties', 'contentSchema'];

/**
 * Rewrites an OpenAPI document (as ordered values, in place) for the target version: schema
 * dialects (`nullable` ↔ type arrays, `example` ↔ `examples`, exclusive bounds, `const`), 3.1 and
 * 3.2 additions dropped or mapped for older targets (each one reported), `x-routecraft…` stripped
 * on request, and a framework's implicit responses added. Pure and deterministic.
 */
export function convertDocument(root: OMap, options: ConvertOptions): ExportWarning[] {
  const c = new Converter(root, options);
  c.root();
  return c.warnings;
}

class Converter {
  readonly warnings: ExportWarning[] = [];
  private readonly path: string[] = [];
  private readonly target: TargetVersion;
  private readonly below31: boolean;
  private readonly below32: boolean;
  private readonly usedImplicit = new Set<string>();

  constructor(
    private readonly doc: OMap,
    private readonly options: ConvertOptions,
  ) {
    this.target = options.target;
    this.below31 = options.target === '3.0';
    this.below32 = options.target !== '3.2';
  }

  root(): void {
    const m = this.doc;
    m.set('openapi', this.options.versionField ?? VERSION_FIELD[this.target]);
    this.strip(m);
    const info = getMap(m, 'info');
    if (info) this.at('info', () => this.info(info));
    if (this.below32) this.drop(m, '$self', '`$self` exists only in OpenAPI 3.2');
    if (this.below31) {
      const dialect = m.get('jsonSchemaDialect');
      if (dialect !== undefined) this.drop(m, 'jsonSchemaDialect', '`jsonSchemaDialect` exists only from OpenAPI 3.1; schemas are written in the 3.0 dialect');
    }
    this.list(m, 'servers', (s) => this.server(s));
    const paths = getMap(m, 'paths');
    if (paths) this.at('paths', () => this.paths(paths));
    else if (this.below31) setAfter(m, m.has('servers') ? 'servers' : 'info', 'paths', new Map());
    const webhooks = getMap(m, 'webhooks');
    if (webhooks) {
      if (this.below31) this.drop(m, 'webhooks', `${webhooks.size} webhook(s) dropped: webhooks exist only from OpenAPI 3.1`);
      else this.at('webhooks', () => this.eachValue(webhooks, (item, key) => this.pathItemAt(webhooks, key, item)));
    }
    const components = getMap(m, 'components');
    if (components) this.at('components', () => this.components(components));
    this.list(m, 'tags', (t) => this.tag(t));
    this.addImplicitSchemas();
  }

  // --- structure ---------------------------------------------------------------------------

  private info(m: OMap): void {
    this.strip(m);
    if (this.below31) this.drop(m, 'summary', '`info.summary` exists only from OpenAPI 3.1');
    const license = getMap(m, 'license');
    if (license && this.below31) this.at('license', () => this.drop(license, 'identifier', '`license.identifier` (SPDX) exists only from OpenAPI 3.1'));
  }

  private server(m: OMap): void {
    this.strip(m);
    if (this.below32) this.drop(m, 'name', '`server.name` exists only in OpenAPI 3.2');
  }

  private paths(m: OMap): void {
    this.strip(m);
    for (const [key, item] of m) if (!key.startsWith('x-') && isMap(item)) this.at(key, () => this.pathItemAt(m, key, item));
  }

  private pathItemAt(parent: OMap, key: string, item: OValue): void {
    if (!isMap(item)) return;
    let m = item;
    const ref = getString(m, '$ref');
    if (ref?.startsWith('#/components/pathItems/') && this.below31) {
      // 3.0 has no components.pathItems: the path item is written in place.
      const target = this.resolveLocal(ref);
      if (isMap(target)) {
        const merged = deepClone(target) as OMap;
        for (const [k, v] of m) if (k !== '$ref') merged.set(k, v);
        m = merged;
        parent.set(key, m);
      }
    }
    this.pathItem(m);
  }

  private pathItem(m: OMap): void {
    this.strip(m);
    const shared = this.params(m, 'parameters');
    this.list(m, 'servers', (s) => this.server(s));
    for (const method of METHODS_31) {
      const op = getMap(m, method);
      if (op) this.at(method, () => this.operation(op, shared));
    }
    const query = getMap(m, 'query');
    if (query) {
      if (this.below32) this.drop(m, 'query', 'QUERY operations exist only in OpenAPI 3.2: this operation is left out');
      else this.at('query', () => this.operation(query, shared));
    }
    const additional = getMap(m, 'additionalOperations');
    if (additional) {
      if (this.below32) this.drop(m, 'additionalOperations', `additionalOperations exist only in OpenAPI 3.2: ${[...additional.keys()].join(', ')} left out`);
      else this.at('additionalOperations', () => this.eachValue(additional, (op) => isMap(op) && this.operation(op, shared)));
    }
  }

  private operation(m: OMap, pathParams: number): void {
    this.strip(m);
    const own = this.params(m, 'parameters');
    const body = m.get('requestBody');
    if (isMap(body)) this.at('requestBody', () => this.requestBody(body));
    const responses = getMap(m, 'responses');
    if (responses) this.at('responses', () => this.responses(responses));
    const callbacks = getMap(m, 'callbacks');
    if (callbacks) this.at('callbacks', () => this.eachValue(callbacks, (cb) => isMap(cb) && this.callback(cb)));
    this.list(m, 'servers', (s) => this.server(s));
    if (this.options.framework) this.addImplicitResponses(m, pathParams + own > 0 || isMap(body));
  }

  /** Walks a parameter list (dropping what the target cannot have); returns how many remain. */
  private params(owner: OMap, key: string): number {
    const list = owner.get(key);
    if (!Array.isArray(list)) return 0;
    const kept: OValue[] = [];
    this.at(key, () => {
      list.forEach((p, i) => {
        if (!isMap(p)) {
          kept.push(p);
          return;
        }
        this.at(String(i), () => {
          if (this.isRef(p)) {
            this.reference(p);
            kept.push(p);
          } else if (this.below32 && p.get('in') === 'querystring') {
            this.warn(`the \`in: querystring\` parameter ${JSON.stringify(getString(p, 'name') ?? '')} exists only in OpenAPI 3.2: left out`);
          } else {
            this.parameter(p);
            kept.push(p);
          }
        });
      });
    });
    if (kept.length !== list.length) owner.set(key, kept);
    return kept.length;
  }

  private parameter(m: OMap): void {
    this.strip(m);
    if (this.below32 && m.get('style') === 'cookie') this.drop(m, 'style', '`style: cookie` exists only in OpenAPI 3.2; the default (form) is used');
    this.schemaAt(m, 'schema');
    this.content(m);
    this.examples(m);
  }

  private header(m: OMap): void {
    if (this.isRef(m)) {
      this.reference(m);
      return;
    }
    this.strip(m);
    this.schemaAt(m, 'schema');
    this.content(m);
    this.examples(m);
  }

  private requestBody(m: OMap): void {
    if (this.isRef(m)) {
      this.reference(m);
      return;
    }
    this.strip(m);
    this.content(m);
  }

  private content(owner: OMap): void {
    const content = getMap(owner, 'content');
    if (!content) return;
    this.at('content', () => {
      for (const [type, media] of content) {
        if (!isMap(media)) continue;
        this.at(type, () => {
          let m = media;
          const ref = getString(m, '$ref');
          if (ref?.startsWith('#/components/mediaTypes/')) {
            if (!this.below32) return;
            const target = this.resolveLocal(ref);
            if (!isMap(target)) return;
            m = deepClone(target) as OMap;
            content.set(type, m);
          }
          this.mediaType(m);
        });
      }
    });
  }

  private mediaType(m: OMap): void {
    this.strip(m);
    this.schemaAt(m, 'schema');
    if (this.below32) {
      this.drop(m, 'itemSchema', '`itemSchema` (sequential media types) exists only in OpenAPI 3.2');
      this.drop(m, 'itemEncoding', '`itemEncoding` exists only in OpenAPI 3.2');
      this.drop(m, 'prefixEncoding', '`prefixEncoding` exists only in OpenAPI 3.2');
    } else {
      this.schemaAt(m, 'itemSchema');
      this.list(m, 'prefixEncoding', (e) => this.encoding(e));
      const item = getMap(m, 'itemEncoding');
      if (item) this.at('itemEncoding', () => this.encoding(item));
    }
    this.examples(m);
    const encoding = getMap(m, 'encoding');
    if (encoding) this.at('encoding', () => this.eachValue(encoding, (e) => isMap(e) && this.encoding(e)));
  }

  private encoding(m: OMap): void {
    this.strip(m);
    const headers = getMap(m, 'headers');
    if (headers) this.at('headers', () => this.eachValue(headers, (h) => isMap(h) && this.header(h)));
    if (this.below32) {
      for (const key of ['encoding', 'prefixEncoding', 'itemEncoding']) this.drop(m, key, `nested \`${key}\` exists only in OpenAPI 3.2`);
    }
  }

  private examples(owner: OMap): void {
    const examples = getMap(owner, 'examples');
    if (!examples) return;
    this.at('examples', () => this.eachValue(examples, (e) => isMap(e) && this.example(e)));
  }

  private example(m: OMap): void {
    if (this.isRef(m)) {
      this.reference(m);
      return;
    }
    this.strip(m);
    if (!this.below32) return;
    if (m.has('dataValue')) {
      if (!m.has('value') && !m.has('externalValue')) renameKey(m, 'dataValue', 'value', m.get('dataValue') as OValue);
      else m.delete('dataValue');
    }
    this.drop(m, 'serializedValue', '`serializedValue` exists only in OpenAPI 3.2');
  }

  private responses(m: OMap): void {
    this.strip(m);
    for (const [status, res] of m) if (!status.startsWith('x-') && isMap(res)) this.at(status, () => this.response(res));
  }

  private response(m: OMap): void {
    if (this.isRef(m)) {
      this.reference(m);
      return;
    }
    this.strip(m);
    if (this.below32) {
      const summary = m.get('summary');
      if (summary !== undefined) {
        if (!m.has('description')) renameKey(m, 'summary', 'description', summary);
        else this.drop(m, 'summary', '`response.summary` exists only in OpenAPI 3.2');
      }
      // Required before 3.2.
      if (!m.has('description')) m.set('description', '');
    }
    const headers = getMap(m, 'headers');
    if (headers) this.at('headers', () => this.eachValue(headers, (h) => isMap(h) && this.header(h)));
    this.content(m);
    const links = getMap(m, 'links');
    if (links) this.at('links', () => this.eachValue(links, (l) => isMap(l) && (this.isRef(l) ? this.reference(l) : this.strip(l))));
  }

  private callback(m: OMap): void {
    if (this.isRef(m)) {
      this.reference(m);
      return;
    }
    this.strip(m);
    for (const [expression, item] of m) if (!expression.startsWith('x-')) this.at(expression, () => this.pathItemAt(m, expression, item));
  }

  private components(m: OMap): void {
    this.strip(m);
    const each = (key: string, fn: (v: OMap, name: string, map: OMap) => void) => {
      const map = getMap(m, key);
      if (map) this.at(key, () => this.eachValue(map, (v, name) => isMap(v) && fn(v, name, map)));
    };
    const schemas = getMap(m, 'schemas');
    if (schemas) this.at('schemas', () => this.schemaMap(schemas));
    each('responses', (r) => this.response(r));
    each('parameters', (p) => (this.isRef(p) ? this.reference(p) : this.parameter(p)));
    each('examples', (e) => this.example(e));
    each('requestBodies', (b) => this.requestBody(b));
    each('headers', (h) => this.header(h));
    each('securitySchemes', (s, name, map) => this.securityScheme(s, name, map));
    each('links', (l) => (this.isRef(l) ? this.reference(l) : this.strip(l)));
    each('callbacks', (cb) => this.callback(cb));
    const pathItems = getMap(m, 'pathItems');
    if (pathItems) {
      if (this.below31) this.drop(m, 'pathItems', '`components.pathItems` exists only from OpenAPI 3.1: path items that referred to them are written in place');
      else this.at('pathItems', () => this.eachValue(pathItems, (item, key) => this.pathItemAt(pathItems, key, item)));
    }
    const mediaTypes = getMap(m, 'mediaTypes');
    if (mediaTypes) {
      if (this.below32) this.drop(m, 'mediaTypes', '`components.mediaTypes` exists only in OpenAPI 3.2: media types that referred to them are written in place');
      else this.at('mediaTypes', () => this.eachValue(mediaTypes, (media) => isMap(media) && !this.isRef(media) && this.mediaType(media)));
    }
  }

  private securityScheme(m: OMap, name: string, all: OMap): void {
    if (this.isRef(m)) {
      this.reference(m);
      return;
    }
    this.strip(m);
    if (this.below31 && m.get('type') === 'mutualTLS') {
      all.delete(name);
      this.warn('the `mutualTLS` security scheme exists only from OpenAPI 3.1: left out');
      return;
    }
    if (this.below32) {
      this.drop(m, 'deprecated', 'a deprecated security scheme can be marked only in OpenAPI 3.2');
      this.drop(m, 'oauth2MetadataUrl', '`oauth2MetadataUrl` exists only in OpenAPI 3.2');
      const flows = getMap(m, 'flows');
      if (flows) this.at('flows', () => this.drop(flows, 'deviceAuthorization', 'the OAuth device authorization flow exists only in OpenAPI 3.2'));
    }
  }

  private tag(m: OMap): void {
    this.strip(m);
    if (!this.below32) return;
    this.drop(m, 'summary', '`tag.summary` exists only in OpenAPI 3.2');
    this.drop(m, 'parent', 'nested tags (`tag.parent`) exist only in OpenAPI 3.2');
    this.drop(m, 'kind', '`tag.kind` exists only in OpenAPI 3.2');
  }

  /** A Reference Object outside schemas: 3.0 allows nothing beside `$ref`. */
  private reference(m: OMap): void {
    if (!this.below31) return;
    const extra = [...m.keys()].filter((k) => k !== '$ref');
    if (extra.length === 0) return;
    for (const k of extra) m.delete(k);
    if (extra.some((k) => !k.startsWith('x-'))) this.warn(`${extra.map((k) => `\`${k}\``).join(', ')} beside \`$ref\` cannot be written in OpenAPI 3.0: left out`);
  }

  // --- schemas -------------------------------------------------------------------------------

  private schemaAt(owner: OMap, key: string): void {
    const v = owner.get(key);
    if (v === undefined) return;
    this.at(key, () => {
      const next = this.schema(v);
      if (next !== v) owner.set(key, next);
    });
  }

  private schemaMap(map: OMap): void {
    for (const name of map.keys()) this.schemaAt(map, name);
  }

  /** Converts one schema (and everything below it); returns the schema to write in its place. */
  private schema(v: OValue): OValue {
    if (typeof v === 'boolean') return this.below31 ? (v ? new Map() : new Map([['not', new Map()]])) : v;
    if (!isMap(v)) return v;
    const m = v;
    this.strip(m);
    for (const key of SCHEMA_ONE) if (m.has(key)) this.schemaAt(m, key);
    // `additionalProperties: false` is a boolean in every version, not a boolean schema.
    if (isMap(m.get('additionalProperties'))) this.schemaAt(m, 'additionalProperties');
    for (const key of SCHEMA_LIST) {
      const list = m.get(key);
      if (Array.isArray(list)) this.at(key, () => list.forEach((s, i) => this.at(String(i), () => (list[i] = this.schema(s)))));
    }
    for (const key of SCHEMA_MAP) {
      const map = getMap(m, key);
      if (map) this.at(key, () => this.schemaMap(map));
    }
    const discriminator = getMap(m, 'discriminator');
    if (discriminator && this.below32) this.at('discriminator', () => this.drop(discriminator, 'defaultMapping', '`discriminator.defaultMapping` exists only in OpenAPI 3.2'));
    const xml = getMap(m, 'xml');
    if (xml && this.below32 && xml.has('nodeType')) {
      this.at('xml', () => {
        const node = xml.get('nodeType');
        if (node === 'attribute') renameKey(xml, 'nodeType', 'attribute', true);
        else if (node === 'element') xml.delete('nodeType');
        else this.drop(xml, 'nodeType', `\`xml.nodeType: ${String(node)}\` exists only in OpenAPI 3.2`);
      });
    }
    return this.below31 ? this.schemaTo30(m) : this.schemaTo31(m);
  }

  /** 3.0 → 3.1 dialect: `nullable` becomes a type array, bounds become numbers, `example` becomes `examples`. */
  private schemaTo31(m: OMap): OValue {
    if (m.has('example') && !m.has('examples')) renameKey(m, 'example', 'examples', [m.get('example') as OValue]);
    for (const [bound, limit] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
      const flag = m.get(bound);
      if (typeof flag !== 'boolean') continue;
      const n = m.get(limit);
      if (flag && typeof n === 'number') {
        renameKey(m, limit, bound, n);
      } else m.delete(bound);
    }
    if (!m.has('nullable')) return m;
    const nullable = m.get('nullable') === true;
    m.delete('nullable');
    if (!nullable) return m;
    const type = m.get('type');
    if (typeof type === 'string') m.set('type', type === 'null' ? type : [type, 'null']);
    else if (Array.isArray(type)) {
      if (!type.includes('null')) type.push('null');
    } else if (Array.isArray(m.get('oneOf')) || Array.isArray(m.get('anyOf'))) {
      const list = (m.get('oneOf') ?? m.get('anyOf')) as OValue[];
      if (!list.some((s) => isMap(s) && s.get('type') === 'null')) list.push(new Map([['type', 'null']]));
      return m;
    } else if (m.has('$ref') || Array.isArray(m.get('allOf'))) {
      // `allOf: [$ref]` + `nullable` is how 3.0 documents write a nullable reference.
      let inner: OMap = new Map();
      for (const key of ['$ref', 'allOf']) {
        if (m.has(key)) {
          inner.set(key, m.get(key) as OValue);
          m.delete(key);
        }
      }
      const allOf = inner.get('allOf');
      if (inner.size === 1 && Array.isArray(allOf) && allOf.length === 1 && isMap(allOf[0])) inner = allOf[0];
      m.set('anyOf', [inner, new Map([['type', 'null']])]);
      return m;
    } else return m;
    const en = m.get('enum');
    if (Array.isArray(en) && !en.includes(null)) en.push(null);
    return m;
  }

  /** 3.1 / 3.2 (JSON Schema 2020-12) → 3.0's schema object. */
  private schemaTo30(m: OMap): OValue {
    const type = m.get('type');
    if (Array.isArray(type) || type === 'null') {
      const types = Array.isArray(type) ? type : [type];
      const nonNull = types.filter((t) => t !== 'null');
      const hasNull = nonNull.length !== types.length;
      if (nonNull.length === 1) {
        m.set('type', nonNull[0] as OValue);
        if (hasNull) setAfter(m, 'type', 'nullable', true);
      } else if (nonNull.length === 0) {
        // 3.0 has no null type and wants `type` beside `nullable`: a nullable string that allows only null.
        m.set('type', 'string');
        setAfter(m, 'type', 'nullable', true);
        m.set('enum', [null]);
      } else {
        // Several types: one branch each, each nullable when null is allowed (`nullable` needs a `type`).
        const anyOf = nonNull.map((t) => new Map<string, OValue>(hasNull ? [['type', t], ['nullable', true]] : [['type', t]]));
        renameKey(m, 'type', 'anyOf', anyOf);
      }
    }
    if (m.has('const')) {
      const value = m.get('const') as OValue;
      if (!m.has('enum')) renameKey(m, 'const', 'enum', [value]);
      else m.delete('const');
    }
    const examples = m.get('examples');
    if (Array.isArray(examples)) {
      if (examples.length > 0 && !m.has('example')) renameKey(m, 'examples', 'example', examples[0] as OValue);
      else m.delete('examples');
      if (examples.length > 1) this.warn(`OpenAPI 3.0 schemas have one \`example\`: ${examples.length - 1} more left out`);
    }
    for (const [bound, limit] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
      const n = m.get(bound);
      if (typeof n !== 'number') continue;
      const other = m.get(limit);
      const stricter = typeof other !== 'number' || (bound === 'exclusiveMinimum' ? n >= other : n <= other);
      if (stricter) {
        renameKey(m, bound, limit, n);
        setAfter(m, limit, bound, true);
      } else m.delete(bound);
    }
    if (m.get('contentEncoding') === 'base64' || m.get('contentEncoding') === 'base64url') {
      if (!m.has('format')) renameKey(m, 'contentEncoding', 'format', 'byte');
      else m.delete('contentEncoding');
    } else if (m.has('contentEncoding')) this.drop(m, 'contentEncoding', '`contentEncoding` exists only from OpenAPI 3.1');
    if (m.has('contentMediaType')) {
      if (!m.has('format')) renameKey(m, 'contentMediaType', 'format', 'binary');
      else m.delete('contentMediaType');
    }
    for (const key of NOT_IN_30) {
      if (m.has(key)) this.drop(m, key, `the JSON Schema keyword \`${key}\` does not exist in OpenAPI 3.0`);
    }
    if (m.has('$comment')) m.delete('$comment');
    if (m.has('$ref') && m.size > 1) {
      // 3.0 ignores everything beside `$ref`: keep it by moving the reference into `allOf`.
      const ref = m.get('$ref') as OValue;
      const allOf = m.get('allOf');
      const entry: OMap = new Map([['$ref', ref]]);
      if (Array.isArray(allOf)) {
        allOf.unshift(entry);
        m.delete('$ref');
      } else renameKey(m, '$ref', 'allOf', [entry]);
    }
    return m;
  }

  // --- framework additions -------------------------------------------------------------------

  private addImplicitResponses(op: OMap, hasParamsOrBody: boolean): void {
    const profile = this.options.framework as Profile;
    for (const implicit of profile.implicitResponses) {
      if (implicit.when === 'params-or-body' && !hasParamsOrBody) continue;
      let responses = getMap(op, 'responses');
      // FastAPI leaves its 422 out when the route documents the status, its range, or a default.
      if (responses && (responses.has(implicit.status) || responses.has(`${implicit.status[0] ?? ''}XX`) || responses.has('default'))) continue;
      if (!responses) {
        responses = new Map();
        op.set('responses', responses);
      }
      const schema: OMap = new Map([['$ref', `#/components/schemas/${implicit.schemaName}`]]);
      responses.set(
        implicit.status,
        new Map<string, OValue>([
          ['description', implicit.description],
          ['content', new Map([['application/json', new Map([['schema', schema]])]])],
        ]),
      );
      this.usedImplicit.add(implicit.schemaName);
    }
  }

  private addImplicitSchemas(): void {
    if (this.usedImplicit.size === 0) return;
    let components = getMap(this.doc, 'components');
    if (!components) {
      components = new Map();
      this.doc.set('components', components);
    }
    let schemas = getMap(components, 'schemas');
    if (!schemas) {
      schemas = new Map();
      // Schemas come first in components, as frameworks write them.
      const rest = [...components.entries()];
      components.clear();
      components.set('schemas', schemas);
      for (const [k, v] of rest) components.set(k, v);
    }
    for (const [name, schema] of implicitSchemas([...this.usedImplicit])) if (!schemas.has(name)) schemas.set(name, schema);
  }

  // --- helpers -------------------------------------------------------------------------------

  private isRef(m: OMap): boolean {
    return typeof m.get('$ref') === 'string';
  }

  private resolveLocal(ref: string): OValue | undefined {
    let keys: string[];
    try {
      keys = decodePointer(ref);
    } catch {
      return undefined;
    }
    let node: OValue | undefined = this.doc;
    for (const k of keys) {
      if (isMap(node)) node = node.get(k);
      else if (Array.isArray(node) && /^\d+$/.test(k)) node = node[Number(k)];
      else return undefined;
      if (node === undefined) return undefined;
    }
    return node;
  }

  private strip(m: OMap): void {
    if (!this.options.stripExtensions) return;
    for (const key of m.keys()) if (key.startsWith(X_ROUTECRAFT)) m.delete(key);
  }

  private drop(m: OMap, key: string, message: string): void {
    if (!m.has(key)) return;
    m.delete(key);
    this.path.push(key);
    this.warn(message);
    this.path.pop();
  }

  private warn(message: string): void {
    this.warnings.push({ pointer: encodePointer(this.path), message });
  }

  private at(key: string, fn: () => void): void {
    this.path.push(key);
    try {
      fn();
    } finally {
      this.path.pop();
    }
  }

  private list(m: OMap, key: string, fn: (item: OMap) => void): void {
    const list = m.get(key);
    if (!Array.isArray(list)) return;
    this.at(key, () => list.forEach((item, i) => isMap(item) && this.at(String(i), () => fn(item))));
  }

  /** Every entry of a map of named objects (whose keys are names, never extensions). */
  private eachValue(m: OMap, fn: (v: OValue, key: string) => void): void {
    for (const [k, v] of m) this.at(k, () => fn(v, k));
  }
}
