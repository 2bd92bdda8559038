import { useId, useMemo, useRef, useState } from 'react';
import type { Route } from '../../../shared/model/api-model';
import { suggestLocation } from '../../../shared/http/location-example';
import { compareStatus, statusFacts, statusLabel } from '../../../shared/http/status-codes';
import { responseDescription } from '../../../shared/rules/rule-support';
import { design, useDesign } from '../../state/design-store';
import type { DesignApp } from '../../use-routecraft';
import { ResponsePanel } from './response-panel';
import { StatusPicker, type PickedStatus } from './status-picker';
import './responses.css';

/**
 * The responses of one route: a tab per status code in status order, the default one marked, a
 * status picker to add one. The open tab is the store's `selection.status`, so a click on a
 * problem opens the response it is about.
 */
export function ResponsesEditor({ route, app }: { route: Route; app: DesignApp }) {
  const id = useId();
  const wanted = useDesign((s) => s.selection.status);
  const allProblems = useDesign((s) => s.view?.problems);
  const routes = useDesign((s) => s.view?.routes);
  // The picker belongs to the route it was opened on.
  const [pickingFor, setPickingFor] = useState<string | null>(null);
  const picking = pickingFor === route.key;
  const [deleted, setDeleted] = useState<{ routeKey: string; status: string } | null>(null);
  const tabs = useRef(new Map<string, HTMLButtonElement>());
  const addButton = useRef<HTMLButtonElement | null>(null);

  const responses = useMemo(() => [...route.responses].sort((a, b) => compareStatus(a.status, b.status)), [route.responses]);
  const statuses = responses.map((r) => r.status);
  const taken = useMemo(() => new Set(route.responses.map((r) => r.status)), [route.responses]);
  const current =
    (wanted !== null && statuses.includes(wanted) ? wanted : null) ?? (route.defaultStatus !== null && statuses.includes(route.defaultStatus) ? route.defaultStatus : null) ?? statuses[0] ?? null;
  const response = responses.find((r) => r.status === current);
  const problems = useMemo(() => (allProblems ?? []).filter((p) => p.target.routeKey === route.key && p.target.status !== undefined), [allProblems, route.key]);
  const problemsOf = (status: string) => problems.filter((p) => p.target.status === status);

  const tabId = (status: string) => `${id}-tab-${status}`;
  const panelId = `${id}-panel`;

  const select = (status: string, focus = false) => {
    design.selectStatus(status);
    if (focus) tabs.current.get(status)?.focus();
  };
  const onTabKey = (e: React.KeyboardEvent, status: string) => {
    const at = statuses.indexOf(status);
    const to = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? statuses.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = statuses[(to + statuses.length) % statuses.length];
    if (next !== undefined) select(next, true);
  };

  const add = async ({ status, withLocation }: PickedStatus) => {
    const facts = statusFacts(status);
    const description = facts.name !== '' && /^\d{3}$/.test(status) ? facts.name : status === 'default' ? 'Unexpected error' : responseDescription(status);
    const headers = withLocation
      ? { Location: { required: true, schema: { type: 'string' }, example: suggestLocation(route, routes ?? [], status) } }
      : undefined;
    const applied = await app.actions.edit({ op: 'addResponse', route: route.key, status, response: { description, ...(headers ? { headers } : {}) } });
    if (applied) {
      setPickingFor(null);
      setDeleted(null);
      design.selectStatus(status);
    }
  };

  const undoDelete = async () => {
    if (!deleted) return;
    const { status } = deleted;
    setDeleted(null);
    if (await app.actions.undo()) design.selectStatus(status);
  };

  return (
    <section className="responses-editor" data-testid="responses-editor" aria-labelledby={`${id}-title`}>
      <div className="rsp-header">
        <h3 id={`${id}-title`}>Responses</h3>
        <button
          ref={addButton}
          type="button"
          aria-expanded={picking}
          onClick={() => setPickingFor(picking ? null : route.key)}
          data-testid="add-response"
        >
          + Add response
        </button>
      </div>
      {picking && (
        <StatusPicker
          taken={taken}
          onPick={(picked) => void add(picked)}
          onClose={() => {
            setPickingFor(null);
            addButton.current?.focus();
          }}
        />
      )}
      {deleted && deleted.routeKey === route.key && (
        <output className="rsp-notice" data-testid="response-deleted">
          Deleted the {deleted.status} response.{' '}
          <button type="button" className="rsp-link" onClick={() => void undoDelete()} data-testid="undo-delete-response">
            Undo
          </button>
        </output>
      )}
      {responses.length === 0 ? (
        <p className="muted" data-testid="no-responses">
          This route documents no response yet. Add the status it returns when it works (200, 201 or 204), then the errors.
        </p>
      ) : (
        <>
          <div className="rsp-tabs" role="tablist" aria-label={`Responses of ${route.key}`}>
            {responses.map((r) => {
              const selected = r.status === current;
              const own = problemsOf(r.status);
              const worst = own.some((p) => p.severity === 'error') ? 'error' : own.some((p) => p.severity === 'warning') ? 'warning' : own.length > 0 ? 'info' : null;
              return (
                <button
                  key={r.status}
                  ref={(el) => {
                    if (el) tabs.current.set(r.status, el);
                    else tabs.current.delete(r.status);
                  }}
                  type="button"
                  role="tab"
                  id={tabId(r.status)}
                  aria-selected={selected}
                  aria-controls={panelId}
                  tabIndex={selected ? 0 : -1}
                  className={`rsp-tab rsp-class-${statusFacts(r.status).class}${selected ? ' active' : ''}`}
                  onClick={() => select(r.status)}
                  onKeyDown={(e) => onTabKey(e, r.status)}
                  title={statusLabel(r.status)}
                  data-testid="response-tab"
                  data-status={r.status}
                >
                  <span className="rsp-tab-code">{r.status}</span>
                  {statusFacts(r.status).name !== '' && <span className="rsp-sr-only"> {statusFacts(r.status).name}</span>}
                  {route.defaultStatus === r.status && (
                    <span className="rsp-badge" data-testid="default-badge" title={route.defaultStatusExplicit ? 'The default response' : 'The default response (inferred: the first success)'}>
                      default
                    </span>
                  )}
                  {worst && (
                    <>
                      <span className={`rsp-dot rsp-${worst}`} aria-hidden="true" />
                      <span className="rsp-sr-only">, {own.length === 1 ? '1 problem' : `${own.length} problems`}</span>
                    </>
                  )}
                </button>
              );
            })}
          </div>
          {response && (
            <div className="rsp-panel" role="tabpanel" id={panelId} aria-labelledby={tabId(response.status)} data-testid="response-panel" data-status={response.status}>
              <ResponsePanel
                key={response.status}
                route={route}
                response={response}
                app={app}
                problems={problemsOf(response.status)}
                onDeleted={(status) => setDeleted({ routeKey: route.key, status })}
              />
            </div>
          )}
        </>
      )}
    </section>
  );
}
