import { asMap, getAt, getPair, toValue } from '../document/source-tree';
import type { Route } from '../model/api-model';
import { hasOrderList } from '../model/route-order';
import { isHttpMethod, routeKey, type HttpMethod } from '../model/x-routecraft';
import { EditError } from './edit-error';
import { currentOrder, ensureTag, operationPath, reconcileOrder, requireInlineOperation, requireRoute, setValue, type EditContext } from './edit-context';
import type { EditIntent, ResponseInit } from './edit-intent';
import { responseObject } from './response-edits';
import { StructuralEditor } from './structural-edits';

type Intent<K extends EditIntent['op']> = Extract<EditIntent, { op: K }>;

const TEMPLATE_PARAM = /\{([^{}]+)\}/g;

export function validatePath(path: string): void {
  if (!path.startsWith('/')) throw new EditError(`A path starts with "/": "${path}".`);
  if (/\s/.test(path)) throw new EditError(`A path cannot contain spaces: "${path}".`);
  let depth = 0;
  for (const c of path) {
    if (c === '{') depth++;
    if (c === '}') depth--;
    if (depth < 0 || depth > 1) throw new EditError(`Unbalanced braces in "${path}".`);
  }
  if (depth !== 0) throw new EditError(`Unbalanced braces in "${path}".`);
}

function templateParams(path: string): string[] {
  return [...path.matchAll(TEMPLATE_PARAM)].map((m) => m[1] as string);
}

function requireFree(ctx: EditContext, method: string, path: string): void {
  const key = routeKey(method, path);
  if (ctx.doc.model.routes.some((r) => r.key === key)) throw new EditError(`${key} already exists.`);
}

export function addRoute(ctx: EditContext, intent: Intent<'addRoute'>): void {
  const { method, path } = intent;
  if (!isHttpMethod(method)) throw new EditError(`Unknown method "${String(method)}".`);
  validatePath(path);
  requireFree(ctx, method, path);
  const controller = intent.controller ?? null;
  const responses: Record<string, ResponseInit> = intent.responses ?? { '200': { description: 'Successful Response' } };
  const op: Record<string, unknown> = {};
  if (controller !== null) op['tags'] = [controller];
  if (intent.summary !== undefined) op['summary'] = intent.summary;
  if (intent.operationId !== undefined) op['operationId'] = intent.operationId;
  const params = templateParams(path);
  if (params.length > 0) op['parameters'] = params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  op['responses'] = Object.fromEntries(Object.entries(responses).map(([status, r]) => [status, responseObject(r)]));

  insertOperation(ctx, method, path, op, intent.index ?? defaultIndex(ctx.doc.model.routes, controller), controller);
}

/** A copy of a route (its whole operation) right after it, at a free path ("/users-copy"). */
export function duplicateRoute(ctx: EditContext, intent: Intent<'duplicateRoute'>): void {
  const route = requireRoute(ctx.doc, intent.route);
  requireInlineOperation(ctx, route);
  let path = intent.path ?? `${route.path}-copy`;
  if (intent.path === undefined) {
    const taken = new Set(ctx.doc.model.routes.map((r) => r.key));
    for (let n = 2; taken.has(routeKey(route.method, path)); n++) path = `${route.path}-copy-${n}`;
  }
  validatePath(path);
  requireFree(ctx, route.method, path);
  const op = toValue(getAt(ctx.tx.current.root, operationPath(route)));
  if (typeof op !== 'object' || op === null || Array.isArray(op)) throw new EditError(`${route.key} has no operation object to copy.`);
  const copy = { ...(op as Record<string, unknown>) };
  // Two operations may not share an operationId.
  if (typeof copy['operationId'] === 'string') {
    const ids = new Set(ctx.doc.model.routes.map((r) => r.operationId));
    let id = `${copy['operationId']}_copy`;
    for (let n = 2; ids.has(id); n++) id = `${copy['operationId']}_copy${n}`;
    copy['operationId'] = id;
  }
  const index = ctx.doc.model.routes.findIndex((r) => r.key === route.key) + 1;
  insertOperation(ctx, route.method, path, copy, index, route.controller);
}

/** Adds an operation at `paths[path][method]` and puts it at `index` in declaration order. */
function insertOperation(ctx: EditContext, method: HttpMethod, path: string, op: Record<string, unknown>, index: number, controller: string | null): void {
  const order = currentOrder(ctx.doc);
  const key = routeKey(method, path);
  const desired = [...order];
  desired.splice(Math.max(0, Math.min(index, desired.length)), 0, key);

  if (controller !== null) ensureTag(ctx.tx, controller);
  const { tx } = ctx;
  const item = getAt(tx.current.root, ['paths', path]);
  if (item) {
    tx.step((editor) => editor.insertPair(['paths', path], method, op));
  } else if (!getAt(tx.current.root, ['paths'])) {
    setValue(tx, ['paths'], { [path]: { [method]: op } });
  } else {
    // Put the new path item after the path item of the route it follows, so that `paths` order
    // alone usually gives the declaration order and no order list is needed.
    const before = desired[desired.indexOf(key) - 1];
    const after = desired[desired.indexOf(key) + 1];
    const paths = asMap(getAt(tx.current.root, ['paths']));
    const pathKeys = paths?.pairs.map((p) => p.key) ?? [];
    let at = pathKeys.length;
    const routeOf = (k: string | undefined) => ctx.doc.model.routes.find((r) => r.key === k);
    if (before !== undefined && routeOf(before)) at = pathKeys.indexOf(routeOf(before)?.path ?? '') + 1;
    else if (after !== undefined && routeOf(after)) at = pathKeys.indexOf(routeOf(after)?.path ?? '');
    tx.step((editor) => editor.insertPair(['paths'], path, { [method]: op }, at < 0 ? undefined : at));
  }
  reconcileOrder(tx, desired);
}

/** New routes go after the last route of their controller, else at the end. */
function defaultIndex(routes: Route[], controller: string | null): number {
  for (let i = routes.length - 1; i >= 0; i--) if ((routes[i] as Route).controller === controller) return i + 1;
  return routes.length;
}

export function deleteRoute(ctx: EditContext, intent: Intent<'deleteRoute'>): void {
  const route = requireRoute(ctx.doc, intent.route);
  requireInlineOperation(ctx, route);
  const desired = currentOrder(ctx.doc).filter((k) => k !== route.key);
  removeOperation(ctx, route.path, route.method);
  reconcileOrder(ctx.tx, desired);
}

/** Removes an operation, and its path item when nothing else is left in it. */
function removeOperation(ctx: EditContext, path: string, method: string): void {
  const item = asMap(getAt(ctx.tx.current.root, ['paths', path]));
  const others = item?.pairs.filter((p) => isHttpMethod(p.key) && p.key !== method) ?? [];
  ctx.tx.step((editor) => editor.remove(others.length === 0 ? ['paths', path] : ['paths', path, method]));
}

export function updateRoute(ctx: EditContext, intent: Intent<'updateRoute'>): void {
  const route = requireRoute(ctx.doc, intent.route);
  requireInlineOperation(ctx, route);
  const { tx } = ctx;
  const at = operationPath(route);
  for (const field of ['summary', 'description', 'operationId'] as const) {
    const value = intent[field];
    if (value === undefined) continue;
    if (value === null) tx.step((editor) => (editor.has([...at, field]) ? editor.remove([...at, field]) : []));
    else tx.step((editor) => editor.set([...at, field], value));
  }
  if (intent.deprecated !== undefined) {
    if (intent.deprecated) tx.step((editor) => editor.set([...at, 'deprecated'], true));
    else tx.step((editor) => (editor.has([...at, 'deprecated']) ? editor.remove([...at, 'deprecated']) : []));
  }
  if (intent.controller !== undefined) setController(ctx, route, intent.controller);
  const method = intent.method ?? route.method;
  const path = intent.path ?? route.path;
  if (method !== route.method || path !== route.path) {
    if (!isHttpMethod(method)) throw new EditError(`Unknown method "${String(method)}".`);
    validatePath(path);
    requireFree(ctx, method, path);
    const unlisted = !hasOrderList(tx.current);
    const keptPlace = moveOperation(ctx, route, method, path);
    declareTemplateParams(ctx, method, path);
    // `paths` order alone gave the order and the route kept its place in it, so it still does (the
    // designer's path field lands here on every keystroke; checking it walks 10,000 routes).
    if (!(unlisted && keptPlace)) {
      const renamed = routeKey(method, path);
      reconcileOrder(tx, ctx.doc.model.routes.map((r) => (r === route ? renamed : r.key)));
    }
  }
}

/**
 * A `{name}` the new path brings in gets an `in: path` declaration (a string until the user says
 * otherwise), as a new route's do: typing a path in the designer must not leave a route the
 * framework would reject. Declarations the path no longer uses stay (a rule points them out).
 */
function declareTemplateParams(ctx: EditContext, method: HttpMethod, path: string): void {
  const { tx } = ctx;
  const at = ['paths', path, method];
  const names = (node: ReturnType<typeof getAt>): string[] =>
    node?.kind === 'seq'
      ? node.items.flatMap((item) => {
          const p = asMap(item);
          const inPath = p && toValue(getPair(p, 'in')?.value);
          const name = p && toValue(getPair(p, 'name')?.value);
          return inPath === 'path' && typeof name === 'string' ? [name] : [];
        })
      : [];
  const declared = new Set([...names(getAt(tx.current.root, [...at, 'parameters'])), ...names(getAt(tx.current.root, ['paths', path, 'parameters']))]);
  for (const name of templateParams(path)) {
    if (declared.has(name)) continue;
    declared.add(name);
    const param = { name, in: 'path', required: true, schema: { type: 'string' } };
    if (getAt(tx.current.root, [...at, 'parameters'])) tx.step((editor) => editor.insertItem([...at, 'parameters'], param));
    else tx.step((editor) => editor.set([...at, 'parameters'], [param]));
  }
}

function setController(ctx: EditContext, route: Route, controller: string | null): void {
  const at = operationPath(route);
  const { tx } = ctx;
  if (controller === null) {
    tx.step((editor) => (editor.has([...at, 'tags']) ? editor.remove([...at, 'tags']) : []));
    return;
  }
  ensureTag(tx, controller);
  if (route.tags.length === 0) tx.step((editor) => editor.set([...at, 'tags'], [controller]));
  else tx.step((editor) => editor.set([...at, 'tags', '0'], controller));
}

/**
 * Changes an operation's method and/or path, carrying its content along. True when the operation
 * kept its place in `paths` order (its key or its path item's was renamed in place).
 */
export function moveOperation(ctx: EditContext, route: Route, method: HttpMethod, path: string): boolean {
  const { tx } = ctx;
  const item = asMap(getAt(tx.current.root, ['paths', route.path]));
  const alone = (item?.pairs.filter((p) => isHttpMethod(p.key)).length ?? 0) === 1;
  if (path !== route.path && alone && !getAt(tx.current.root, ['paths', path])) {
    // The whole path item moves: rename its key in place, parameters and comments included.
    tx.step((editor) => editor.renameKey(['paths', route.path], path));
    if (method !== route.method) tx.step((editor) => editor.renameKey(['paths', path, route.method], method));
    renameTemplateParams(ctx, route.path, path, ['paths', path]);
    renameTemplateParams(ctx, route.path, path, ['paths', path, method]);
    return true;
  }
  if (path === route.path) {
    tx.step((editor) => editor.renameKey(['paths', path, route.method], method));
    return true;
  }
  // Carry the operation's text; then give it the path item's parameters it relied on.
  const entry = new StructuralEditor(tx.current).entry(operationPath(route));
  const shared = toValue(getAt(tx.current.root, ['paths', route.path, 'parameters']));
  removeOperation(ctx, route.path, route.method);
  if (getAt(tx.current.root, ['paths', path])) tx.step((editor) => editor.insertEntry(['paths', path], entry, method));
  else {
    const keys = asMap(getAt(tx.current.root, ['paths']))?.pairs.map((p) => p.key) ?? [];
    const near = keys.indexOf(route.path);
    tx.step((editor) => editor.insertPair(['paths'], path, {}, near === -1 ? undefined : near + 1));
    tx.step((editor) => editor.insertEntry(['paths', path], entry, method));
  }
  const at = ['paths', path, method];
  const own = toValue(getAt(tx.current.root, [...at, 'parameters']));
  for (const p of inheritedParams(shared, own)) {
    if (getAt(tx.current.root, [...at, 'parameters'])) tx.step((editor) => editor.insertItem([...at, 'parameters'], p));
    else tx.step((editor) => editor.set([...at, 'parameters'], [p]));
  }
  renameTemplateParams(ctx, route.path, path, at);
  return false;
}

/** Path-item parameters an operation does not override (by `in` and `name`). */
function inheritedParams(shared: unknown, own: unknown): unknown[] {
  if (!Array.isArray(shared)) return [];
  const id = (p: unknown) => (p && typeof p === 'object' ? `${String((p as Record<string, unknown>)['in'])}:${String((p as Record<string, unknown>)['name'])}` : '');
  const overridden = new Set((Array.isArray(own) ? own : []).map(id));
  return shared.filter((p) => !overridden.has(id(p)));
}

/**
 * `/users/{id}` → `/users/{user_id}`: a renamed template parameter renames its declaration, as a
 * refactoring would, when the parameters line up one to one.
 */
function renameTemplateParams(ctx: EditContext, oldPath: string, newPath: string, owner: string[]): void {
  const before = templateParams(oldPath);
  const after = templateParams(newPath);
  if (before.length !== after.length) return;
  const params = getAt(ctx.tx.current.root, [...owner, 'parameters']);
  if (!params || params.kind !== 'seq') return;
  params.items.forEach((item, i) => {
    const p = asMap(item);
    const name = p && getPair(p, 'name')?.value;
    const inPath = p && getPair(p, 'in')?.value;
    if (!p || name?.kind !== 'scalar' || inPath?.kind !== 'scalar' || inPath.value !== 'path') return;
    const pos = before.indexOf(String(name.value));
    const renamed = after[pos];
    if (pos === -1 || renamed === undefined || renamed === name.value || before.includes(renamed)) return;
    ctx.tx.step((editor) => editor.set([...owner, 'parameters', String(i), 'name'], renamed));
  });
}

export function moveRoute(ctx: EditContext, intent: Intent<'moveRoute'>): void {
  const route = requireRoute(ctx.doc, intent.route);
  if (intent.controller !== undefined && intent.controller !== route.controller) setController(ctx, route, intent.controller);
  const order = currentOrder(ctx.doc).filter((k) => k !== route.key);
  const to = Math.max(0, Math.min(intent.to, order.length));
  order.splice(to, 0, route.key);
  reconcileOrder(ctx.tx, order);
}

export function setPathParam(ctx: EditContext, intent: Intent<'setPathParam'>): void {
  const route = requireRoute(ctx.doc, intent.route);
  requireInlineOperation(ctx, route);
  const { tx } = ctx;
  const owners = [operationPath(route), ['paths', route.path]];
  for (const owner of owners) {
    const params = getAt(tx.current.root, [...owner, 'parameters']);
    if (params?.kind !== 'seq') continue;
    const index = params.items.findIndex((item) => {
      const p = asMap(item);
      return p && getPair(p, 'in')?.value.kind === 'scalar' && toValue(getPair(p, 'in')?.value) === 'path' && toValue(getPair(p, 'name')?.value) === intent.name;
    });
    if (index === -1) continue;
    const at = [...owner, 'parameters', String(index)];
    applyParamFields(ctx, at, intent);
    return;
  }
  const param: Record<string, unknown> = { name: intent.name, in: 'path', required: true, schema: intent.schema ?? { type: 'string' } };
  if (intent.description) param['description'] = intent.description;
  if (intent.convertor) param['x-routecraft-convertor'] = intent.convertor;
  const at = operationPath(route);
  if (getAt(tx.current.root, [...at, 'parameters'])) tx.step((editor) => editor.insertItem([...at, 'parameters'], param));
  else tx.step((editor) => editor.set([...at, 'parameters'], [param]));
}

function applyParamFields(ctx: EditContext, at: string[], intent: Intent<'setPathParam'>): void {
  const { tx } = ctx;
  if (intent.schema !== undefined) tx.step((editor) => editor.set([...at, 'schema'], intent.schema));
  for (const [field, value] of [['description', intent.description], ['x-routecraft-convertor', intent.convertor]] as const) {
    if (value === undefined) continue;
    if (value === null) tx.step((editor) => (editor.has([...at, field]) ? editor.remove([...at, field]) : []));
    else tx.step((editor) => editor.set([...at, field], value));
  }
}
