import { createContext, useContext } from 'react';
import type { RoutecraftApi } from '../../shared/contract/create-api';
import type { DocumentState } from '../../shared/contract/document-state.schema';
import type { EditIntent } from '../../shared/edit/edit-intent';
import type { Diagnostic } from '../../shared/model/diagnostic';
import { extraProblems, withExtraProblems, type DesignView, type ExtraProblems } from '../../shared/view/design-view';
import { applyRowsUpdate } from '../worker/row-patches';
import type { ViewOnTheWire } from '../worker/design-protocol';
import { DesignClient } from '../worker/design-client';
import type { ProbeAnswer } from '../worker/design-protocol';
import { useDesign } from './design-store';
import { DocumentMirror, type TextChange } from './document-mirror';

/** How long typing must pause before Redocly runs again (seconds on a large document, in main). */
const LINT_PAUSE_MS = 1500;

/**
 * Wires the renderer's copy of the document: states from main go into the mirror, the mirror's
 * text changes go to the design worker (and to the code view), and the worker's views go into the
 * store the components read.
 */
export class DesignSession {
  readonly mirror: DocumentMirror;
  private readonly worker: DesignClient;
  private readonly textListeners = new Set<(change: TextChange) => void>();
  private readonly unsubscribe: () => void;
  /** The selection last sent to the worker, numbered so its answers can be matched. */
  private lastKey: string | null = null;
  private selectionSeq = 0;
  /** The worker's last view, and Redocly's last findings (from main) to join into it. */
  private baseView: DesignView | null = null;
  private external: { sessionId: string; problems: ExtraProblems } | null = null;
  private lintTimer: ReturnType<typeof setTimeout> | undefined;
  private linting = false;
  private lintAgain = false;

  constructor(readonly api: RoutecraftApi) {
    this.worker = new DesignClient(
      ({ view: wire, selected, selection, schemaNames, timings }) => {
        // A view of an older session (the worker was busy when another document opened) is dropped.
        if (wire.sessionId !== this.mirror.at.sessionId) return;
        const view = this.assemble(wire);
        if (!view) return;
        // The worker followed a renamed route: select it too, unless the user chose another since.
        const followed = selection.seq === this.selectionSeq && selection.routeKey !== this.lastKey;
        if (followed) this.lastKey = selection.routeKey;
        const fresh = selection.seq === this.selectionSeq;
        this.baseView = view;
        useDesign.setState((s) => ({
          view: this.joined(view),
          // A view answering an older selection must not show the route the user left.
          selected: fresh ? selected : s.selected,
          schemaNames,
          timings,
          ...(followed ? { selection: { ...s.selection, routeKey: selection.routeKey } } : {}),
        }));
      },
      (message) => console.error(`design worker: ${message}`),
    );
    this.mirror = new DocumentMirror({
      fetchText: () => api.documents.text(),
      onMeta: (doc) => {
        if (doc === null) useDesign.setState({ doc: null, view: null, selected: null });
        else useDesign.setState({ doc });
      },
      onText: (change) => {
        if (change.kind === 'snapshot') {
          this.worker.open(change.sessionId, change.revision, change.text, change.format);
          useDesign.setState({ selection: { routeKey: null, status: null }, selected: null });
        } else this.worker.edits(change.sessionId, change.revision, change.edits);
        for (const listener of this.textListeners) listener(change);
        // After a new document, Redocly (seconds on a large one) waits until the first view is shown.
        this.scheduleLint(change.kind === 'snapshot' ? 2500 : LINT_PAUSE_MS);
      },
    });
    this.unsubscribe = useDesign.subscribe((state) => {
      if (state.selection.routeKey !== this.lastKey) {
        this.lastKey = state.selection.routeKey;
        this.selectionSeq += 1;
        this.worker.select(this.lastKey, this.selectionSeq);
      }
    });
  }

  /** The view with its rows: a patch goes on top of the rows of the view it was made against. */
  private assemble(wire: ViewOnTheWire): DesignView | null {
    const base = this.baseView && this.baseView.sessionId === wire.sessionId ? { revision: this.baseView.revision, rows: this.baseView.routes } : null;
    const routes = applyRowsUpdate(base, wire.routes);
    if (routes === null) {
      this.worker.full();
      return null;
    }
    return { ...wire, routes };
  }

  private joined(view: DesignView): DesignView {
    const external = this.external;
    return external && external.sessionId === view.sessionId ? withExtraProblems(view, external.problems) : view;
  }

  /** Redocly's lint, in main, when typing pauses; one at a time, the latest text wins. */
  private scheduleLint(delayMs: number): void {
    clearTimeout(this.lintTimer);
    this.lintTimer = setTimeout(() => void this.lint(), delayMs);
  }

  private async lint(): Promise<void> {
    if (this.linting) {
      this.lintAgain = true;
      return;
    }
    this.linting = true;
    try {
      const result = await this.api.documents.lint();
      // Reading thousands of findings, counting them and showing them are three tasks, not one
      // long one: the user may be scrolling the sidebar when they land (they come when typing pauses).
      await nextTask();
      if (result && result.sessionId === this.mirror.at.sessionId) {
        const omitted = result.total - result.diagnostics.length;
        const note: Diagnostic[] =
          omitted > 0
            ? [{ rule: 'redocly/more', severity: 'info', message: `Redocly found ${omitted.toLocaleString('en')} more problems than shown here; \`routecraft lint\` lists them all.`, target: { pointer: '' } }]
            : [];
        const problems = extraProblems([...result.diagnostics, ...note]);
        await nextTask();
        if (result.sessionId === this.mirror.at.sessionId) {
          this.external = { sessionId: result.sessionId, problems };
          if (this.baseView && this.baseView.sessionId === result.sessionId) useDesign.setState({ view: this.joined(this.baseView) });
        }
      }
    } catch (e) {
      console.warn(`Redocly's lint did not run: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.linting = false;
      if (this.lintAgain) {
        this.lintAgain = false;
        this.scheduleLint(LINT_PAUSE_MS);
      }
    }
  }

  accept(state: DocumentState | null): void {
    this.mirror.accept(state);
  }

  /** The code view listens here: snapshots replace its text, edits update it in place. */
  onText(listener: (change: TextChange) => void): () => void {
    this.textListeners.add(listener);
    return () => this.textListeners.delete(listener);
  }

  /**
   * Runs a visual edit: the design worker applies it to its copy at once (the sidebar and problems
   * follow without waiting for main), main applies it for real, and its answer confirms the
   * prediction — or, when main refuses, the prediction is taken back.
   */
  async edit<T>(intent: EditIntent, send: () => Promise<T>): Promise<T> {
    const at = this.mirror.at;
    if (at.sessionId !== null) this.worker.predict(at.sessionId, at.revision, intent);
    try {
      return await send();
    } catch (e) {
      this.worker.rollback();
      throw e;
    }
  }

  probe(method: string, path: string): Promise<ProbeAnswer[]> {
    return this.worker.probe(method, path);
  }

  dispose(): void {
    clearTimeout(this.lintTimer);
    this.unsubscribe();
    this.worker.dispose();
  }
}

/** Lets the browser run what waits (input, a frame, a worker's view) before going on. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export const DesignSessionContext = createContext<DesignSession | null>(null);

export function useDesignSession(): DesignSession {
  const session = useContext(DesignSessionContext);
  if (!session) throw new Error('useDesignSession outside <DesignSessionContext>');
  return session;
}
