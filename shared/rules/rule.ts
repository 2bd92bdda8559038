import type { SourceRange } from '../document/line-index';
import type { RoutePattern } from '../matching/route-pattern';
import type { Shadowing } from '../matching/route-shadowing';
import type { ApiModel, Route } from '../model/api-model';
import type { Diagnostic, Severity } from '../model/diagnostic';
import type { ApiDocument } from '../model/open-document';
import type { Profile } from '../profiles/profile';
import type { RouteFilter, RouteGrouping } from './route-selection';

/**
 * One check of a document (DESIGN §4). A rule reads the model — never the text directly, except to
 * point at what the model does not carry — and returns diagnostics as data, with fixes as intents.
 * Rules never throw on a model read from any document: the model already absorbed bad input.
 */
export interface Rule {
  /** Stable: users filter on it and CI configurations name it (`route/duplicate`). */
  readonly id: string;
  /** The severity of its findings unless a finding says otherwise (case collisions under Express). */
  readonly severity: Severity;
  /** One line for `routecraft lint --help` and the diagnostics panel. */
  readonly description: string;
  check(ctx: RuleContext): Diagnostic[];
  /**
   * The filters and groupings `check` reads routes through, so that a Validator builds them all in
   * one pass over the routes (one route's fields read once, not once per rule). Optional: one not
   * listed is built when first asked for.
   */
  readonly selects?: RouteSelections;
}

export interface RouteSelections {
  readonly filters?: readonly RouteFilter[];
  readonly groupings?: readonly RouteGrouping[];
}

/**
 * What every rule sees: one document, read once, under one profile. Rules read routes through
 * `routesWhere` and `groups` rather than scanning `model.routes`, so that the Validator can hand them
 * only the routes an edit may have changed something for (DESIGN §3: tens of thousands of routes).
 */
export interface RuleContext {
  readonly doc: ApiDocument;
  readonly model: ApiModel;
  readonly profile: Profile;
  /** The 1-based declaration index users see ("#3"). */
  index(route: Route): number;
  /** "`GET /users/{user_id}` (#3)": how every message names a route. */
  label(route: Route): string;
  /**
   * Whether edits can reach the route's operation — or, given `at` (a JSON pointer inside it), that
   * element — so a fix may be offered: not in a shared (`$ref`) path item, not through a YAML alias.
   */
  editable(route: Route, at?: string): boolean;
  /**
   * Where a part of the route (a response, header or path parameter, by its pointer) is in the
   * text; undefined when the pointer leads nowhere. The model keeps ranges of routes only.
   */
  rangeOf(route: Route, pointer: string): SourceRange | undefined;
  /**
   * The routes `filter` selects, in declaration order. A context may hand out more (a full run
   * hands out every route): a rule checks everything it reports.
   */
  routesWhere(filter: RouteFilter): readonly Route[];
  /**
   * The groups of `grouping`, in the order of their first route, each in declaration order. A
   * context may leave out the groups that do not matter (one route, or one variant): a rule has
   * nothing to say about those.
   */
  groups(grouping: RouteGrouping): Iterable<readonly Route[]>;
  /** One group of `grouping`, in declaration order; [] when no route has that key. */
  group(grouping: RouteGrouping, key: string): readonly Route[];
  /** The number of distinct variants (or routes, without `variant`) in one group of `grouping`. */
  variantCount(grouping: RouteGrouping, key: string): number;
  /** The shadowing analysis of the one matcher (DESIGN §3) under `profile`, in matching order. */
  shadowing(): readonly Shadowing[];
  /** The route's path as the profile's framework compiles it (the matcher's own pattern). */
  pattern(route: Route): RoutePattern | undefined;
  /**
   * The GET route sharing the most leading segments with `route` (at least the first), another path
   * than its own; on a tie the one as deep as it, then the first declared. For example `Location`s.
   */
  closestGet(route: Route): Route | undefined;
  /**
   * What `compute` returned last time when `input` holds the same values (`===`) as then (a Validator
   * keeps it across runs); else `compute(previous)`, where `previous` may be the value computed for
   * the last, different input, which compute may take over. For a rule's document-level reading
   * that is expensive and depends on `input` alone.
   */
  memo<T>(slot: object, input: readonly unknown[], compute: (previous?: T) => T): T;
}
