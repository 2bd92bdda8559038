import type { ApiModel, Route } from '../model/api-model';
import type { Diagnostic, Severity } from '../model/diagnostic';
import type { ApiDocument } from '../model/open-document';
import type { Profile } from '../profiles/profile';

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
}

/** What every rule sees: one document, read once, under one profile. */
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
}
