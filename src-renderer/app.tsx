import { useEffect } from 'react';

const COMING_SOON = 'Arrives with the app shell';

export function App() {
  // e2e tests wait on this attribute instead of sleeping.
  useEffect(() => {
    document.body.dataset.appReady = 'true';
  }, []);

  const version = window.routecraft?.appInfo.version;

  return (
    <div className="app" data-testid="app-shell">
      <header className="app-header" data-testid="app-header">
        <span className="app-name">Routecraft</span>
        {version !== undefined && <span className="app-version">v{version}</span>}
      </header>
      <main className="empty-state" data-testid="empty-state">
        <h1>Design an HTTP API</h1>
        <p>
          Controllers, routes, status codes and responses — checked the way your framework will really
          behave, served by a live mock and exported as OpenAPI.
        </p>
        <div className="empty-state-actions">
          <button type="button" className="primary" data-testid="new-api" disabled title={COMING_SOON}>
            New API
          </button>
          <button type="button" data-testid="open-api" disabled title={COMING_SOON}>
            Open…
          </button>
        </div>
      </main>
    </div>
  );
}
