import { asMap, asSeq, getAt, getPair } from '../document/source-tree';
import type { Route } from '../model/api-model';
import { X_PREFIX, X_ROOT, routeKey } from '../model/x-routecraft';
import { EditError } from './edit-error';
import { currentOrder, ensureTag, operationPath, reconcileOrder, setValue, tagIndex, type EditContext } from './edit-context';
import type { EditIntent } from './edit-intent';
import { moveOperation, validatePath } from './route-edits';

type Intent<K extends EditIntent['op']> = Extract<EditIntent, { op: K }>;

function validatePrefix(prefix: string): void {
  if (prefix === '') return;
  validatePath(prefix);
  if (prefix.endsWith('/')) throw new EditError(`A router prefix must not end with "/": "${prefix}".`);
}

export function addController(ctx: EditContext, intent: Intent<'addController'>): void {
  const name = intent.name.trim();
  if (name === '') throw new EditError('A controller needs a name.');
  if (ctx.doc.model.controllers.some((c) => c.name === name && c.declared)) throw new EditError(`A controller named "${name}" already exists.`);
  const tag: Record<string, unknown> = { name };
  if (intent.description) tag['description'] = intent.description;
  if (intent.prefix) {
    validatePrefix(intent.prefix);
    tag[X_PREFIX] = intent.prefix;
  }
  const tags = asSeq(getAt(ctx.tx.current.root, ['tags']));
  if (!tags) ensureTag(ctx.tx, name, tag);
  else ctx.tx.step((editor) => editor.insertItem(['tags'], tag, intent.index));
}

export function updateController(ctx: EditContext, intent: Intent<'updateController'>): void {
  const controller = ctx.doc.model.controllers.find((c) => c.name === intent.name);
  if (!controller) throw new EditError(`There is no controller "${intent.name}".`);
  const { tx } = ctx;
  const routes = ctx.doc.model.routes.filter((r) => r.controller === controller.name || r.tags.includes(controller.name));
  if (!controller.declared) ensureTag(tx, controller.name);
  const tagAt = (): string[] => ['tags', String(tagIndex(tx, controller.name))];

  if (intent.description !== undefined) {
    const at = [...tagAt(), 'description'];
    if (intent.description === null) tx.step((editor) => (editor.has(at) ? editor.remove(at) : []));
    else tx.step((editor) => editor.set(at, intent.description));
  }

  if (intent.prefix !== undefined && intent.prefix !== controller.prefix) {
    const prefix = intent.prefix;
    validatePrefix(prefix);
    const at = [...tagAt(), X_PREFIX];
    if (prefix === '') tx.step((editor) => (editor.has(at) ? editor.remove(at) : []));
    else tx.step((editor) => editor.set(at, prefix));
    // The prefix is part of every URL of the controller: its routes move with it.
    const owned = routes.filter((r) => r.controller === controller.name);
    const moves = owned.map((r) => ({ route: r, path: prefix + (r.path.startsWith(controller.prefix) ? r.path.slice(controller.prefix.length) : r.path) }));
    const taken = new Set(ctx.doc.model.routes.filter((r) => !owned.includes(r)).map((r) => r.key));
    for (const m of moves) if (taken.has(routeKey(m.route.method, m.path))) throw new EditError(`Changing the prefix would make ${routeKey(m.route.method, m.path)} clash with an existing route.`);
    // A route outside the old prefix keeps its path and gains the new prefix, so two of the
    // controller's own routes can land on one URL (`/users` and `/api/users` when "/api" goes).
    const landing = new Map<string, Route>();
    for (const m of moves) {
      const key = routeKey(m.route.method, m.path);
      const other = landing.get(key);
      if (other) throw new EditError(`Changing the prefix would give ${other.key} and ${m.route.key} the same URL, ${key}.`);
      landing.set(key, m.route);
    }
    const renamed = new Map(moves.map((m) => [m.route.key, routeKey(m.route.method, m.path)]));
    applyMoves(ctx, moves);
    reconcileOrder(tx, currentOrder(ctx.doc).map((k) => renamed.get(k) ?? k));
  }

  if (intent.rename !== undefined && intent.rename !== controller.name) {
    const name = intent.rename.trim();
    if (name === '') throw new EditError('A controller needs a name.');
    if (ctx.doc.model.controllers.some((c) => c.name === name)) throw new EditError(`A controller named "${name}" already exists.`);
    tx.step((editor) => editor.set([...tagAt(), 'name'], name));
    for (const route of ctx.doc.model.routes) {
      const i = route.tags.indexOf(controller.name);
      if (i === -1) continue;
      tx.step((editor) => editor.set([...operationPath(route), 'tags', String(i)], name));
    }
  }
}

/**
 * Path renames one at a time, each seeing the paths the previous ones produced. A route whose new
 * URL another route still holds waits until that one has moved (a longer prefix turns `/api/x`
 * into `/api/api/x` while `/api/api/x` itself is about to become `/api/api/api/x`).
 */
function applyMoves(ctx: EditContext, moves: { route: Route; path: string }[]): void {
  let pending = moves.filter((m) => m.path !== m.route.path);
  while (pending.length > 0) {
    const held = new Set(pending.map((m) => m.route.key));
    const ready = pending.filter((m) => !held.has(routeKey(m.route.method, m.path)));
    if (ready.length === 0) throw new EditError('Changing the prefix would swap the URLs of routes in this controller; change their paths one at a time instead.');
    for (const m of ready) moveOperation(ctx, m.route, m.route.method, m.path);
    pending = pending.filter((m) => !ready.includes(m));
  }
}

export function deleteController(ctx: EditContext, intent: Intent<'deleteController'>): void {
  const controller = ctx.doc.model.controllers.find((c) => c.name === intent.name);
  if (!controller) throw new EditError(`There is no controller "${intent.name}".`);
  const { tx } = ctx;
  const owned = ctx.doc.model.routes.filter((r) => r.controller === controller.name);
  for (const route of owned) {
    const item = asMap(getAt(tx.current.root, ['paths', route.path]));
    const methods = item?.pairs.filter((p) => p.key !== route.method && /^(get|put|post|delete|options|head|patch|trace|query)$/.test(p.key)) ?? [];
    tx.step((editor) => editor.remove(methods.length === 0 ? ['paths', route.path] : operationPath(route)));
  }
  const index = tagIndex(tx, controller.name);
  if (index !== -1) {
    const tags = asSeq(getAt(tx.current.root, ['tags']));
    tx.step((editor) => editor.remove(tags && tags.items.length === 1 ? ['tags'] : ['tags', String(index)]));
  }
  const gone = new Set(owned.map((r) => r.key));
  reconcileOrder(tx, currentOrder(ctx.doc).filter((k) => !gone.has(k)));
}

export function moveController(ctx: EditContext, intent: Intent<'moveController'>): void {
  const from = tagIndex(ctx.tx, intent.name);
  if (from === -1) throw new EditError(`"${intent.name}" is not declared in the root tags list, so it has no position to change.`);
  const tags = asSeq(getAt(ctx.tx.current.root, ['tags']));
  const to = Math.max(0, Math.min(intent.to, (tags?.items.length ?? 1) - 1));
  ctx.tx.step((editor) => editor.moveItem(['tags'], from, to));
  // Routers are included in controller order, so the routes follow their controller's new place.
  const names = (asSeq(getAt(ctx.tx.current.root, ['tags']))?.items ?? []).map((t) => {
    const n = asMap(t) && getPair(asMap(t) as never, 'name')?.value;
    return n?.kind === 'scalar' ? String(n.value) : '';
  });
  const rank = (r: Route) => (r.controller === null ? names.length : names.indexOf(r.controller) === -1 ? names.length : names.indexOf(r.controller));
  const grouped = ctx.doc.model.routes.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i).map((x) => x.r.key);
  if (isGrouped(ctx.doc.model.routes)) reconcileOrder(ctx.tx, grouped);
}

/** True when routes already come controller by controller (then reordering controllers keeps that). */
function isGrouped(routes: Route[]): boolean {
  const seen = new Set<string | null>();
  let last: string | null | undefined;
  for (const r of routes) {
    if (r.controller !== last) {
      if (seen.has(r.controller)) return false;
      seen.add(r.controller);
      last = r.controller;
    }
  }
  return true;
}

export function setProfile(ctx: EditContext, intent: Intent<'setProfile'>): void {
  setValue(ctx.tx, [X_ROOT, 'profile'], intent.profile);
}
