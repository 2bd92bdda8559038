import Editor, { type OnMount } from '@monaco-editor/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useOsTheme } from '../../monaco/monaco-setup';
import { useDesignSession } from '../../state/design-session';
import { useDesign } from '../../state/design-store';
import type { Routecraft } from '../../use-routecraft';
import { CodeViewController } from './code-view-controller';
import type { SyncStatus } from './text-sync';
import './code-view.css';

let modelCount = 0;

/**
 * The whole document in Monaco, two-way with the visual view (issue 6). Loaded lazily (React.lazy
 * in app.tsx): this module and everything Monaco stay out of the renderer's initial JavaScript.
 */
export default function CodeView({ app }: { app: Routecraft }) {
  const session = useDesignSession();
  const format = useDesign((s) => s.doc?.format ?? 'yaml');
  const theme = useOsTheme();
  const section = useRef<HTMLElement | null>(null);
  const [status, setStatus] = useState<SyncStatus>({ kind: 'idle' });
  // Uncontrolled: Monaco owns the text once mounted (a controlled value drops fast keystrokes).
  const [initial] = useState(() => ({ text: session.mirror.text, format, path: `routecraft-document-${++modelCount}.${format}` }));
  const latestApp = useRef(app);
  useEffect(() => {
    latestApp.current = app;
  });
  // Disposed with its editor (editor.onDidDispose), not with this component's effects: StrictMode
  // runs effect cleanups on a mounted editor in development.
  const controller = useRef<CodeViewController | null>(null);

  const onMount = useCallback<OnMount>(
    (editor, monaco) => {
      controller.current?.dispose();
      // Typing reports "pending" on every key: re-render only when something shown changes.
      const onStatus = (next: SyncStatus) =>
        setStatus((prev) => (prev.kind === next.kind && ('message' in prev ? prev.message : '') === ('message' in next ? next.message : '') ? prev : next));
      const created = new CodeViewController(editor, monaco, session, () => latestApp.current, onStatus);
      controller.current = created;
      editor.onDidDispose(() => created.dispose());
      // For tests and for people reading the DOM: where the cursor and the viewport are.
      const describe = () => {
        const el = section.current;
        if (!el) return;
        el.dataset['cursorLine'] = String(editor.getPosition()?.lineNumber ?? 0);
        el.dataset['firstVisibleLine'] = String(editor.getVisibleRanges()[0]?.startLineNumber ?? 0);
      };
      editor.onDidChangeCursorPosition(describe);
      editor.onDidScrollChange(describe);
      describe();
    },
    [session],
  );

  const name = app.doc?.name ?? 'Document';
  const readOnly = status.kind === 'broken';
  const options = useMemo(
    () => ({
      ariaLabel: `${name} (${format.toUpperCase()})`,
      readOnly,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      tabSize: 2,
      insertSpaces: true,
      fixedOverflowWidgets: true,
      // Nothing leaves the machine from here: no links opened out of the text.
      links: false,
    }),
    [name, format, readOnly],
  );

  return (
    <section className="code-view" data-testid="code-view" data-sync={status.kind} aria-label="Code" ref={section}>
      {(status.kind === 'broken' || status.kind === 'retrying') && (
        <output className={`code-view-notice ${status.kind}`} data-testid="code-view-notice">
          {status.kind === 'retrying' ? `Typed changes not sent yet, trying again: ${status.message}` : status.message}
        </output>
      )}
      <div className="code-view-editor">
        <Editor
          defaultValue={initial.text}
          defaultLanguage={initial.format}
          defaultPath={initial.path}
          theme={theme}
          loading={<p className="code-view-loading">Loading the code editor…</p>}
          onMount={onMount}
          options={options}
        />
      </div>
    </section>
  );
}
