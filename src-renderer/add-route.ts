import { design, useDesign } from './state/design-store';
import type { DesignApp } from './use-routecraft';

/**
 * Adds `GET <prefix>/new-route` (numbered when taken) to a controller — the one given, else the
 * selected route's, else the first — and selects it, ready for its path to be typed.
 */
export async function addStarterRoute(app: DesignApp, controller?: string | null): Promise<void> {
  const { view, selected } = useDesign.getState();
  if (!view) return;
  const taken = new Set(view.routes.map((r) => r.key));
  const target = controller !== undefined ? controller : (selected?.controller ?? view.controllers.find((c) => c.name !== '')?.name ?? null);
  const prefix = view.controllers.find((c) => c.name === target)?.prefix ?? '';
  let path = `${prefix}/new-route`;
  for (let n = 2; taken.has(`GET ${path}`); n++) path = `${prefix}/new-route-${n}`;
  if (await app.actions.edit({ op: 'addRoute', method: 'get', path, controller: target, responses: { '200': { description: 'OK' } } })) design.select(`GET ${path}`);
}
