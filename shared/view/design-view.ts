import type { ApiModel, Controller, MockSettings, Route } from '../model/api-model';
import { routeOffsets } from '../model/route-site';
import type { Diagnostic, Severity } from '../model/diagnostic';
import type { ProfileId } from '../model/x-routecraft';

// What the visual designer shows, in the shape the UI needs it: small rows for long lists (a
// 10,000-route document travels from the worker to the UI thread after every keystroke, so a row
// carries only what a sidebar line shows) and diagnostics with the counts the badges use.

export interface ProblemCounts {
  error: number;
  warning: number;
  info: number;
}

export interface RouteRow {
  /**
   * Stays with the route through renames and moves (a new number for a new route): what the UI
   * keys its lines on. Typing a path renames the route at every keystroke; keyed on `key`, its line
   * would be made anew each time, and the sortable list with it.
   */
  id: number;
  key: string;
  /** 1-based declaration index: the "#3" diagnostics and traces speak of. */
  index: number;
  method: Route['method'];
  path: string;
  localPath: string;
  controller: string | null;
  summary?: string;
  operationId?: string;
  deprecated: boolean;
  problems: ProblemCounts;
}

export interface ControllerRow {
  name: string;
  prefix: string;
  description?: string;
  declared: boolean;
  routeCount: number;
  problems: ProblemCounts;
}

/** A diagnostic with a stable-enough id for lists and a label of what it is about. */
export interface Problem extends Diagnostic {
  id: string;
}

export interface DesignView {
  sessionId: string;
  revision: number;
  /** False when the text does not parse: the last readable model is not shown as current. */
  readable: boolean;
  format: ApiModel['format'];
  openapi: string | null;
  title: string;
  apiVersion: string;
  profile: ProfileId;
  orderSource: ApiModel['orderSource'];
  mock: MockSettings;
  controllers: ControllerRow[];
  /** In declaration order. */
  routes: RouteRow[];
  /**
   * Where each route's operation is in the text, as start/end offset pairs in route order: the
   * code view maps its cursor to a route. Kept out of the rows, which an edit above them would
   * all change: a keystroke changes one row, and only that row travels (see design-protocol).
   */
  routeRanges: Int32Array;
  problems: Problem[];
  counts: ProblemCounts;
}

/** The name of the group that holds routes without a controller. */
export const UNGROUPED = '';

export function emptyCounts(): ProblemCounts {
  return { error: 0, warning: 0, info: 0 };
}

function count(counts: ProblemCounts, severity: Severity): void {
  counts[severity] += 1;
}

/** Problems with ids, counted in all and per route. Ids are unique among `taken` too. */
function tally(diagnostics: readonly Diagnostic[], taken: readonly Problem[] = []): { problems: Problem[]; counts: ProblemCounts; byRoute: Map<string, ProblemCounts> } {
  const counts = emptyCounts();
  const byRoute = new Map<string, ProblemCounts>();
  const ids = new Set(taken.map((p) => p.id));
  const problems: Problem[] = [];
  for (const d of diagnostics) {
    count(counts, d.severity);
    if (d.target.routeKey !== undefined) {
      let c = byRoute.get(d.target.routeKey);
      if (!c) byRoute.set(d.target.routeKey, (c = emptyCounts()));
      count(c, d.severity);
    }
    // The same rule on the same element twice (two messages) gets a suffix: ids stay unique.
    const raw = `${d.rule}@${d.target.pointer}`;
    let id = raw;
    for (let n = 1; ids.has(id); n++) id = `${raw}#${n}`;
    ids.add(id);
    problems.push({ ...d, id });
  }
  return { problems, counts, byRoute };
}

function add(a: ProblemCounts, b: ProblemCounts): ProblemCounts {
  return { error: a.error + b.error, warning: a.warning + b.warning, info: a.info + b.info };
}

/**
 * The rows of the last view and the routes they were made from. Rows of routes that an edit only
 * moved in the text (or left alone), at the same place and with the same problems, are taken as
 * they are: a keystroke at 10,000 routes then makes one row, not 10,000.
 */
export interface PreviousRows {
  routes: readonly Route[];
  rows: readonly RouteRow[];
}

export function buildDesignView(
  base: Pick<DesignView, 'sessionId' | 'revision' | 'readable'>,
  model: ApiModel,
  diagnostics: readonly Diagnostic[],
  previous?: PreviousRows,
): DesignView {
  const { problems, counts, byRoute } = tally(diagnostics);

  const routes: RouteRow[] = model.routes.map((r, i) => {
    const counted = byRoute.get(r.key);
    const kept = previous && keptRow(previous, r, i, counted);
    if (kept) return kept;
    return {
      id: i + 1,
      key: r.key,
      index: i + 1,
      method: r.method,
      path: r.path,
      localPath: r.localPath,
      controller: r.controller,
      ...(r.summary !== undefined ? { summary: r.summary } : {}),
      ...(r.operationId !== undefined ? { operationId: r.operationId } : {}),
      deprecated: r.deprecated,
      problems: counted ?? emptyCounts(),
    };
  });
  if (previous) carryIds(routes, previous);
  const routeRanges = routeOffsets(model.routes);

  return {
    ...base,
    format: model.format,
    openapi: model.openapi,
    title: model.title,
    apiVersion: model.apiVersion,
    profile: model.profile,
    orderSource: model.orderSource,
    mock: model.mock,
    controllers: controllerRows(model.controllers, routes),
    routes,
    routeRanges,
    problems,
    counts,
  };
}

/** The previous row at place `i` when it shows `route` as it is now (the same route: one that only moved stays the same object). */
function keptRow(previous: PreviousRows, route: Route, i: number, counted: ProblemCounts | undefined): RouteRow | undefined {
  const before = previous.routes[i];
  const row = previous.rows[i];
  if (!before || !row || row.index !== i + 1 || row.key !== route.key) return undefined;
  if (before !== route) return undefined;
  const p = row.problems;
  const c = counted ?? NO_PROBLEMS;
  return p.error === c.error && p.warning === c.warning && p.info === c.info ? row : undefined;
}

const NO_PROBLEMS: ProblemCounts = { error: 0, warning: 0, info: 0 };

/**
 * Gives the rows made anew (not kept from `previous`) the ids of the routes they continue: the
 * previous row with the same key, else — a route renamed in place — the previous row at the same
 * place, when its key is gone. Kept rows keep theirs; an id is never given twice; a new route gets
 * a number no row had.
 */
function carryIds(rows: RouteRow[], previous: PreviousRows): void {
  const made: number[] = [];
  for (let i = 0; i < rows.length; i++) if (rows[i] !== previous.rows[i]) made.push(i);
  if (made.length === 0) return;
  // A keystroke makes a row or two: scans then cost less than a map of 10,000 keys.
  const few = made.length <= 8;
  let before: Map<string, RouteRow> | undefined;
  let now: Set<string> | undefined;
  const previousWithKey = (key: string) => (few ? previous.rows.find((r) => r.key === key) : (before ??= new Map(previous.rows.map((r) => [r.key, r]))).get(key));
  const keyIsGone = (key: string) => !(few ? rows.some((r) => r.key === key) : (now ??= new Set(rows.map((r) => r.key))).has(key));
  const given = new Set<number>();
  // A previous row is taken when it is kept at its place or its id was given to another row.
  const free = (row: RouteRow | undefined): row is RouteRow => row !== undefined && rows[row.index - 1] !== row && !given.has(row.id);
  let next = 0;
  for (const i of made) {
    const row = rows[i] as RouteRow;
    const atPlace = previous.rows[i];
    let from: RouteRow | undefined = atPlace?.key === row.key ? atPlace : previousWithKey(row.key);
    if (!free(from)) from = atPlace && free(atPlace) && keyIsGone(atPlace.key) ? atPlace : undefined;
    if (from) row.id = from.id;
    else {
      if (next === 0) next = largestId(previous.rows, rows.length) + 1;
      row.id = next++;
    }
    given.add(row.id);
  }
}

function largestId(rows: readonly RouteRow[], atLeast: number): number {
  let most = atLeast;
  for (const r of rows) if (r.id > most) most = r.id;
  return most;
}

/** Controllers in the document's order, then any a route names that the document does not list. */
function controllerRows(controllers: readonly Controller[], routes: readonly RouteRow[]): ControllerRow[] {
  const rows = new Map<string, ControllerRow>();
  for (const c of controllers) {
    rows.set(c.name, {
      name: c.name,
      prefix: c.prefix,
      ...(c.description !== undefined ? { description: c.description } : {}),
      declared: c.declared,
      routeCount: 0,
      problems: emptyCounts(),
    });
  }
  // Routes come in runs of one controller: a run costs one lookup (this runs on every change).
  let last: { controller: string | null; row: ControllerRow } | undefined;
  for (const r of routes) {
    let row = last?.controller === r.controller ? last.row : undefined;
    if (!row) {
      const name = r.controller ?? UNGROUPED;
      row = rows.get(name);
      if (!row) rows.set(name, (row = { name, prefix: '', declared: false, routeCount: 0, problems: emptyCounts() }));
      last = { controller: r.controller, row };
    }
    row.routeCount += 1;
    row.problems.error += r.problems.error;
    row.problems.warning += r.problems.warning;
    row.problems.info += r.problems.info;
  }
  return [...rows.values()];
}

/**
 * Findings computed elsewhere (Redocly's, in main), counted once: they are joined into every view
 * that follows until the next lint, one per keystroke, and at 10,000 routes there are thousands.
 */
export interface ExtraProblems {
  readonly diagnostics: readonly Diagnostic[];
  readonly problems: readonly Problem[];
  readonly counts: ProblemCounts;
  readonly byRoute: ReadonlyMap<string, ProblemCounts>;
  /** Each row as joined last time, by the row it was made from: rows an edit left alone stay the same objects. */
  readonly joinedRows: WeakMap<RouteRow, RouteRow>;
  /** The ids of `problems`, made once rather than at every join. */
  readonly ids: ReadonlySet<string>;
}

export function extraProblems(extra: readonly Diagnostic[]): ExtraProblems {
  const { problems, counts, byRoute } = tally(extra);
  return { diagnostics: extra, problems, counts, byRoute, joinedRows: new WeakMap(), ids: new Set(problems.map((p) => p.id)) };
}

/**
 * The view with findings computed elsewhere joined in: one list, one set of counts and badges
 * (DESIGN §4). Rows and controllers that gain nothing are kept as they are.
 */
export function withExtraProblems(view: DesignView, extra: readonly Diagnostic[] | ExtraProblems): DesignView {
  let more = Array.isArray(extra) ? extraProblems(extra as readonly Diagnostic[]) : (extra as ExtraProblems);
  if (more.problems.length === 0) return view;
  // Ids are unique across the joined list: when one of these repeats an id of the view's (the
  // same rule on the same element, which other rule ids make unlikely), they are counted again.
  if (view.problems.some((p) => more.ids.has(p.id))) {
    const recounted = tally(more.diagnostics, view.problems);
    more = { ...more, problems: recounted.problems, ids: new Set(recounted.problems.map((p) => p.id)) };
  }
  const problems = [...view.problems, ...more.problems];
  const counts = add(view.counts, more.counts);
  const byRoute = more.byRoute;
  if (byRoute.size === 0) return { ...view, problems, counts };
  const byController = new Map<string, ProblemCounts>();
  const cache = more.joinedRows;
  const routes = view.routes.map((r) => {
    const extra = byRoute.get(r.key);
    if (!extra) return r;
    const name = r.controller ?? UNGROUPED;
    byController.set(name, add(byController.get(name) ?? emptyCounts(), extra));
    let joined = cache.get(r);
    if (!joined) cache.set(r, (joined = { ...r, problems: add(r.problems, extra) }));
    return joined;
  });
  const controllers = view.controllers.map((c) => {
    const extra = byController.get(c.name);
    return extra ? { ...c, problems: add(c.problems, extra) } : c;
  });
  return { ...view, routes, controllers, problems, counts };
}

/** True when two rows show the same thing (what the sidebar draws from them is the same). */
export function sameRow(a: RouteRow, b: RouteRow): boolean {
  return (
    a.id === b.id &&
    a.key === b.key &&
    a.index === b.index &&
    a.localPath === b.localPath &&
    a.controller === b.controller &&
    a.summary === b.summary &&
    a.operationId === b.operationId &&
    a.deprecated === b.deprecated &&
    a.problems.error === b.problems.error &&
    a.problems.warning === b.problems.warning &&
    a.problems.info === b.problems.info
  );
}
