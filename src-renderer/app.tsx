import { useEffect } from 'react';
import type { RoutecraftApi } from '../shared/contract/create-api';
import { windowTitle } from '../shared/contract/window-title';
import { Prompts } from './components/prompts';
import { RouteList } from './components/route-list';
import { DiagnosticsPanel, LiveServerPanel } from './components/side-panels';
import { useRoutecraft, type Routecraft } from './use-routecraft';

export function App({ api }: { api: RoutecraftApi }) {
  const app = useRoutecraft(api);
  const { ready, doc, actions } = app;

  // e2e tests wait on this attribute instead of sleeping.
  useEffect(() => {
    if (ready) document.body.dataset['appReady'] = 'true';
  }, [ready]);

  useEffect(() => {
    document.title = windowTitle(doc);
  }, [doc]);

  // Browser mode's shortcuts (in the desktop app the native menu takes these keys first).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const inField = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if (key === 's') {
        event.preventDefault();
        void (event.shiftKey ? actions.saveAs() : actions.save());
      } else if (key === 'o') {
        event.preventDefault();
        void actions.open();
      } else if (!inField && (key === 'z' || key === 'y')) {
        event.preventDefault();
        void (key === 'y' || event.shiftKey ? actions.redo() : actions.undo());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);

  return (
    <div className="app" data-testid="app-shell">
      <Header app={app} />
      <Prompts app={app} />
      {doc ? (
        <main className="workspace" data-testid="document-view">
          <RouteList doc={doc} app={app} />
          <div className="side">
            <DiagnosticsPanel doc={doc} />
            <LiveServerPanel app={app} />
          </div>
        </main>
      ) : (
        <EmptyState app={app} />
      )}
    </div>
  );
}

function Header({ app }: { app: Routecraft }) {
  const { info, doc, actions } = app;
  return (
    <header className="app-header" data-testid="app-header">
      <span className="app-name">Routecraft</span>
      {info && <span className="app-version">v{info.version}</span>}
      {doc && (
        <span className="document-title" data-testid="document-title" title={doc.path ?? 'Not saved yet'}>
          {doc.name}
          {doc.dirty && (
            <span className="dirty-marker" data-testid="dirty-marker" aria-label="unsaved changes" title="Unsaved changes">
              ●
            </span>
          )}
        </span>
      )}
      <nav className="toolbar" aria-label="Document">
        <button type="button" onClick={() => void actions.newDocument()} data-testid="toolbar-new">
          New
        </button>
        <button type="button" onClick={() => void actions.open()} data-testid="toolbar-open">
          Open…
        </button>
        <button type="button" onClick={() => void actions.save()} disabled={!doc} data-testid="save">
          Save
        </button>
        <button type="button" onClick={() => void actions.saveAs()} disabled={!doc} data-testid="save-as">
          Save As…
        </button>
        <button type="button" onClick={() => void actions.undo()} disabled={!doc?.canUndo} data-testid="undo">
          Undo
        </button>
        <button type="button" onClick={() => void actions.redo()} disabled={!doc?.canRedo} data-testid="redo">
          Redo
        </button>
      </nav>
    </header>
  );
}

function EmptyState({ app }: { app: Routecraft }) {
  const { recent, actions } = app;
  return (
    <main className="empty-state" data-testid="empty-state">
      <h1>Design an HTTP API</h1>
      <p>
        Controllers, routes, status codes and responses — checked the way your framework will really behave, served by a
        live mock and exported as OpenAPI.
      </p>
      <div className="empty-state-actions">
        <button type="button" className="primary" onClick={() => void actions.newDocument()} data-testid="new-api">
          New API
        </button>
        <button type="button" onClick={() => void actions.open()} data-testid="open-api">
          Open…
        </button>
      </div>
      {recent.length > 0 && (
        <section className="recent" aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent</h2>
          <ul data-testid="recent-files">
            {recent.map((file) => (
              <li key={file.path}>
                <button type="button" className="link" title={file.path} onClick={() => void actions.open(file.path)}>
                  {file.name}
                </button>
                <span className="muted"> {file.path}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

/** Shown when the page was opened without a way to reach main (no preload, no token). */
export function NotConnected({ message }: { message: string }) {
  useEffect(() => {
    document.body.dataset['appReady'] = 'true';
  }, []);
  return (
    <div className="app" data-testid="app-shell">
      <header className="app-header" data-testid="app-header">
        <span className="app-name">Routecraft</span>
      </header>
      <main className="empty-state" data-testid="not-connected">
        <h1>Not connected</h1>
        <p>{message}</p>
      </main>
    </div>
  );
}
