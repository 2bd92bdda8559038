import type { EditIntent } from '../edit/edit-intent';
import { parseRouteKey, routeKey } from '../model/x-routecraft';
import type { ModelSummary, RouteSummary } from './model-summary';

/**
 * An independent statement of what each edit means, written against the summary rather than the
 * text: the property tests check that the document the text edits produce reads back as this.
 * Returns undefined when the edit must be refused.
 */
export function expectedAfter(before: ModelSummary, intent: EditIntent): ModelSummary | undefined {
  const m: ModelSummary = JSON.parse(JSON.stringify(before)) as ModelSummary;
  const find = (key: string) => m.routes.find((r) => r.key === key);
  const declare = (name: string) => {
    const c = m.controllers.find((x) => x.name === name);
    if (c && !c.declared) c.declared = true;
    if (!c) m.controllers.push({ name, prefix: '', declared: true });
  };
  switch (intent.op) {
    case 'addRoute': {
      const key = routeKey(intent.method, intent.path);
      if (find(key)) return undefined;
      const controller = intent.controller ?? null;
      const route: RouteSummary = {
        key,
        controller,
        ...(intent.operationId !== undefined ? { operationId: intent.operationId } : {}),
        ...(intent.summary !== undefined ? { summary: intent.summary } : {}),
        deprecated: false,
        defaultStatus: '200',
        explicitDefault: false,
        responses: [{ status: '200', description: 'Successful Response', headers: [] }],
      };
      const index = intent.index ?? lastIndexOf(m.routes, controller) + 1;
      m.routes.splice(Math.max(0, Math.min(index, m.routes.length)), 0, route);
      if (controller !== null) declare(controller);
      break;
    }
    case 'deleteRoute': {
      if (!find(intent.route)) return undefined;
      m.routes = m.routes.filter((r) => r.key !== intent.route);
      break;
    }
    case 'moveRoute': {
      const route = find(intent.route);
      if (!route) return undefined;
      if (intent.controller !== undefined && intent.controller !== route.controller) {
        route.controller = intent.controller;
        if (intent.controller !== null) declare(intent.controller);
      }
      m.routes = m.routes.filter((r) => r !== route);
      m.routes.splice(Math.max(0, Math.min(intent.to, m.routes.length)), 0, route);
      break;
    }
    case 'updateRoute': {
      const route = find(intent.route);
      if (!route) return undefined;
      const { method, path } = parseRouteKey(route.key) ?? { method: 'get', path: '/' };
      const key = routeKey(intent.method ?? method, intent.path ?? path);
      if (key !== route.key && find(key)) return undefined;
      if (intent.summary !== undefined) setOptional(route, 'summary', intent.summary);
      if (intent.operationId !== undefined) setOptional(route, 'operationId', intent.operationId);
      if (intent.deprecated !== undefined) route.deprecated = intent.deprecated;
      if (intent.controller !== undefined) {
        route.controller = intent.controller;
        if (intent.controller !== null) declare(intent.controller);
      }
      route.key = key;
      break;
    }
    case 'addResponse': {
      const route = find(intent.route);
      if (!route || route.responses.some((r) => r.status === intent.status)) return undefined;
      const rank = statusRank(intent.status);
      const at = route.responses.findIndex((r) => statusRank(r.status) > rank);
      const headers = Object.entries(intent.response?.headers ?? {}).map(([name, h]) => ({ name, required: h.required === true }));
      route.responses.splice(at === -1 ? route.responses.length : at, 0, { status: intent.status, description: intent.response?.description ?? '', headers });
      if (!route.explicitDefault) route.defaultStatus = inferDefault(route.responses.map((r) => r.status));
      break;
    }
    case 'deleteResponse': {
      const route = find(intent.route);
      if (!route || !route.responses.some((r) => r.status === intent.status)) return undefined;
      route.responses = route.responses.filter((r) => r.status !== intent.status);
      if (route.explicitDefault && route.defaultStatus === intent.status) route.explicitDefault = false;
      if (!route.explicitDefault) route.defaultStatus = inferDefault(route.responses.map((r) => r.status));
      break;
    }
    case 'updateResponse': {
      const route = find(intent.route);
      const response = route?.responses.find((r) => r.status === intent.status);
      if (!route || !response) return undefined;
      if (intent.description !== undefined) response.description = intent.description;
      if (intent.newStatus !== undefined && intent.newStatus !== intent.status) {
        if (route.responses.some((r) => r.status === intent.newStatus)) return undefined;
        response.status = intent.newStatus;
        if (route.explicitDefault && route.defaultStatus === intent.status) route.defaultStatus = intent.newStatus;
        if (!route.explicitDefault) route.defaultStatus = inferDefault(route.responses.map((r) => r.status));
      }
      break;
    }
    case 'setDefaultStatus': {
      const route = find(intent.route);
      if (!route) return undefined;
      route.explicitDefault = intent.status !== null;
      route.defaultStatus = intent.status ?? inferDefault(route.responses.map((r) => r.status));
      break;
    }
    case 'setHeader': {
      const response = find(intent.route)?.responses.find((r) => r.status === intent.status);
      if (!response) return undefined;
      const header = response.headers.find((h) => h.name === intent.name);
      if (header) {
        if (intent.header.required !== undefined) header.required = intent.header.required;
      } else response.headers.push({ name: intent.name, required: intent.header.required === true });
      break;
    }
    case 'removeHeader': {
      const response = find(intent.route)?.responses.find((r) => r.status === intent.status);
      if (!response || !response.headers.some((h) => h.name === intent.name)) return undefined;
      response.headers = response.headers.filter((h) => h.name !== intent.name);
      break;
    }
    case 'addController': {
      const existing = m.controllers.find((c) => c.name === intent.name);
      if (existing?.declared) return undefined;
      const entry = { name: intent.name, prefix: intent.prefix ?? '', declared: true, ...(intent.description ? { description: intent.description } : {}) };
      if (existing) m.controllers.splice(m.controllers.indexOf(existing), 1);
      const declared = m.controllers.filter((c) => c.declared);
      declared.splice(intent.index ?? declared.length, 0, entry);
      m.controllers = [...declared, ...m.controllers.filter((c) => !c.declared)];
      break;
    }
    case 'updateController': {
      const c = m.controllers.find((x) => x.name === intent.name);
      if (!c) return undefined;
      if (!c.declared) {
        m.controllers = [...m.controllers.filter((x) => x.declared), { ...c, declared: true }, ...m.controllers.filter((x) => !x.declared && x !== c)];
      }
      const target = m.controllers.find((x) => x.name === intent.name) as (typeof m.controllers)[number];
      if (intent.prefix !== undefined && intent.prefix !== target.prefix) {
        const owned = m.routes.filter((r) => r.controller === target.name);
        const moved = new Map(owned.map((r) => {
          const { method, path } = parseRouteKey(r.key) ?? { method: 'get', path: '/' };
          return [r, routeKey(method, intent.prefix + (path.startsWith(target.prefix) ? path.slice(target.prefix.length) : path))];
        }));
        const others = new Set(m.routes.filter((r) => !moved.has(r)).map((r) => r.key));
        if ([...moved.values()].some((k) => others.has(k))) return undefined;
        // Two of the controller's own routes landing on one URL can't be expressed either.
        if (new Set(moved.values()).size !== moved.size) return undefined;
        for (const [r, k] of moved) r.key = k;
        target.prefix = intent.prefix;
      }
      if (intent.rename !== undefined && intent.rename !== target.name) {
        if (m.controllers.some((x) => x.name === intent.rename)) return undefined;
        for (const r of m.routes) if (r.controller === target.name) r.controller = intent.rename;
        target.name = intent.rename;
      }
      if (intent.description !== undefined) setOptional(target, 'description', intent.description);
      break;
    }
    case 'deleteController': {
      const c = m.controllers.find((x) => x.name === intent.name);
      if (!c) return undefined;
      m.routes = m.routes.filter((r) => r.controller !== c.name);
      m.controllers = m.controllers.filter((x) => x !== c);
      break;
    }
    case 'setProfile':
      m.profile = intent.profile;
      break;
    default:
      throw new Error(`no oracle for ${intent.op}`);
  }
  // Declared controllers keep their order; controllers only named by operations follow, in the
  // order routes first name them, and exist only while a route names them.
  const declared = m.controllers.filter((c) => c.declared);
  const implicit: ModelSummary['controllers'] = [];
  for (const r of m.routes) {
    if (r.controller === null || declared.some((c) => c.name === r.controller) || implicit.some((c) => c.name === r.controller)) continue;
    implicit.push({ name: r.controller, prefix: '', declared: false });
  }
  m.controllers = [...declared, ...implicit];
  return m;
}

function setOptional<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | null): void {
  if (value === null) delete obj[key];
  else obj[key] = value;
}

function lastIndexOf(routes: RouteSummary[], controller: string | null): number {
  for (let i = routes.length - 1; i >= 0; i--) if (routes[i]?.controller === controller) return i;
  return routes.length - 1;
}

function statusRank(status: string): number {
  if (status === 'default') return 1000;
  if (/^\dXX$/.test(status)) return Number(status[0]) * 100 + 99.5;
  return Number(status);
}

function inferDefault(statuses: string[]): string | null {
  const numeric = statuses.filter((s) => /^\d{3}$/.test(s)).sort((a, b) => Number(a) - Number(b));
  return numeric.find((s) => s.startsWith('2')) ?? numeric.find((s) => s.startsWith('3')) ?? numeric[0] ?? statuses[0] ?? null;
}
