import type { DocumentState } from '../../shared/contract/document-state.schema';
import type { Routecraft } from '../use-routecraft';

const SHOWN_DIAGNOSTICS = 50;

export function DiagnosticsPanel({ doc }: { doc: DocumentState }) {
  const { diagnostics } = doc;
  return (
    <section className="panel" aria-labelledby="problems-heading" data-testid="diagnostics">
      <h2 id="problems-heading">
        Problems <span className="count">{diagnostics.length}</span>
      </h2>
      {diagnostics.length === 0 ? (
        <p className="muted">None found.</p>
      ) : (
        <ul className="diagnostics">
          {diagnostics.slice(0, SHOWN_DIAGNOSTICS).map((d, i) => (
            <li key={`${d.rule}:${i}`} className={`severity-${d.severity}`}>
              <span className="rule">{d.rule}</span> {d.message}
              {d.target.range && <span className="muted"> (line {d.target.range.start.line})</span>}
            </li>
          ))}
          {diagnostics.length > SHOWN_DIAGNOSTICS && <li className="muted">…and {diagnostics.length - SHOWN_DIAGNOSTICS} more</li>}
        </ul>
      )}
    </section>
  );
}

export function LiveServerPanel({ app }: { app: Routecraft }) {
  const { server, log, actions } = app;
  if (!server) return null;
  return (
    <section className="panel" aria-labelledby="server-heading" data-testid="live-server">
      <h2 id="server-heading">Live mock server</h2>
      <div className="server-row">
        {server.running ? (
          <>
            <a href={server.url ?? '#'} target="_blank" rel="noreferrer" data-testid="server-url">
              {server.url}
            </a>
            <button type="button" onClick={() => void actions.stopServer()} data-testid="stop-server">
              Stop
            </button>
          </>
        ) : (
          <>
            <span className="muted">Stopped (port {server.settings.port})</span>
            <button type="button" onClick={() => void actions.startServer()} data-testid="start-server">
              Start
            </button>
          </>
        )}
      </div>
      {server.error !== null && <p className="severity-error">{server.error}</p>}
      <ol className="request-log" data-testid="request-log">
        {log
          .slice()
          .reverse()
          .map((event) => (
            <li key={event.id}>
              <code>
                {event.method} {event.path}
              </code>{' '}
              → {event.status === 0 ? 'no answer' : event.status} <span className="muted">{event.route ?? event.source}</span>
            </li>
          ))}
      </ol>
    </section>
  );
}
