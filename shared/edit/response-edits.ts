import { asMap, getAt } from '../document/source-tree';
import type { Route } from '../model/api-model';
import { X_DEFAULT_STATUS } from '../model/x-routecraft';
import { EditError } from './edit-error';
import { operationPath, requireInlineOperation, requireRoute, type EditContext } from './edit-context';
import type { EditIntent, HeaderInit, ResponseInit } from './edit-intent';
import type { Path } from './structural-edits';

type Intent<K extends EditIntent['op']> = Extract<EditIntent, { op: K }>;

const STATUS = /^([1-5]\d\d|[1-5]XX|default)$/;

export function validateStatus(status: string): void {
  if (!STATUS.test(status)) throw new EditError(`"${status}" is not a status code: use 100–599, a range such as 2XX, or default.`);
}

/** The OpenAPI response object for a response the user describes. */
export function responseObject(r: ResponseInit): Record<string, unknown> {
  const out: Record<string, unknown> = { description: r.description ?? '' };
  if (r.headers && Object.keys(r.headers).length > 0) out['headers'] = Object.fromEntries(Object.entries(r.headers).map(([n, h]) => [n, headerObject(h)]));
  if (r.schema !== undefined || r.example !== undefined) {
    const media: Record<string, unknown> = {};
    if (r.schema !== undefined) media['schema'] = r.schema;
    if (r.example !== undefined) media['example'] = r.example;
    out['content'] = { [r.mediaType ?? 'application/json']: media };
  }
  return out;
}

export function headerObject(h: HeaderInit): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (h.description !== undefined) out['description'] = h.description;
  if (h.required !== undefined) out['required'] = h.required;
  out['schema'] = h.schema ?? { type: 'string' };
  if (h.example !== undefined) out['example'] = h.example;
  return out;
}

function responsesPath(route: Route): Path {
  return [...operationPath(route), 'responses'];
}

/** The response must exist and be written inline (not a shared `$ref`) to be edited here. */
function requireResponse(ctx: EditContext, route: Route, status: string): Path {
  const response = route.responses.find((r) => r.status === status);
  if (!response) throw new EditError(`${route.key} has no ${status} response.`);
  if (response.ref) throw new EditError(`The ${status} response of ${route.key} is shared (${response.ref}); edit it where it is defined.`);
  return [...responsesPath(route), status];
}

function routeFor(ctx: EditContext, key: string): Route {
  const route = requireRoute(ctx.doc, key);
  requireInlineOperation(ctx, route);
  return route;
}

/** Numeric order, ranges after their codes, `default` last: where a reader looks for a status. */
function statusRank(status: string): number {
  if (status === 'default') return 1000;
  if (/^\dXX$/.test(status)) return Number(status[0]) * 100 + 99.5;
  return Number(status);
}

export function addResponse(ctx: EditContext, intent: Intent<'addResponse'>): void {
  const route = routeFor(ctx, intent.route);
  validateStatus(intent.status);
  if (route.responses.some((r) => r.status === intent.status)) throw new EditError(`${route.key} already has a ${intent.status} response.`);
  const value = responseObject(intent.response ?? { description: '' });
  const at = responsesPath(route);
  const map = asMap(getAt(ctx.tx.current.root, at));
  if (!map) {
    ctx.tx.step((editor) => editor.set(at, { [intent.status]: value }));
    return;
  }
  const rank = statusRank(intent.status);
  const index = map.pairs.findIndex((p) => !p.key.startsWith('x-') && statusRank(p.key) > rank);
  ctx.tx.step((editor) => editor.insertPair(at, intent.status, value, index === -1 ? undefined : index));
}

export function deleteResponse(ctx: EditContext, intent: Intent<'deleteResponse'>): void {
  const route = routeFor(ctx, intent.route);
  if (!route.responses.some((r) => r.status === intent.status)) throw new EditError(`${route.key} has no ${intent.status} response.`);
  ctx.tx.step((editor) => editor.remove([...responsesPath(route), intent.status]));
  if (route.defaultStatusExplicit && route.defaultStatus === intent.status) {
    ctx.tx.step((editor) => editor.remove([...operationPath(route), X_DEFAULT_STATUS]));
  }
}

export function updateResponse(ctx: EditContext, intent: Intent<'updateResponse'>): void {
  const route = routeFor(ctx, intent.route);
  if (!route.responses.some((r) => r.status === intent.status)) throw new EditError(`${route.key} has no ${intent.status} response.`);
  let status = intent.status;
  if (intent.description !== undefined) {
    const at = requireResponse(ctx, route, status);
    ctx.tx.step((editor) => editor.set([...at, 'description'], intent.description));
  }
  if (intent.newStatus !== undefined && intent.newStatus !== status) {
    const next = intent.newStatus;
    validateStatus(next);
    if (route.responses.some((r) => r.status === next)) throw new EditError(`${route.key} already has a ${next} response.`);
    ctx.tx.step((editor) => editor.renameKey([...responsesPath(route), status], next));
    if (route.defaultStatusExplicit && route.defaultStatus === status) {
      ctx.tx.step((editor) => editor.set([...operationPath(route), X_DEFAULT_STATUS], statusValue(next)));
    }
    status = next;
  }
}

function statusValue(status: string): string | number {
  return /^\d{3}$/.test(status) ? Number(status) : status;
}

export function setDefaultStatus(ctx: EditContext, intent: Intent<'setDefaultStatus'>): void {
  const route = routeFor(ctx, intent.route);
  const at = [...operationPath(route), X_DEFAULT_STATUS];
  if (intent.status === null) {
    ctx.tx.step((editor) => (editor.has(at) ? editor.remove(at) : []));
    return;
  }
  validateStatus(intent.status);
  const status = intent.status;
  ctx.tx.step((editor) => editor.set(at, statusValue(status)));
}

export function setResponseBody(ctx: EditContext, intent: Intent<'setResponseBody'>): void {
  const route = routeFor(ctx, intent.route);
  const at = requireResponse(ctx, route, intent.status);
  ctx.tx.step((editor) => editor.set([...at, 'content', intent.mediaType, 'schema'], intent.schema));
}

export function removeResponseBody(ctx: EditContext, intent: Intent<'removeResponseBody'>): void {
  const route = routeFor(ctx, intent.route);
  const at = requireResponse(ctx, route, intent.status);
  const target = intent.mediaType === undefined ? [...at, 'content'] : [...at, 'content', intent.mediaType];
  ctx.tx.step((editor) => (editor.has(target) ? editor.remove(target) : []));
  // An emptied `content` says "no body" less clearly than no `content` at all.
  const content = asMap(getAt(ctx.tx.current.root, [...at, 'content']));
  if (content && content.pairs.length === 0) ctx.tx.step((editor) => editor.remove([...at, 'content']));
}

export function setExample(ctx: EditContext, intent: Intent<'setExample'>): void {
  const route = routeFor(ctx, intent.route);
  const at = [...requireResponse(ctx, route, intent.status), 'content', intent.mediaType];
  if (intent.name === 'example') {
    ctx.tx.step((editor) => editor.set([...at, 'example'], intent.value));
    return;
  }
  const example: Record<string, unknown> = {};
  if (intent.summary !== undefined) example['summary'] = intent.summary;
  example['value'] = intent.value;
  const existing = getAt(ctx.tx.current.root, [...at, 'examples', intent.name]);
  if (existing) {
    ctx.tx.step((editor) => editor.set([...at, 'examples', intent.name, 'value'], intent.value));
    if (intent.summary !== undefined) ctx.tx.step((editor) => editor.set([...at, 'examples', intent.name, 'summary'], intent.summary));
  } else ctx.tx.step((editor) => editor.set([...at, 'examples', intent.name], example));
}

export function removeExample(ctx: EditContext, intent: Intent<'removeExample'>): void {
  const route = routeFor(ctx, intent.route);
  const at = [...requireResponse(ctx, route, intent.status), 'content', intent.mediaType];
  const target = intent.name === 'example' ? [...at, 'example'] : [...at, 'examples', intent.name];
  if (!getAt(ctx.tx.current.root, target)) throw new EditError(`There is no example "${intent.name}" on the ${intent.status} response of ${route.key}.`);
  ctx.tx.step((editor) => editor.remove(target));
  const examples = asMap(getAt(ctx.tx.current.root, [...at, 'examples']));
  if (examples && examples.pairs.length === 0) ctx.tx.step((editor) => editor.remove([...at, 'examples']));
}

export function setHeader(ctx: EditContext, intent: Intent<'setHeader'>): void {
  const route = routeFor(ctx, intent.route);
  const at = [...requireResponse(ctx, route, intent.status), 'headers', intent.name];
  const existing = getAt(ctx.tx.current.root, at);
  if (!existing) {
    ctx.tx.step((editor) => editor.set(at, headerObject(intent.header)));
    return;
  }
  // Only the fields given change: a header edited from the table keeps what the table does not show.
  for (const [field, value] of Object.entries(intent.header)) {
    if (value === undefined) continue;
    ctx.tx.step((editor) => editor.set([...at, field], value));
  }
}

export function renameHeader(ctx: EditContext, intent: Intent<'renameHeader'>): void {
  const route = routeFor(ctx, intent.route);
  const at = [...requireResponse(ctx, route, intent.status), 'headers'];
  if (!getAt(ctx.tx.current.root, [...at, intent.name])) throw new EditError(`The ${intent.status} response of ${route.key} has no header ${intent.name}.`);
  ctx.tx.step((editor) => editor.renameKey([...at, intent.name], intent.newName));
}

export function removeHeader(ctx: EditContext, intent: Intent<'removeHeader'>): void {
  const route = routeFor(ctx, intent.route);
  const at = [...requireResponse(ctx, route, intent.status), 'headers'];
  if (!getAt(ctx.tx.current.root, [...at, intent.name])) throw new EditError(`The ${intent.status} response of ${route.key} has no header ${intent.name}.`);
  const headers = asMap(getAt(ctx.tx.current.root, at));
  ctx.tx.step((editor) => editor.remove(headers && headers.pairs.length === 1 ? at : [...at, intent.name]));
}

export function setRequestBody(ctx: EditContext, intent: Intent<'setRequestBody'>): void {
  const route = routeFor(ctx, intent.route);
  const at = [...operationPath(route), 'requestBody'];
  if (route.requestBody?.ref) throw new EditError(`The request body of ${route.key} is shared (${route.requestBody.ref}); edit it where it is defined.`);
  ctx.tx.step((editor) => editor.set([...at, 'content', intent.mediaType, 'schema'], intent.schema));
  if (intent.required !== undefined) {
    const required = intent.required;
    ctx.tx.step((editor) => editor.set([...at, 'required'], required));
  }
}

export function removeRequestBody(ctx: EditContext, intent: Intent<'removeRequestBody'>): void {
  const route = routeFor(ctx, intent.route);
  const at = [...operationPath(route), 'requestBody'];
  ctx.tx.step((editor) => (editor.has(at) ? editor.remove(at) : []));
}
