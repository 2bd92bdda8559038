import { memo, useEffect, useRef, useState } from 'react';
import type { Route } from '../../../shared/model/api-model';
import { HTTP_METHODS, type HttpMethod } from '../../../shared/model/x-routecraft';
import { design, useDesign } from '../../state/design-store';
import type { DesignApp } from '../../use-routecraft';
import { ResponsesEditor } from '../responses/responses-editor';
import { CommitField } from './commit-field';
import { PathParamChips } from './path-param-chips';
import { pathProblem } from './path-problem';
import { RequestBodyEditor } from './request-body-editor';

/** Everything about the selected route: method, path and params, metadata, body, responses. */
export const RouteEditor = memo(function RouteEditor({ app }: { app: DesignApp }) {
  const route = useDesign((s) => s.selected);
  const controllers = useDesign((s) => s.view?.controllers);
  const routeCount = useDesign((s) => s.view?.routes.length ?? 0);
  if (!route) {
    return (
      <section className="route-editor empty" data-testid="route-editor-empty">
        <p className="muted">{routeCount > 0 ? 'Select a route in the sidebar to edit it.' : 'Add a route to start designing.'}</p>
      </section>
    );
  }
  const edit = app.actions.edit;
  const update = (fields: Omit<Extract<Parameters<typeof edit>[0], { op: 'updateRoute' }>, 'op' | 'route'>) => void edit({ op: 'updateRoute', route: route.key, ...fields });
  return (
    <section className="route-editor" aria-label={`Route ${route.key}`} data-testid="route-editor" data-route={route.key}>
      <div className="route-line">
        <label className="sr-only" htmlFor="route-method">
          Method
        </label>
        <select
          id="route-method"
          className={`method-select method-${route.method}`}
          value={route.method}
          onChange={(e) => void changeKey(app, route, e.target.value as HttpMethod, route.path)}
          data-testid="route-method"
        >
          {HTTP_METHODS.map((m) => (
            <option key={m} value={m}>
              {m.toUpperCase()}
            </option>
          ))}
        </select>
        <PathField app={app} route={route} />
        <span className="route-actions">
          <button type="button" onClick={() => void edit({ op: 'duplicateRoute', route: route.key })} data-testid="duplicate-route">
            Duplicate
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              design.select(null);
              void edit({ op: 'deleteRoute', route: route.key });
            }}
            data-testid="delete-route"
          >
            Delete
          </button>
        </span>
      </div>
      <PathParamChips app={app} route={route} />
      <div className="field-grid">
        <CommitField label="Summary" value={route.summary ?? ''} onCommit={(v) => update({ summary: v === '' ? null : v })} testId="route-summary" />
        <CommitField label="operationId" value={route.operationId ?? ''} onCommit={(v) => update({ operationId: v === '' ? null : v })} testId="route-operation-id" mono />
        <label className="field">
          <span>Controller</span>
          <select value={route.controller ?? ''} onChange={(e) => update({ controller: e.target.value === '' ? null : e.target.value })} data-testid="route-controller">
            <option value="">(none)</option>
            {controllers
              ?.filter((c) => c.name !== '')
              .map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name}
                  {c.prefix ? ` (${c.prefix})` : ''}
                </option>
              ))}
          </select>
        </label>
        <label className="field checkbox">
          <input type="checkbox" checked={route.deprecated} onChange={(e) => update({ deprecated: e.target.checked })} data-testid="route-deprecated" />
          <span>Deprecated</span>
        </label>
        <CommitField label="Description" value={route.description ?? ''} onCommit={(v) => update({ description: v === '' ? null : v })} multiline testId="route-description" />
        {route.tags.length > 1 && (
          <p className="muted field-note">
            Tags: {route.tags.join(', ')} (the first one is its controller)
          </p>
        )}
      </div>
      {['post', 'put', 'patch', 'delete'].includes(route.method) && <RequestBodyEditor app={app} route={route} />}
      <ResponsesEditor route={route} app={app} />
    </section>
  );
});

/** Changes method and/or path; the selection follows the route to its new key (the design worker sees to that). */
async function changeKey(app: DesignApp, route: Route, method: HttpMethod, path: string): Promise<void> {
  if (method === route.method && path === route.path) return;
  await app.actions.edit({ op: 'updateRoute', route: route.key, method, path });
}

/**
 * The path, applied as you type (the sidebar and problems follow each keystroke) whenever what is
 * typed is a path; otherwise it says what is wrong and waits. One edit in flight at a time: the
 * latest text wins.
 */
function PathField({ app, route }: { app: DesignApp; route: Route }) {
  const [draft, setDraft] = useState(route.path);
  const [focused, setFocused] = useState(false);
  const routes = useDesign((s) => s.view?.routes);
  const inFlight = useRef<Promise<void> | null>(null);
  const latest = useRef(draft);
  // The route's key as this field last made it: views of the keystrokes in between arrive later
  // than main's answers, so a key this field produced itself is not taken back from a view.
  const keyRef = useRef(route.key);
  const [currentKey, setCurrentKey] = useState(route.key);
  const produced = useRef(new Set<string>());
  useEffect(() => {
    if (!produced.current.has(route.key) || route.key === keyRef.current) {
      if (!produced.current.has(route.key)) produced.current.clear();
      keyRef.current = route.key;
      setCurrentKey(route.key);
    }
    if (!focused && inFlight.current === null) {
      setDraft(route.path);
      latest.current = route.path;
    }
  }, [route.key, route.path, focused]);

  const problem = pathProblem(draft, { key: currentKey, method: route.method }, routes);
  const send = () => {
    if (inFlight.current) return;
    const path = latest.current;
    const key = keyRef.current;
    const method = key.slice(0, key.indexOf(' '));
    if (key === `${method} ${path}` || pathProblem(path, { key, method }, useDesign.getState().view?.routes) !== null) return;
    inFlight.current = app.actions
      .edit({ op: 'updateRoute', route: key, path })
      .then((ok) => {
        if (!ok) return;
        keyRef.current = `${method} ${path}`;
        produced.current.add(keyRef.current);
        setCurrentKey(keyRef.current);
      })
      .finally(() => {
        inFlight.current = null;
        if (latest.current !== path) send();
      });
  };
  return (
    <div className="path-field">
      <input
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          latest.current = e.target.value;
          send();
        }}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        aria-label="Path"
        aria-invalid={problem !== null}
        aria-describedby={problem ? 'path-problem' : undefined}
        spellCheck={false}
        className="path-input"
        data-testid="route-path"
      />
      {problem && (
        <output id="path-problem" className="field-error">
          {problem}
        </output>
      )}
    </div>
  );
}
