import { compiledRoutes } from '../matching/compiled-routes';
import type { RoutePattern } from '../matching/route-pattern';
import type { ApiModel, MediaContent, ResponseSpec, Route } from '../model/api-model';
import type { ProfileId } from '../model/x-routecraft';
import type { Profile } from '../profiles/profile';
import { getProfile } from '../profiles/profiles';
import { closestRoutes, indexRoutePaths, type RoutePathEntry } from './closest-routes';
import type { MockSource } from './mock-source';
import { mockFacts, type MockProfileFacts } from './mock-profile-facts';
import { bundleSchema } from './schema-bundle';
import type { JsonSchema, SchemaEngine } from './schema-engine';

export { X_RESPONSE_MOCK } from './mock-source';

/** How many 404 paths' nearest routes a table remembers. */
const RECENT_CLOSEST = 64;

export interface MockTableOptions {
  /** The schema library (validation and generation) the Node side provides. */
  engine: SchemaEngine;
  /** Overrides the document's `x-routecraft.profile`. */
  profile?: ProfileId;
  /** Report bodies that do not match their schema (django-modern-rest's response validation). */
  strict?: boolean;
}

/** A body computed once: examples and deterministic generation give the same answer every time. */
export interface StaticBody {
  value: unknown;
  source: string;
  /** Strict mode: why the value does not match the schema (checked once). */
  mismatch?: string[];
  /** The value written out for its media type, with its Content-Type and length (once). */
  wire?: { text: string; contentType: string; length: number };
  /** Its response's declared headers and its content headers: the whole list when nothing else applies (once). */
  answerHeaders?: AnswerHeaders;
}

/** A header list as the log shows it and as node:http takes it (name, value, name, value, …). */
export interface AnswerHeaders {
  list: [string, string][];
  flat: string[];
}

/** A response's declared headers with their example values. */
export interface ResponseHeaders {
  list: [string, string][];
  /** A `Location` is declared without an example: a 201 or 3xx derives one from the request. */
  locationWithoutExample: boolean;
}

/**
 * One document ready to answer requests: the routing table the mock server swaps atomically on every
 * edit. Everything derived from the document is cached here and dies with it, so a reload never
 * serves a stale body.
 */
export class MockTable {
  readonly profile: Profile;
  readonly facts: MockProfileFacts;
  readonly engine: SchemaEngine;
  readonly strict: boolean;
  private patterns: Map<Route, RoutePattern>;
  private paths: RoutePathEntry[] | undefined;
  private readonly recentClosest = new Map<string, string[]>();
  private readonly schemas = new WeakMap<object, JsonSchema>();
  private readonly latencies = new Map<ResponseSpec, number | undefined>();
  readonly staticBodies = new Map<MediaContent, StaticBody>();
  /** Each response's declared headers with their example values, computed once. */
  readonly responseHeaders = new Map<ResponseSpec, ResponseHeaders>();
  /** The response each route answers with by default (findResponse of its default status), found once. */
  readonly defaultResponses = new Map<Route, { status: number; response: ResponseSpec | undefined }>();

  constructor(
    private currentSource: MockSource,
    options: MockTableOptions,
  ) {
    this.profile = getProfile(options.profile ?? currentSource.model.profile);
    this.facts = mockFacts(this.profile.id);
    this.engine = options.engine;
    this.strict = options.strict ?? false;
    // Compiled now rather than on the first request: a reload pays for it, not a user's request.
    this.patterns = patternsOf(currentSource.model, this.profile);
  }

  get source(): MockSource {
    return this.currentSource;
  }

  get model() {
    return this.currentSource.model;
  }

  /**
   * Lets go of the document: from now on the table answers from a copy of what it needs. Equal
   * answers, so everything cached stays valid; done after listening, so it never delays a start.
   */
  detach(): void {
    const before = this.currentSource.model;
    this.currentSource = this.currentSource.detached();
    if (this.currentSource.model === before) return;
    // The copy's routes are new objects (a document's routes read their ranges from its tree).
    // What is kept by route would find nothing for them and keep the old ones, and through them the
    // document: compiled again now, after listening, rather than on the next request.
    this.patterns = patternsOf(this.currentSource.model, this.profile);
    this.defaultResponses.clear();
    this.paths = undefined;
  }

  patternOf(route: Route): RoutePattern | undefined {
    return this.patterns.get(route);
  }

  /**
   * The routes nearest to a path nothing matched (see closestRoutes). The last answers are kept: a
   * client polling a wrong URL asks the same question over and over, and at 10,000 routes each
   * answer costs milliseconds.
   */
  closestRoutes(path: string, method: string): string[] {
    const key = `${method} ${path}`;
    let out = this.recentClosest.get(key);
    if (out === undefined) {
      out = closestRoutes((this.paths ??= indexRoutePaths(this.model.routes)), path, method);
      if (this.recentClosest.size >= RECENT_CLOSEST) this.recentClosest.delete(this.recentClosest.keys().next().value as string);
      this.recentClosest.set(key, out);
    }
    return out;
  }

  /** The schema as a self-contained JSON Schema, bundled once per schema object. */
  schema(schema: unknown): JsonSchema {
    if (typeof schema !== 'object' || schema === null) return typeof schema === 'boolean' ? schema : {};
    let out = this.schemas.get(schema);
    if (out === undefined) this.schemas.set(schema, (out = bundleSchema(this.currentSource.refValue, schema, this.model.version)));
    return out;
  }

  /** Milliseconds to wait before this response: its own `x-routecraft-mock.latencyMs`, else the document's. */
  latency(response: ResponseSpec | undefined): number {
    const global = this.model.mock.latencyMs ?? 0;
    if (!response) return global;
    if (!this.latencies.has(response)) this.latencies.set(response, this.currentSource.responseLatency(response));
    return this.latencies.get(response) ?? global;
  }
}

function patternsOf(model: ApiModel, profile: Profile): Map<Route, RoutePattern> {
  return new Map(compiledRoutes(model, profile).patterns.map((p) => [p.route, p]));
}
