import { lazy, Suspense, useCallback, useEffect, useMemo, useRef } from 'react';
import { windowTitle } from '../shared/contract/window-title';
import { commands, shortcutOf } from './commands';
import { CommandPalette } from './components/command-palette';
import { Header } from './components/header';
import { LiveServerPanel } from './components/live-server/live-server-panel';
import { ProblemsPanel } from './components/problems/problems-panel';
import { Prompts } from './components/prompts';
import { RouteEditor } from './components/route-editor/route-editor';
import { Sidebar } from './components/sidebar/sidebar';
import { StatusBar } from './components/status-bar';
import { design, useDesign } from './state/design-store';
import { DesignSessionContext, type DesignSession } from './state/design-session';
import { addStarterRoute } from './add-route';
import { onMenuCommand } from './menu-commands';
import { useRoutecraft, type DesignApp, type Routecraft } from './use-routecraft';

// Monaco is big: it loads when the code view first opens, never with the app (issue 6).
const CodeView = lazy(() => import('./components/code-view/code-view'));

export function App({ session }: { session: DesignSession }) {
  const app = useRoutecraft(session.api, session);
  const { ready, doc } = app;

  // e2e tests wait on this attribute instead of sleeping.
  useEffect(() => {
    if (ready) document.body.dataset['appReady'] = 'true';
  }, [ready]);

  useEffect(() => {
    document.title = windowTitle(doc);
  }, [doc]);

  const findRoute = useRef<HTMLInputElement | null>(null);
  const focusFindRoute = useCallback(() => findRoute.current?.focus(), []);
  // The same object while the actions are (always): the memoised design components skip the
  // renders of App that a new document state causes at every keystroke.
  const designApp = useMemo(() => ({ actions: app.actions }), [app.actions]);
  const addRoute = useCallback(() => void addStarterRoute(designApp), [designApp]);
  useShortcuts(app, focusFindRoute, addRoute);
  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'toggle-code-view') design.toggleCodeView();
        else if (command === 'find-route') focusFindRoute();
        else if (command === 'new-route') addRoute();
        else if (command === 'command-palette') design.setPaletteOpen(true);
        else design.showPanel(command === 'show-problems' ? 'problems' : 'server');
      }),
    [focusFindRoute, addRoute],
  );

  return (
    <DesignSessionContext.Provider value={session}>
      <RevisionMarks />
      <div className="app" data-testid="app-shell">
        <Header app={app} />
        <Prompts app={app} />
        {doc ? <Workspace app={app} designApp={designApp} findRoute={findRoute} addRoute={addRoute} /> : <EmptyState app={app} />}
        {doc && <StatusBar app={app} />}
        <CommandPalette app={app} focusFindRoute={focusFindRoute} addRoute={addRoute} />
      </div>
    </DesignSessionContext.Provider>
  );
}

/**
 * Which text revision main is at, and which one the visual view shows, on the body: equal when
 * the sidebar and the problems have caught up with the last edit (tests and the designer bench
 * wait on it), and where the last update's time went. A component of its own: in App, every view
 * the worker sends rendered the whole app again.
 */
function RevisionMarks() {
  const docRevision = useDesign((s) => s.doc?.revision);
  const viewRevision = useDesign((s) => s.view?.revision);
  const timings = useDesign((s) => s.timings);
  useEffect(() => {
    if (timings) document.body.dataset['workerTimings'] = `model ${timings.modelMs.toFixed(1)} rules ${timings.rulesMs.toFixed(1)} view ${timings.viewMs.toFixed(1)} handover ${(performance.timeOrigin + performance.now() - timings.postedAt).toFixed(1)}`;
  }, [timings]);
  useEffect(() => {
    document.body.dataset['docRevision'] = docRevision === undefined ? '' : String(docRevision);
    document.body.dataset['viewRevision'] = viewRevision === undefined ? '' : String(viewRevision);
  }, [docRevision, viewRevision]);
  return null;
}

function Workspace({ app, designApp, findRoute, addRoute }: { app: Routecraft; designApp: DesignApp; findRoute: React.RefObject<HTMLInputElement | null>; addRoute: () => void }) {
  const codeViewOpen = useDesign((s) => s.codeViewOpen);
  const panel = useDesign((s) => s.bottomPanel);
  return (
    <main className={codeViewOpen ? 'workspace with-code' : 'workspace'} data-testid="document-view">
      <Sidebar app={designApp} findRoute={findRoute} addRoute={addRoute} />
      <div className="editor-area">
        <RouteEditor app={designApp} />
        <section className="bottom-panel" aria-label="Panels">
          <div className="tabs" role="tablist" aria-label="Panels">
            <PanelTab id="problems" label="Problems" current={panel} />
            <PanelTab id="server" label="Live server" current={panel} />
          </div>
          <div className="tab-body" role="tabpanel" aria-labelledby={`tab-${panel}`}>
            {panel === 'problems' ? <ProblemsPanel app={designApp} /> : <LiveServerPanel app={app} />}
          </div>
        </section>
      </div>
      {codeViewOpen && (
        <Suspense fallback={<section className="code-view loading" aria-busy="true" aria-label="Code">Loading the code editor…</section>}>
          <CodeView app={app} />
        </Suspense>
      )}
    </main>
  );
}

function PanelTab({ id, label, current }: { id: 'problems' | 'server'; label: string; current: string }) {
  const counts = useDesign((s) => s.view?.counts);
  return (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-selected={current === id}
      className={current === id ? 'tab active' : 'tab'}
      onClick={() => design.showPanel(id)}
      data-testid={`panel-tab-${id}`}
    >
      {label}
      {id === 'problems' && counts && <span className="count">{counts.error + counts.warning + counts.info}</span>}
    </button>
  );
}

function useShortcuts(app: Routecraft, focusFindRoute: () => void, addRoute: () => void): void {
  const latest = useRef({ app, focusFindRoute, addRoute });
  useEffect(() => {
    latest.current = { app, focusFindRoute, addRoute };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut = shortcutOf(event);
      if (shortcut === null) return;
      const { app: a, focusFindRoute: f, addRoute: n } = latest.current;
      if (shortcut === 'Ctrl+K' || shortcut === 'Ctrl+Shift+P') {
        event.preventDefault();
        design.setPaletteOpen(true);
        return;
      }
      // Text fields and the code editor keep their own undo; everything else is the document's.
      const inText = isEditingText(event.target);
      if (inText && (shortcut === 'Ctrl+Z' || shortcut === 'Ctrl+Shift+Z' || shortcut === 'Ctrl+Y')) return;
      if (shortcut === 'Ctrl+Y') {
        event.preventDefault();
        void a.actions.redo();
        return;
      }
      const command = commands(a, f, n).find((c) => c.shortcut === shortcut);
      if (!command) return;
      event.preventDefault();
      if (command.enabled) command.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function isEditingText(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLElement && (target.isContentEditable || target.closest('.monaco-editor') !== null);
}

function EmptyState({ app }: { app: Routecraft }) {
  const { recent, actions } = app;
  const hasRecent = useMemo(() => recent.length > 0, [recent]);
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
      {hasRecent && (
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
