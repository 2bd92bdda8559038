import fc from 'fast-check';
import type { EditIntent } from '../edit/edit-intent';
import type { ApiModel } from '../model/api-model';

/** Random edit commands, resolved into intents against whatever model they meet. */
const KINDS = ['addRoute', 'deleteRoute', 'moveRoute', 'renamePath', 'changeMethod', 'routeFields', 'setController', 'addResponse', 'deleteResponse', 'renameStatus', 'describeResponse', 'setDefaultStatus', 'setHeader', 'removeHeader', 'addController', 'renameController', 'setPrefix', 'deleteController', 'setProfile'] as const;
const SEGMENTS = ['users', 'me', 'items', '{id}', '{item_id}', 'v1', 'admin', 'a-b', 'x.y'];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const STATUSES = ['200', '201', '204', '302', '307', '400', '404', '422', '500', 'default', '2XX'];
const HEADERS = ['Location', 'X-Rate-Limit', 'ETag', 'Retry-After'];
const NAMES = ['Admin', 'Posts', 'Items', 'Users', 'pets', 'a: b', "it's"];
const PREFIXES = ['', '/api', '/v1', '/api/v2'];

const text = fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'Z', ' ', ':', '#', "'", '"', '\\', '\n', '{', '-', 'é', '0') });
export const command = fc.record({ kind: fc.constantFrom(...KINDS), a: fc.nat(10_000), b: fc.nat(10_000), c: fc.nat(10_000), flag: fc.boolean(), text });

export type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

function pick<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

function makePath(a: number, b: number): string {
  const first = pick(SEGMENTS, a) as string;
  const second = pick(SEGMENTS, b) as string;
  const path = b % 3 === 0 ? `/${first}` : `/${first}/${second}`;
  // A template can't repeat a parameter name.
  return path === '/{id}/{id}' || path === '/{item_id}/{item_id}' ? `/${first}` : path;
}

/** Turns a random command into an intent against the current model (undefined: nothing to do). */
export function toIntent(model: ApiModel, c: Command): EditIntent | undefined {
  const route = pick(model.routes, c.a);
  const ownResponses = route?.responses.filter((r) => !r.ref) ?? [];
  const response = pick(ownResponses, c.b);
  const controller = pick(model.controllers, c.a);
  switch (c.kind) {
    case 'addRoute':
      return { op: 'addRoute', method: pick(METHODS, c.a) as EditIntent & string, path: makePath(c.b, c.c), controller: c.flag ? (pick(model.controllers, c.c)?.name ?? null) : null, ...(c.c % 2 ? { index: c.c % (model.routes.length + 1) } : {}), ...(c.a % 3 === 0 ? { operationId: `op_${c.a}` } : {}) } as EditIntent;
    case 'deleteRoute':
      return route && { op: 'deleteRoute', route: route.key };
    case 'moveRoute':
      // Half of the moves are drags into another controller (or out of every controller).
      return route && { op: 'moveRoute', route: route.key, to: c.b % model.routes.length, ...(c.flag ? { controller: c.c % 3 === 0 ? null : (pick(NAMES, c.c) as string) } : {}) };
    case 'renamePath':
      return route && { op: 'updateRoute', route: route.key, path: makePath(c.b, c.c) };
    case 'changeMethod':
      return route && { op: 'updateRoute', route: route.key, method: pick(METHODS, c.b) as (typeof METHODS)[number] };
    case 'routeFields':
      return route && { op: 'updateRoute', route: route.key, summary: c.flag ? c.text : null, operationId: c.b % 2 ? `id_${c.b}` : null, deprecated: c.c % 2 === 0 };
    case 'setController':
      return route && { op: 'updateRoute', route: route.key, controller: c.flag ? (pick(NAMES, c.b) as string) : null };
    case 'addResponse':
      return route && { op: 'addResponse', route: route.key, status: pick(STATUSES, c.b) as string, response: { description: c.text, ...(c.flag ? { headers: { Location: { required: true } } } : {}) } };
    case 'deleteResponse':
      return route && response && { op: 'deleteResponse', route: route.key, status: response.status };
    case 'renameStatus':
      return route && response && { op: 'updateResponse', route: route.key, status: response.status, newStatus: pick(STATUSES, c.c) as string };
    case 'describeResponse':
      return route && response && { op: 'updateResponse', route: route.key, status: response.status, description: c.text };
    case 'setDefaultStatus':
      return route && { op: 'setDefaultStatus', route: route.key, status: c.flag ? (pick(route.responses, c.b)?.status ?? null) : null };
    case 'setHeader':
      return route && response && { op: 'setHeader', route: route.key, status: response.status, name: pick(HEADERS, c.c) as string, header: { required: c.flag, ...(c.b % 2 ? { example: c.text } : {}) } };
    case 'removeHeader': {
      const header = pick(response?.headers ?? [], c.c);
      return route && response && header && { op: 'removeHeader', route: route.key, status: response.status, name: header.name };
    }
    case 'addController':
      return { op: 'addController', name: pick(NAMES, c.b) as string, prefix: pick(PREFIXES, c.c) as string, ...(c.flag ? { description: c.text.trim() || 'x' } : {}) };
    case 'renameController':
      return controller && { op: 'updateController', name: controller.name, rename: pick(NAMES, c.b) as string };
    case 'setPrefix':
      return controller && { op: 'updateController', name: controller.name, prefix: pick(PREFIXES, c.b) as string };
    case 'deleteController':
      return controller && { op: 'deleteController', name: controller.name };
    case 'setProfile':
      return { op: 'setProfile', profile: pick(['fastapi', 'express', 'django-modern-rest', 'openapi'] as const, c.b) as 'fastapi' };
  }
}

