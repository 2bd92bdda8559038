import { useDesign } from '../state/design-store';
import type { Routecraft } from '../use-routecraft';
import { design } from '../state/design-store';

/** Problem counts, profile, routes and the server at a glance. */
export function StatusBar({ app }: { app: Routecraft }) {
  const view = useDesign((s) => s.view);
  const doc = app.doc;
  const counts = view?.counts ?? { error: 0, warning: 0, info: 0 };
  return (
    <footer className="status-bar" data-testid="status-bar">
      <button type="button" className="status-item link" onClick={() => design.showPanel('problems')} data-testid="status-problems">
        <span className="severity-error" aria-label={`${counts.error} errors`}>
          ✕ {counts.error}
        </span>{' '}
        <span className="severity-warning" aria-label={`${counts.warning} warnings`}>
          ⚠ {counts.warning}
        </span>{' '}
        <span className="severity-info" aria-label={`${counts.info} notes`}>
          ℹ {counts.info}
        </span>
      </button>
      {view && (
        <>
          <span className="status-item" data-testid="status-profile">
            Profile: {view.profile}
          </span>
          <span className="status-item">{view.routes.length} routes</span>
          {!view.readable && <span className="status-item severity-error">The text does not parse: showing the last version that did</span>}
        </>
      )}
      <span className="status-spacer" />
      {app.server?.running && app.server.url && <span className="status-item">Mock: {app.server.url}</span>}
      {doc && <span className="status-item muted">{doc.format.toUpperCase()} · {doc.eol.toUpperCase()}</span>}
    </footer>
  );
}
