import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AppInfo } from '../shared/contract/app-info';
import type { RoutecraftApi } from '../shared/contract/create-api';
import type { DocumentState, OpenResult, RecentFile, Recovery, SaveResult } from '../shared/contract/document-state.schema';
import type { ServerStatus } from '../shared/contract/live-server.schema';
import type { EditIntent } from '../shared/edit/edit-intent';
import type { MockLogEvent } from '../shared/mock/request-log';
import { flushCodeEdits } from './components/code-view/pending-code-edits';
import { latestActions } from './latest-actions';
import { runMenuCommand } from './menu-commands';
import type { DesignSession } from './state/design-session';
import { useDesign } from './state/design-store';

/** A question the UI is waiting on the user for. */
export type Prompt =
  | { kind: 'unsaved'; name: string; proceed: () => void }
  | { kind: 'conflict'; result: Extract<SaveResult, { status: 'conflict' }>; overwrite: () => void }
  | { kind: 'path'; purpose: 'open' | 'saveAs' | 'export'; submit: (path: string) => void };

const LOG_LIMIT = 2_000;

/** The app's state as the renderer sees it, kept in step with main through the contract. */
export function useRoutecraft(api: RoutecraftApi, session: DesignSession) {
  const [ready, setReady] = useState(false);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const doc = useDesign((s) => s.doc);
  const [recent, setRecent] = useState<RecentFile[]>([]);
  const [recoveries, setRecoveries] = useState<Recovery[]>([]);
  const [server, setServer] = useState<ServerStatus | null>(null);
  const [log, setLog] = useState<MockLogEvent[]>([]);
  const [error, setError] = useState<string | null>(null);
  /** A short confirmation ("Exported to …"), shown until dismissed or replaced. */
  const [notice, setNotice] = useState<string | null>(null);
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const infoRef = useRef<AppInfo | null>(null);

  /** States arrive as answers and as events; the mirror keeps the newest and the text in step. */
  const accept = useCallback((next: DocumentState | null) => session.accept(next), [session]);

  /** Runs work, showing its error if it fails; true when it did not fail. */
  const attempt = useCallback(async (work: () => Promise<unknown>): Promise<boolean> => {
    try {
      setError(null);
      await work();
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    }
  }, []);

  const refreshRecent = useCallback(async () => setRecent((await api.documents.recent()).files), [api]);

  const opened = useCallback(
    (result: OpenResult, retry: () => Promise<unknown>) => {
      if (result.status === 'opened') {
        accept(result.state);
        setPrompt(null);
        void refreshRecent();
      } else if (result.status === 'unsaved-changes') {
        setPrompt({ kind: 'unsaved', name: result.name, proceed: () => void attempt(retry) });
      }
    },
    [accept, attempt, refreshRecent],
  );

  const saved = useCallback(
    (result: SaveResult, overwrite: () => Promise<unknown>, askPath: () => void) => {
      if (result.status === 'saved') {
        accept(result.state);
        setPrompt(null);
        void refreshRecent();
      } else if (result.status === 'conflict') {
        setPrompt({ kind: 'conflict', result, overwrite: () => void attempt(overwrite) });
      } else if (result.status === 'needs-path') {
        askPath();
      } else {
        setPrompt(null);
      }
    },
    [accept, attempt, refreshRecent],
  );

  // Plain functions (not hooks): each render makes new ones, and a retry can name itself.
  async function openPath(path: string | undefined, discardChanges = false): Promise<void> {
    await attempt(async () => {
      const request = { ...(path !== undefined ? { path } : {}), discardChanges };
      opened(await session.mirror.expectSnapshot(() => api.documents.open(request)), () => openPath(path, true));
    });
  }

  async function saveAsPath(path: string | undefined, overwrite = false): Promise<void> {
    await attempt(async () => {
      await flushCodeEdits();
      const result = await api.documents.saveAs({ ...(path !== undefined ? { path } : {}), overwrite });
      saved(result, () => saveAsPath(path, true), () => undefined);
    });
  }

  const actions = {
    newDocument: (discardChanges = false): Promise<boolean> =>
      attempt(async () => opened(await session.mirror.expectSnapshot(() => api.documents.new({ discardChanges })), () => actions.newDocument(true))),
    /** Without native dialogs the user types the path in a small form. */
    open: (path?: string) => {
      if (path === undefined && infoRef.current?.nativeDialogs === false) {
        setPrompt({ kind: 'path', purpose: 'open', submit: (p) => void openPath(p) });
        return Promise.resolve();
      }
      return openPath(path);
    },
    save: (overwrite = false): Promise<boolean> =>
      attempt(async () => {
        const askPath = () => setPrompt({ kind: 'path', purpose: 'saveAs', submit: (p) => void saveAsPath(p) });
        await flushCodeEdits();
        saved(await api.documents.save({ overwrite }), () => actions.save(true), askPath);
      }),
    saveAs: () => {
      if (infoRef.current?.nativeDialogs === false) {
        setPrompt({ kind: 'path', purpose: 'saveAs', submit: (p) => void saveAsPath(p) });
        return Promise.resolve();
      }
      return saveAsPath(undefined);
    },
    revert: () => attempt(async () => opened(await session.mirror.expectSnapshot(() => api.documents.revert()), () => Promise.resolve())),
    keepLocal: (diskHash: string) => attempt(async () => accept(await api.documents.keepLocal({ diskHash }))),
    // Typing in the code view is sent in batches: what was typed goes to main before anything else.
    edit: (intent: EditIntent) =>
      attempt(async () => {
        await flushCodeEdits();
        accept(await session.edit(intent, () => api.documents.applyIntent({ intent })));
      }),
    undo: () =>
      attempt(async () => {
        await flushCodeEdits();
        accept(await api.documents.undo());
      }),
    redo: () =>
      attempt(async () => {
        await flushCodeEdits();
        accept(await api.documents.redo());
      }),
    restore: (id: string, discardChanges = false): Promise<boolean> =>
      attempt(async () => {
        const result = await session.mirror.expectSnapshot(() => api.documents.restoreRecovery({ id, discardChanges }));
        if (result.status === 'opened') setRecoveries((items) => items.filter((r) => r.id !== id));
        opened(result, () => actions.restore(id, true));
      }),
    discardRecovery: (id: string) =>
      attempt(async () => {
        await api.documents.discardRecovery({ id });
        setRecoveries((items) => items.filter((r) => r.id !== id));
      }),
    /** Writes the design as OpenAPI next to the file (browser mode asks for the path). */
    exportOpenApi: (path?: string): Promise<unknown> => {
      if (path === undefined && infoRef.current?.nativeDialogs === false) {
        setPrompt({ kind: 'path', purpose: 'export', submit: (p) => void actions.exportOpenApi(p) });
        return Promise.resolve();
      }
      return attempt(async () => {
        const result = await api.export.openapi(path !== undefined ? { path } : {});
        setPrompt(null);
        if (result.status === 'written') setNotice(`Exported OpenAPI to ${result.path}${result.warnings.length ? ` (${result.warnings.length} warnings)` : ''}.`);
        else if (result.status === 'lint-errors') setError(`Not exported: Redocly found errors in the result. ${result.lintErrors.slice(0, 3).join('; ')}`);
      });
    },
    startServer: () => attempt(async () => setServer(await api.server.start())),
    stopServer: () => attempt(async () => setServer(await api.server.stop())),
    dismissPrompt: () => setPrompt(null),
    dismissError: () => setError(null),
    dismissNotice: () => setNotice(null),
  };

  // Undo and redo from the native menu: the focused field's own typing first, else the document.
  // Kept before the browser paints, so that no event ever meets the actions of an older render.
  const actionsRef = useRef(actions);
  useLayoutEffect(() => {
    actionsRef.current = actions;
  });
  // What components get: the same object at every render (see latestActions). Those that only act
  // (sidebar, route editor, problems) are memoised on it, and a state from main, which changes the
  // app's other fields at every keystroke, no longer renders them again.
  const stableActions = useMemo(() => latestActions(actionsRef), []);

  useEffect(() => {
    const offs = [
      api.documents.onChanged(accept),
      api.server.onStatusChanged(setServer),
      api.server.onLog((event) => setLog((events) => [...events.slice(-(LOG_LIMIT - 1)), event])),
      api.app.onCommand(({ command }) => {
        const a = actionsRef.current;
        if (command !== 'undo' && command !== 'redo') runMenuCommand(command);
        else if (isEditingText(document.activeElement)) document.execCommand(command);
        else void (command === 'undo' ? a.undo() : a.redo());
      }),
    ];
    let cancelled = false;
    void (async () => {
      try {
        const [appInfo, current, recentFiles, recovered, status, requestLog] = await Promise.all([
          api.app.info(),
          api.documents.current(),
          api.documents.recent(),
          api.documents.recoveries(),
          api.server.status(),
          api.server.requestLog(),
        ]);
        if (cancelled) return;
        infoRef.current = appInfo;
        setInfo(appInfo);
        accept(current);
        setRecent(recentFiles.files);
        setRecoveries(recovered.items);
        setServer(status);
        setLog(requestLog.events.slice(-LOG_LIMIT));
      } catch (e) {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      } finally {
        if (!cancelled) setReady(true);
      }
    })();
    return () => {
      cancelled = true;
      for (const off of offs) off();
    };
  }, [api, accept]);

  return { api, session, ready, info, doc, recent, recoveries, server, log, error, notice, prompt, actions: stableActions };
}

export type Routecraft = ReturnType<typeof useRoutecraft>;

/** What the design's own components need of the app: its actions (a stable object). */
export type DesignApp = Pick<Routecraft, 'actions'>;

/** A form field has its own undo; the code view's (Monaco) is the document's, like the canvas's. */
function isEditingText(element: Element | null): boolean {
  if (element instanceof HTMLElement && element.closest('.monaco-editor') !== null) return false;
  return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || (element instanceof HTMLElement && element.isContentEditable);
}
