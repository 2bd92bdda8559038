/**
 * A large, realistic API for benchmarks: resources under controllers with prefixes, collection and
 * item routes, nested sub-resources, literal siblings of parameters (`/users/me` after
 * `/users/{id}`, as real APIs get them wrong), int convertors and annotations. Deterministic.
 */
export function syntheticApi(routeCount: number, seed = 1): string {
  let state = seed >>> 0 || 1;
  const rand = (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  const tags: unknown[] = [];
  const paths: Record<string, Record<string, unknown>> = {};
  const order: string[] = [];
  let made = 0;
  let resource = 0;
  const add = (method: string, path: string, params: { name: string; type: string; convertor?: string }[], tag: string) => {
    if (made >= routeCount) return;
    const item = (paths[path] ??= {});
    if (item[method]) return;
    item[method] = {
      tags: [tag],
      operationId: `${method}_${made}`,
      ...(params.length ? { parameters: params.map((p) => ({ name: p.name, in: 'path', required: true, schema: { type: p.type }, ...(p.convertor ? { 'x-routecraft-convertor': p.convertor } : {}) })) } : {}),
      responses: method === 'post' ? { '201': { description: 'Created', headers: { Location: { required: true, schema: { type: 'string' } } } } } : method === 'delete' ? { '204': { description: 'Deleted' } } : { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } } },
    };
    order.push(`${method.toUpperCase()} ${path}`);
    made++;
  };
  while (made < routeCount) {
    const controller = `C${Math.floor(resource / 5)}`;
    if (resource % 5 === 0) tags.push({ name: controller, 'x-routecraft-prefix': `/api/v${1 + (resource % 3)}` });
    const prefix = `/api/v${1 + (Math.floor(resource / 5) * 5) % 3}`;
    const name = `res${resource}`;
    const id = { name: `${name}_id`, type: 'integer', ...(rand(2) ? { convertor: 'int' } : {}) };
    const base = `${prefix}/${name}`;
    add('get', base, [], controller);
    add('post', base, [], controller);
    add('get', `${base}/{${id.name}}`, [id], controller);
    add('put', `${base}/{${id.name}}`, [id], controller);
    add('delete', `${base}/{${id.name}}`, [id], controller);
    // A literal declared after the parameter: shadowed when the id is only an annotation.
    if (rand(3) === 0) add('get', `${base}/me`, [], controller);
    const sub = `items${rand(4)}`;
    const subId = { name: `${sub}_id`, type: 'string' };
    add('get', `${base}/{${id.name}}/${sub}`, [id], controller);
    add('get', `${base}/{${id.name}}/${sub}/{${subId.name}}`, [id, subId], controller);
    resource++;
  }
  return JSON.stringify({ openapi: '3.1.0', info: { title: `Synthetic API (${routeCount} routes)`, version: '1.0.0' }, 'x-routecraft': { profile: 'fastapi', order }, tags, paths }, null, 2);
}
