import { useState, type FormEvent } from 'react';
import type { DocumentState } from '../../shared/contract/document-state.schema';
import { HTTP_METHODS, type HttpMethod } from '../../shared/model/x-routecraft';
import type { Route } from '../../shared/model/api-model';
import type { Routecraft } from '../use-routecraft';

/** The routes in declaration order, with the two edits the shell offers: add a route, change a path. */
export function RouteList({ doc, app }: { doc: DocumentState; app: Routecraft }) {
  const routes = doc.model.routes;
  return (
    <section className="panel" aria-labelledby="routes-heading">
      <h2 id="routes-heading">
        Routes <span className="count">{routes.length}</span>
      </h2>
      <ol className="route-list" data-testid="route-list">
        {routes.map((route) => (
          <RouteRow key={route.key} route={route} app={app} />
        ))}
      </ol>
      <AddRouteForm app={app} />
    </section>
  );
}

function RouteRow({ route, app }: { route: Route; app: Routecraft }) {
  const [editing, setEditing] = useState(false);
  const [path, setPath] = useState(route.path);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setEditing(false);
    if (path !== route.path && path.trim() !== '') void app.actions.edit({ op: 'updateRoute', route: route.key, path: path.trim() });
  };
  return (
    <li className="route-row" data-testid="route-row" data-route-key={route.key}>
      <span className={`method method-${route.method}`}>{route.method.toUpperCase()}</span>
      {editing ? (
        <form onSubmit={submit} className="inline-form">
          <input
            value={path}
            onChange={(e) => setPath(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
            aria-label={`New path for ${route.key}`}
            spellCheck={false}
              data-testid="rename-path-input"
          />
          <button type="submit">Rename</button>
        </form>
      ) : (
        <>
          <code className="route-path">{route.path}</code>
          {route.summary !== undefined && <span className="route-summary">{route.summary}</span>}
          <button
            type="button"
            className="link"
            onClick={() => {
              setPath(route.path);
              setEditing(true);
            }}
            data-testid="rename-route"
          >
            Rename
          </button>
        </>
      )}
    </li>
  );
}

function AddRouteForm({ app }: { app: Routecraft }) {
  const [method, setMethod] = useState<HttpMethod>('get');
  const [path, setPath] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = path.trim();
    if (trimmed === '') return;
    void app.actions.edit({ op: 'addRoute', method, path: trimmed, responses: { '200': { description: 'OK' } } }).then(() => setPath(''));
  };
  return (
    <form className="add-route" onSubmit={submit} data-testid="add-route-form">
      <select value={method} onChange={(e) => setMethod(e.target.value as HttpMethod)} aria-label="Method" data-testid="add-route-method">
        {HTTP_METHODS.map((m) => (
          <option key={m} value={m}>
            {m.toUpperCase()}
          </option>
        ))}
      </select>
      <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="/items/{item_id}/tags" aria-label="Path" spellCheck={false} data-testid="add-route-path" />
      <button type="submit" data-testid="add-route-submit">
        Add route
      </button>
    </form>
  );
}
