import { design, useDesign } from '../state/design-store';
import type { Routecraft } from '../use-routecraft';

export function Header({ app }: { app: Routecraft }) {
  const { info, doc, server, actions } = app;
  const codeViewOpen = useDesign((s) => s.codeViewOpen);
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
        <button type="button" onClick={() => void actions.open()} data-testid="toolbar-open" title="Open… (Ctrl+O)">
          Open…
        </button>
        <button type="button" onClick={() => void actions.save()} disabled={!doc} data-testid="save" title="Save (Ctrl+S)">
          Save
        </button>
        <button type="button" onClick={() => void actions.saveAs()} disabled={!doc} data-testid="save-as" title="Save As… (Ctrl+Shift+S)">
          Save As…
        </button>
        <span className="toolbar-gap" />
        <button type="button" onClick={() => void actions.undo()} disabled={!doc?.canUndo} data-testid="undo" title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" onClick={() => void actions.redo()} disabled={!doc?.canRedo} data-testid="redo" title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
        <span className="toolbar-gap" />
        <button
          type="button"
          onClick={() => design.toggleCodeView()}
          disabled={!doc}
          aria-pressed={codeViewOpen}
          data-testid="toggle-code-view"
          title="Code view (Ctrl+E)"
        >
          Code
        </button>
        <button
          type="button"
          onClick={() => {
            design.showPanel('server');
            void (server?.running ? actions.stopServer() : actions.startServer());
          }}
          disabled={!doc}
          data-testid="toolbar-server"
          title="Start or stop the live mock server (Ctrl+Shift+M)"
        >
          {server?.running ? 'Stop server' : 'Start server'}
        </button>
        <button type="button" onClick={() => void actions.exportOpenApi()} disabled={!doc} data-testid="toolbar-export">
          Export…
        </button>
        <button type="button" onClick={() => design.setPaletteOpen(true)} data-testid="open-palette" title="Commands (Ctrl+K)">
          ⌘K
        </button>
      </nav>
    </header>
  );
}
