import type { ApiModel, Controller, MockSettings, Route } from '../model/api-model';
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

export function buildDesignView(
  base: Pick<DesignView, 'sessionId' | 'revision' | 'readable'>,
  model: ApiModel,
  diagnostics: readonly Diagnostic[],
): DesignView {
  const { problems, counts, byRoute } = tally(diagnostics);

  const routes: RouteRow[] = model.routes.map((r, i) => ({
    key: r.key,
    index: i + 1,
    method: r.method,
    path: r.path,
    localPath: r.localPath,
    controller: r.controller,
    ...(r.summary !== undefined ? { summary: r.summary } : {}),
    ...(r.operationId !== undefined ? { operationId: r.operationId } : {}),
    deprecated: r.deprecated,
    problems: byRoute.get(r.key) ?? emptyCounts(),
  }));
  const routeRanges = new Int32Array(model.routes.length * 2);
  model.routes.forEach((r, i) => {
    routeRanges[2 * i] = r.range.start.offset;
    routeRanges[2 * i + 1] = r.range.end.offset;
  });

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
  for (const r of routes) {
    const name = r.controller ?? UNGROUPED;
    let row = rows.get(name);
    if (!row) rows.set(name, (row = { name, prefix: '', declared: false, routeCount: 0, problems: emptyCounts() }));
    row.routeCount += 1;
    row.problems.error += r.problems.error;
    row.problems.warning += r.problems.warning;
    row.problems.info += r.problems.info;
  }
  return [...rows.values()];
}

/**
 * The view with findings computed elsewhere (Redocly's, in main) joined in: one list, one set of
 * counts and badges (DESIGN §4). Rows and controllers that gain nothing are kept as they are.
 */
export function withExtraProblems(view: DesignView, extra: readonly Diagnostic[]): DesignView {
  if (extra.length === 0) return view;
  const more = tally(extra, view.problems);
  const problems = [...view.problems, ...more.problems];
  const counts = add(view.counts, more.counts);
  const byRoute = more.byRoute;
  if (byRoute.size === 0) return { ...view, problems, counts };
  const byController = new Map<string, ProblemCounts>();
  const routes = view.routes.map((r) => {
    const more = byRoute.get(r.key);
    if (!more) return r;
    const name = r.controller ?? UNGROUPED;
    byController.set(name, add(byController.get(name) ?? emptyCounts(), more));
    return { ...r, problems: add(r.problems, more) };
  });
  const controllers = view.controllers.map((c) => {
    const more = byController.get(c.name);
    return more ? { ...c, problems: add(c.problems, more) } : c;
  });
  return { ...view, routes, controllers, problems, counts };
}

/** True when two rows show the same thing (what the sidebar draws from them is the same). */
export function sameRow(a: RouteRow, b: RouteRow): boolean {
  return (
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
