import { Fragment, useEffect, useRef, useState } from 'react';
import { useDesignSession } from '../../state/design-session';
import { useDesign } from '../../state/design-store';
import type { ProbeAnswer } from '../../worker/design-protocol';
import type { Routecraft } from '../../use-routecraft';
import { statusClass } from './log-format';
import { TraceSteps } from './trace-view';

/** `GET /users/me`, `post /users`, or a bare path (GET). */
export function parseProbe(text: string): { method: string; path: string } | null {
  const m = /^\s*(?:([A-Za-z]+)\s+)?(\/\S*)\s*$/.exec(text);
  if (!m) return null;
  return { method: (m[1] ?? 'GET').toUpperCase(), path: m[2] ?? '/' };
}

const PROFILE_LABEL: Record<ProbeAnswer['profile'], string> = {
  fastapi: 'FastAPI',
  'django-modern-rest': 'django-modern-rest',
  express: 'Express',
  openapi: 'OpenAPI (concrete paths first)',
};

/**
 * Which route answers a request under every profile, worked out by the design worker from the
 * document: nothing is sent. Answers follow the text as it is typed and the design as it changes.
 */
export function ProbeBox({ app }: { app: Routecraft }) {
  const session = useDesignSession();
  const revision = useDesign((s) => s.view?.revision);
  const [text, setText] = useState('GET /');
  const [result, setResult] = useState<{ request: string; answers: ProbeAnswer[] } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const latest = useRef(0);
  const request = parseProbe(text);
  const method = request?.method;
  const path = request?.path;

  // Asked again when the design changes (`revision`): the answer is the document's as it is now.
  useEffect(() => {
    if (method === undefined || path === undefined) return;
    const ticket = ++latest.current;
    void session.probe(method, path).then((answers) => {
      // An older question answered late must not replace a newer answer.
      if (ticket === latest.current) setResult({ request: `${method} ${path}`, answers });
    });
  }, [session, method, path, revision]);

  const liveProfile = app.server?.running ? app.server.profile : null;
  return (
    <div className="ls-probe" data-testid="probe">
      <form className="ls-form" onSubmit={(e) => e.preventDefault()} aria-label="Probe a request">
        <label className="ls-field">
          <span>Request to probe (nothing is sent)</span>
          <input type="text" value={text} onChange={(e) => setText(e.target.value)} placeholder="GET /api/users/me" spellCheck={false} data-testid="probe-input" />
        </label>
      </form>
      {!request ? (
        <p className="muted ls-note">Write a method and a path, such as GET /api/users/me.</p>
      ) : (
        result && (
          <table className="ls-probe-table" aria-label={`Which route answers ${result.request} under each profile`}>
            <thead>
              <tr>
                <th scope="col">Profile</th>
                <th scope="col">Status</th>
                <th scope="col">Route</th>
                <th scope="col">Location / Allow</th>
                <th scope="col">Trace</th>
              </tr>
            </thead>
            <tbody>
              {result.answers.map((answer) => {
                const traceId = `ls-probe-trace-${answer.profile}`;
                const shown = open === answer.profile;
                const step = answer.routeKey === null ? undefined : answer.trace.find((s) => s.routeKey === answer.routeKey);
                return (
                  <Fragment key={answer.profile}>
                    <tr
                      className={answer.current ? 'is-current' : undefined}
                      data-testid="probe-result"
                      data-profile={answer.profile}
                      data-status={answer.status}
                      data-route-key={answer.routeKey ?? ''}
                      data-probe={result.request}
                    >
                      <th scope="row">
                        {PROFILE_LABEL[answer.profile]}
                        {answer.current && <span className="ls-badge">this document</span>}
                        {liveProfile === answer.profile && <span className="ls-badge ls-badge-answer">live server</span>}
                      </th>
                      <td>
                        <span className={statusClass(answer.status)}>{answer.status}</span>
                      </td>
                      <td>
                        {answer.routeKey === null ? (
                          <span className="muted">no route</span>
                        ) : (
                          <>
                            {step && <span className="ls-index">#{step.index} </span>}
                            <code>{answer.routeKey}</code>
                          </>
                        )}
                      </td>
                      <td>
                        {answer.location !== null && (
                          <span>
                            Location: <code>{answer.location}</code>
                          </span>
                        )}
                        {answer.allow !== null && (
                          <span>
                            Allow: <code>{answer.allow}</code>
                          </span>
                        )}
                        {answer.location === null && answer.allow === null && <span className="muted">—</span>}
                      </td>
                      <td>
                        <button type="button" className="link" aria-expanded={shown} aria-controls={traceId} onClick={() => setOpen(shown ? null : answer.profile)} data-testid="probe-show-trace">
                          {shown ? 'Hide' : 'Show'} ({answer.trace.length})
                        </button>
                      </td>
                    </tr>
                    <tr id={traceId} hidden={!shown} className="ls-probe-trace">
                      <td colSpan={5}>{shown && <TraceSteps steps={answer.trace} answeredBy={answer.routeKey} label={`Routes tried under ${PROFILE_LABEL[answer.profile]}`} />}</td>
                    </tr>
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        )
      )}
    </div>
  );
}
