import { useMemo } from 'react';
import type { TraceStep } from '../../../shared/matching/match-types';
import type { BodyPreview, MockLogEvent } from '../../../shared/mock/request-log';
import type { Problem } from '../../../shared/view/design-view';
import { design, useDesign } from '../../state/design-store';
import { formatDuration, formatTime, OUTCOME_LABEL, prettyBody, shadowedRoutes, statusClass } from './log-format';

/** A probe of a 10,000-route document can try every route; the first ones tell the story. */
const MAX_STEPS = 200;

/** Shadowing problems of the current design, by the route they name. */
export function useShadowedRoutes(): Map<string, Problem> {
  const problems = useDesign((s) => s.view?.problems);
  return useMemo(() => shadowedRoutes(problems), [problems]);
}

/**
 * The routes tried, in order: each with its #index, key, outcome and the matcher's sentence. The
 * route that answered is highlighted, as are routes a shadowing problem names; a click selects the
 * route in the editor.
 */
export function TraceSteps({ steps, answeredBy, label }: { steps: readonly TraceStep[]; answeredBy: string | null; label: string }) {
  const shadowed = useShadowedRoutes();
  if (steps.length === 0) return <p className="muted ls-note">No route was tried: the request was answered before routing (a redirect, a preflight or a refusal).</p>;
  const shown = steps.length > MAX_STEPS ? steps.slice(0, MAX_STEPS) : steps;
  return (
    <>
      <ol className="ls-trace" aria-label={label}>
        {shown.map((step, i) => {
          const answered = step.outcome === 'matched' || (step.routeKey === answeredBy && step.outcome !== 'not-reached');
          const shadow = shadowed.get(step.routeKey);
          const classes = ['ls-step', answered ? 'is-answer' : '', shadow ? 'is-shadowed' : ''].filter(Boolean).join(' ');
          return (
            <li
              key={`${i}:${step.routeKey}`}
              className={classes}
              data-testid="trace-step"
              data-route-key={step.routeKey}
              data-outcome={step.outcome}
              {...(answered ? { 'data-answered': 'true' } : {})}
              {...(shadow ? { 'data-shadowed': 'true' } : {})}
            >
              <div className="ls-step-head">
                <button type="button" className="ls-route-link" onClick={() => design.select(step.routeKey)} title="Select this route in the editor">
                  <span className="ls-index">#{step.index}</span> <code>{step.routeKey}</code>
                </button>
                <span className={`ls-outcome ls-outcome-${step.outcome}`}>{OUTCOME_LABEL[step.outcome]}</span>
                {answered && <span className="ls-badge ls-badge-answer">answered</span>}
                {shadow && <span className="ls-badge ls-badge-shadowed">{shadow.rule === 'route/shadowed' ? 'shadowed' : 'partly shadowed'}</span>}
              </div>
              <p className="ls-detail">{step.detail}</p>
              {shadow && <p className="ls-detail ls-shadow-note">{shadow.message}</p>}
            </li>
          );
        })}
      </ol>
      {steps.length > shown.length && <p className="muted ls-note">… and {steps.length - shown.length} more routes.</p>}
    </>
  );
}

/** One logged request in full: what answered and why, then what went each way. */
export function TraceView({ event, entry }: { event: MockLogEvent | null; entry: number | null }) {
  if (!event) {
    return (
      <section className="ls-trace-view ls-empty" aria-label="Trace">
        <p className="muted ls-note">Select a request in the log to see which routes were tried, in order.</p>
      </section>
    );
  }
  const contentType = event.responseHeaders.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  return (
    <section className="ls-trace-view" aria-labelledby="ls-trace-heading" data-testid="trace-view" data-entry={entry ?? undefined}>
      <h3 id="ls-trace-heading" className="ls-subheading">
        Trace of <code>{event.method || '(no method)'} {event.path || '(no path)'}</code>
      </h3>
      <p className="ls-summary">
        <span className={statusClass(event.status)}>{event.status === 0 ? 'no answer' : event.status}</span>
        <span>in {formatDuration(event.durationMs)}</span>
        <span className="muted">at {formatTime(event.time)}</span>
        {event.route !== null && (
          <span>
            by <code>{event.route}</code>
          </span>
        )}
      </p>
      <p className="ls-source">{event.source}</p>
      {event.error !== undefined && <p className="severity-error">{event.error}</p>}
      {event.problems.length > 0 && (
        <ul className="ls-problems" aria-label="Strict mode problems">
          {event.problems.map((problem) => (
            <li key={problem} className="severity-warning">
              {problem}
            </li>
          ))}
        </ul>
      )}
      <TraceSteps steps={event.trace} answeredBy={event.route} label={`Routes tried for ${event.method} ${event.path}`} />
      <details className="ls-exchange">
        <summary>Request headers and body</summary>
        <HeaderTable label="Request headers" headers={Object.entries(event.requestHeaders).filter((entry): entry is [string, string] => entry[1] !== undefined)} />
        <BodyBlock label="Request body" body={event.requestBody} contentType={event.requestHeaders['content-type']} />
      </details>
      <details className="ls-exchange">
        <summary>Response headers and body</summary>
        <HeaderTable label="Response headers" headers={event.responseHeaders} />
        <BodyBlock label="Response body" body={event.responseBody} contentType={contentType} />
      </details>
    </section>
  );
}

export function HeaderTable({ label, headers }: { label: string; headers: readonly (readonly [string, string])[] }) {
  if (headers.length === 0) return <p className="muted ls-note">No headers.</p>;
  return (
    <table className="ls-headers" aria-label={label}>
      <tbody>
        {headers.map(([name, value], i) => (
          <tr key={`${i}:${name}`} data-name={name} data-value={value}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BodyBlock({ label, body, contentType }: { label: string; body: BodyPreview | null; contentType: string | undefined }) {
  if (body === null) return <p className="muted ls-note">No body.</p>;
  return (
    <>
      <p className="ls-label">{label}</p>
      <pre className="ls-body">
        {body.truncated ? body.text : prettyBody(body.text, contentType)}
      </pre>
      {body.truncated && <p className="muted ls-note">The first {body.text.length.toLocaleString()} characters of {body.bytes.toLocaleString()} bytes.</p>}
    </>
  );
}
