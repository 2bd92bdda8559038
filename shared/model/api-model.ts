import type { SourceRange } from '../document/line-index';
import type { DocumentFormat } from '../document/source-document';
import type { Convertor, HttpMethod, ProfileId } from './x-routecraft';

/**
 * The typed view of an OpenAPI document (DESIGN §1). Derived from the text, never edited directly:
 * edits are text edits, and the model is read again from the result.
 */
export interface ApiModel {
  format: DocumentFormat;
  /** The `openapi` field as written, e.g. "3.1.0". */
  openapi: string | null;
  version: OpenApiVersion | null;
  title: string;
  apiVersion: string;
  profile: ProfileId;
  controllers: Controller[];
  /** In declaration order: the order the target framework tries them in. */
  routes: Route[];
  /** Where the declaration order comes from. */
  orderSource: 'paths' | 'x-routecraft';
  mock: MockSettings;
}

export type OpenApiVersion = '3.0' | '3.1' | '3.2';

/** A group of routes with a router prefix: an OpenAPI tag plus `x-routecraft-prefix`. */
export interface Controller {
  name: string;
  prefix: string;
  description?: string;
  /** False when only operations name the tag and the root `tags` list does not declare it. */
  declared: boolean;
  pointer: string | null;
  range: SourceRange | null;
}

export interface Route {
  /** `GET /users/{user_id}`: stable across edits that do not change method or path. */
  key: string;
  method: HttpMethod;
  /** The full path as in `paths`, prefix included. */
  path: string;
  /** The path relative to the controller's prefix (what `@router.get(…)` is given; '' for the prefix itself). */
  localPath: string;
  controller: string | null;
  tags: string[];
  operationId?: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  params: PathParam[];
  requestBody?: RequestBody;
  responses: ResponseSpec[];
  /** The status the handler returns unless asked otherwise. */
  defaultStatus: string | null;
  /** True when `x-routecraft-default-status` says so, false when inferred. */
  defaultStatusExplicit: boolean;
  pointer: string;
  /**
   * The operation in the text, from its method key: read from the document's tree when asked
   * (route-site.ts), so an edit that only moves a route leaves it the same object. Only routes carry
   * a range; their responses, headers and parameters are found from their pointers when a
   * diagnostic needs them (`RuleContext.rangeOf`).
   */
  readonly range: SourceRange;
}

export interface PathParam {
  name: string;
  /** `integer`, `number`, `string`, `uuid`, `path`, … from the schema (and format). */
  type: string;
  schema?: unknown;
  convertor?: Convertor;
  /** Named by a `{name}` segment of the path. */
  inTemplate: boolean;
  /** Declared as an `in: path` parameter. */
  declared: boolean;
  /** Where it is: see `Route.range` for why the parts of a route carry no range of their own. */
  pointer?: string;
}

export interface RequestBody {
  required: boolean;
  content: MediaContent[];
  pointer: string;
  ref?: string;
}

export interface ResponseSpec {
  /** As written: "200", "2XX" or "default". */
  status: string;
  description?: string;
  content: MediaContent[];
  headers: HeaderSpec[];
  /** Set when the response is a `$ref` to a shared component. */
  ref?: string;
  pointer: string;
}

export interface MediaContent {
  mediaType: string;
  schema?: unknown;
  examples: NamedExample[];
  pointer: string;
}

export interface NamedExample {
  /** The key in `examples`, or "example" for the single `example` field. */
  name: string;
  value: unknown;
  summary?: string;
  ref?: string;
  pointer: string;
}

export interface HeaderSpec {
  name: string;
  required: boolean;
  schema?: unknown;
  example?: unknown;
  description?: string;
  ref?: string;
  pointer: string;
}

export interface MockSettings {
  latencyMs?: number;
  cors?: 'off' | 'permissive' | string[];
}
