import type { DesignView } from '../shared/view/design-view';
import { design, useDesign } from './state/design-store';
import type { DesignApp } from './use-routecraft';

/**
 * Adds `GET <prefix>/new-route` (numbered when taken) to a controller — the one given, else the
 * selected route's, else the first — and selects it, ready for its path to be typed.
 */
export async function addStarterRoute(app: DesignApp, controller?: string | null): Promise<void> {
  // Right after a document opens, its view may still be on its way from the design worker: the
  // click waits for it rather than doing nothing.
  const view = useDesign.getState().view ?? (await viewSoon());
  if (!view) return;
  const { selected } = useDesign.getState();
  const taken = new Set(view.routes.map((r) => r.key));
  const target = controller !== undefined ? controller : (selected?.controller ?? view.controllers.find((c) => c.name !== '')?.name ?? null);
  const prefix = view.controllers.find((c) => c.name === target)?.prefix ?? '';
  let path = `${prefix}/new-route`;
  for (let n = 2; taken.has(`GET ${path}`); n++) path = `${prefix}/new-route-${n}`;
  if (await app.actions.edit({ op: 'addRoute', method: 'get', path, controller: target, responses: { '200': { description: 'OK' } } })) design.select(`GET ${path}`);
}

/** The design view once there is one (undefined after `ms`, or when the document closed). */
function viewSoon(ms = 10_000): Promise<DesignView | undefined> {
  return new Promise((resolve) => {
    const done = (view: DesignView | undefined) => {
      clearTimeout(timer);
      unsubscribe();
      resolve(view);
    };
    const timer = setTimeout(() => done(undefined), ms);
    const unsubscribe = useDesign.subscribe((s) => {
      if (s.view) done(s.view);
      else if (!s.doc) done(undefined);
    });
  });
}
