import type { editor as MonacoEditor } from 'monaco-editor/editor';
import { applyEdits, type TextEdit } from '../../../shared/edit/text-edit';
import type { Problem } from '../../../shared/view/design-view';
import type { monaco as MonacoApi } from '../../monaco/monaco-setup';
import type { DesignSession } from '../../state/design-session';
import { design, useDesign, type DesignState } from '../../state/design-store';
import type { Routecraft } from '../../use-routecraft';
import { registerCodeEditsFlusher } from './pending-code-edits';
import { routeAtOffset } from './route-at-offset';
import { TextSync, type BufferChange, type EditorBuffer, type SyncStatus } from './text-sync';

type Monaco = typeof MonacoApi;

const MARKER_OWNER = 'routecraft';

/**
 * Everything the code view does with its Monaco editor, outside React: text sync with main,
 * the shared undo history, diagnostics as markers, and selection both ways.
 */
export class CodeViewController {
  private readonly sync: TextSync;
  private readonly disposers: (() => void)[] = [];
  /** True while the editor's text changes for a reason other than the user (not to be sent back). */
  private applyingRemote = false;
  private detached = false;
  /** A route key the code view selected itself: the selection change it causes reveals nothing. */
  private keyFromCode: string | null = null;
  /** A route selected elsewhere, revealed once its full Route (with its range) arrives. */
  private revealWanted: string | null = null;
  /** The user moved the cursor; the route under it is selected once the view fits the text. */
  private cursorMoved = false;
  private markersFrom: DesignState['view'] = null;

  constructor(
    private readonly editor: MonacoEditor.IStandaloneCodeEditor,
    private readonly monaco: Monaco,
    private readonly session: DesignSession,
    private readonly app: () => Routecraft,
    private readonly onStatus: (status: SyncStatus) => void,
  ) {
    const model = this.model();
    this.sync = new TextSync(this.monacoBuffer(model), {
      applyText: (revision, edits) => session.api.documents.applyText({ revision, edits }),
      accept: (state) => session.accept(state),
      mirror: () => ({ ...session.mirror.at, text: session.mirror.text }),
      fetchText: () => session.api.documents.text(),
    }, (status) => this.statusChanged(status));

    this.disposers.push(
      session.onText((change) => this.sync.remote(change)),
      registerCodeEditsFlusher(() => this.sync.flush()),
      useDesign.subscribe((state, prev) => this.storeChanged(state, prev)),
    );
    const subscriptions = [
      model.onDidChangeContent((e) => {
        if (!this.applyingRemote) this.sync.typed(touched(e, model.getValueLength()));
      }),
      // The model goes before the editor when React unmounts the view: keep what was typed.
      model.onWillDispose(() => this.detach(model.getValue())),
      editor.onDidBlurEditorText(() => void this.sync.flush()),
      editor.onDidChangeCursorPosition((e) => {
        if (e.source !== 'keyboard' && e.source !== 'mouse') return;
        // Where the user put the cursor wins over a route selected before that is still to be
        // shown: its route can land from the worker after they moved on (a busy machine), and
        // the cursor must not jump back to it.
        this.revealWanted = null;
        this.cursorMoved = true;
        this.selectRouteAtCursor();
      }),
    ];
    for (const s of subscriptions) this.disposers.push(() => s.dispose());
    this.addKeybindings();

    // Opening the code view shows the route being edited.
    this.revealWanted = useDesign.getState().selection.routeKey;
    this.revealSelected();
    this.updateMarkers();
  }

  dispose(): void {
    if (!this.detached) this.detach(this.editor.getModel()?.getValue() ?? null);
  }

  private model(): MonacoEditor.ITextModel {
    const model = this.editor.getModel();
    if (!model) throw new Error('the code editor has no model');
    return model;
  }

  /** Monaco's model as the sync's buffer. */
  private monacoBuffer(model: MonacoEditor.ITextModel): EditorBuffer {
    const normalised = (text: string) => /\r(?!\n)/.test(text); // a lone CR would become the model's EOL
    return {
      value: () => model.getValue(),
      length: () => model.getValueLength(),
      slice: (start, tail) => model.getValueInRange(this.monaco.Range.fromPositions(model.getPositionAt(start), model.getPositionAt(model.getValueLength() - tail))),
      applyRemote: (edits) => {
        const expected = model.getValueLength() + edits.reduce((n, e) => n + e.text.length - e.length, 0);
        const operations = edits.map((e) => ({
          range: this.monaco.Range.fromPositions(model.getPositionAt(e.offset), model.getPositionAt(e.offset + e.length)),
          text: e.text,
        }));
        this.withoutSending(() => model.applyEdits(operations));
        return model.getValueLength() === expected && !edits.some((e) => normalised(e.text));
      },
      replaceAll: (text, format) => {
        this.withoutSending(() => {
          model.setValue(text);
          this.monaco.editor.setModelLanguage(model, format);
        });
        this.editor.setScrollPosition({ scrollTop: 0, scrollLeft: 0 });
        return model.getValueLength() === text.length && !normalised(text);
      },
    };
  }

  private withoutSending(change: () => void): void {
    this.applyingRemote = true;
    try {
      change();
    } finally {
      this.applyingRemote = false;
    }
  }

  /**
   * The view is closing: what is unsent still goes to main, from a plain copy of the text (the
   * model is going away), and later changes from main keep that copy right until it is sent.
   */
  private detach(lastValue: string | null): void {
    if (this.detached) return;
    this.detached = true;
    let text = lastValue ?? '';
    this.sync.replaceBuffer({
      value: () => text,
      length: () => text.length,
      slice: (start, tail) => text.slice(start, text.length - tail),
      applyRemote: (edits: readonly TextEdit[]) => {
        text = applyEdits(text, edits);
        return true;
      },
      replaceAll: (next: string) => {
        text = next;
        return true;
      },
    });
    const [unsubscribeText, ...rest] = this.disposers.splice(0);
    for (const d of rest) d();
    void this.sync.flush().finally(() => {
      unsubscribeText?.();
      this.sync.dispose();
    });
  }

  private statusChanged(status: SyncStatus): void {
    if (status.kind === 'idle') {
      this.updateMarkers();
      this.selectRouteAtCursor();
    }
    this.onStatus(status);
  }

  private addKeybindings(): void {
    const { KeyMod, KeyCode } = this.monaco;
    // One history for the visual editor and the code (in main), not Monaco's own. addAction, not
    // addCommand: a command's keybinding would apply to every Monaco editor on the page.
    const shared = (id: string, label: string, keybindings: number[], run: () => Promise<unknown>) => {
      const action = this.editor.addAction({
        id: `routecraft.${id}`,
        label,
        keybindings,
        run: async () => {
          await this.sync.flush();
          await run();
        },
      });
      this.disposers.push(() => action.dispose());
    };
    shared('undo', 'Undo (shared with the visual editor)', [KeyMod.CtrlCmd | KeyCode.KeyZ], () => this.app().actions.undo());
    shared('redo', 'Redo (shared with the visual editor)', [KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.KeyZ, KeyMod.CtrlCmd | KeyCode.KeyY], () => this.app().actions.redo());
    // The app's Ctrl+S would save before the last typing reached main.
    shared('save', 'Save', [KeyMod.CtrlCmd | KeyCode.KeyS], () => this.app().actions.save());
  }

  private storeChanged(state: DesignState, prev: DesignState): void {
    const format = state.doc?.format;
    if (format !== undefined && format !== prev.doc?.format && !this.detached) this.monaco.editor.setModelLanguage(this.model(), format);
    if (state.view !== prev.view) {
      this.updateMarkers();
      this.selectRouteAtCursor();
    }
    if (state.selection.routeKey !== prev.selection.routeKey) {
      const key = state.selection.routeKey;
      this.revealWanted = key !== null && key === this.keyFromCode ? null : key;
      this.keyFromCode = null;
    }
    if (state.selected !== prev.selected || state.selection.routeKey !== prev.selection.routeKey) this.revealSelected();
    if (state.reveal !== prev.reveal && state.reveal) this.revealRange(state.reveal.start, state.reveal.end);
  }

  /** The view's offsets fit the editor's text: its revision has the text the editor shows. */
  private viewFits(view: DesignState['view']): view is NonNullable<DesignState['view']> {
    return (
      view !== null &&
      this.sync.isIdle &&
      view.sessionId === this.session.mirror.at.sessionId &&
      view.revision >= this.sync.textRevision &&
      view.revision <= this.sync.baseRevision
    );
  }

  /** Diagnostics as markers: the same list as the problems panel and the sidebar badges. */
  private updateMarkers(): void {
    if (this.detached) return;
    const { view } = useDesign.getState();
    if (view === this.markersFrom || !this.viewFits(view)) return; // Monaco moves old markers with the text meanwhile
    this.markersFrom = view;
    const model = this.model();
    const markers = view.problems.flatMap((p) => {
      const marker = this.marker(model, p);
      return marker ? [marker] : [];
    });
    this.monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
  }

  private marker(model: MonacoEditor.ITextModel, problem: Problem): MonacoEditor.IMarkerData | null {
    const range = problem.target.range;
    if (!range) return null;
    const start = model.getPositionAt(range.start.offset);
    let end = model.getPositionAt(range.end.offset);
    // An empty range would show nothing: mark the rest of the line.
    if (end.lineNumber === start.lineNumber && end.column === start.column) {
      end = new this.monaco.Position(start.lineNumber, model.getLineMaxColumn(start.lineNumber));
    }
    const { MarkerSeverity } = this.monaco;
    return {
      severity: problem.severity === 'error' ? MarkerSeverity.Error : problem.severity === 'warning' ? MarkerSeverity.Warning : MarkerSeverity.Info,
      message: problem.message,
      code: problem.rule,
      source: 'Routecraft',
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    };
  }

  /** The user put the cursor in a route's operation: select that route in the visual view. */
  private selectRouteAtCursor(): void {
    if (!this.cursorMoved || this.detached) return;
    const { view, selection } = useDesign.getState();
    if (!this.viewFits(view)) return; // again when the view catches up with the typing
    this.cursorMoved = false;
    const position = this.editor.getPosition();
    if (!position) return;
    const key = routeAtOffset(view, this.model().getOffsetAt(position));
    if (key === null || key === selection.routeKey) return;
    this.keyFromCode = key;
    design.select(key);
  }

  /** A route selected in the visual view: show it, unless the cursor is in it already (a rename). */
  private revealSelected(): void {
    if (this.revealWanted === null || this.detached) return;
    const { selected } = useDesign.getState();
    if (!selected || selected.key !== this.revealWanted) return;
    this.revealWanted = null;
    const model = this.model();
    const position = this.editor.getPosition();
    const cursor = position ? model.getOffsetAt(position) : -1;
    const { start, end } = selected.range;
    if (cursor >= start.offset && cursor <= end.offset) return;
    const at = model.getPositionAt(start.offset);
    this.editor.setPosition(at);
    this.editor.revealLineNearTop(at.lineNumber);
  }

  /** A request to show a range (a problem clicked): select it and scroll to it. */
  private revealRange(start: number | undefined, end: number | undefined): void {
    if (start === undefined || this.detached) return;
    this.revealWanted = null; // the explicit place wins over the route's start
    const model = this.model();
    const from = model.getPositionAt(start);
    const to = model.getPositionAt(end ?? start);
    // Selected from its end back to its start: the cursor (and the view) at the start.
    this.editor.setSelection(new this.monaco.Selection(to.lineNumber, to.column, from.lineNumber, from.column));
    this.editor.revealRangeInCenterIfOutsideViewport(this.monaco.Range.fromPositions(from, to));
  }
}

/** The span a change of the model touched, as the sync's window (offsets are before the change). */
function touched(e: MonacoEditor.IModelContentChangedEvent, lengthAfter: number): BufferChange {
  let start = Infinity;
  let end = 0;
  let delta = 0;
  for (const c of e.changes) {
    start = Math.min(start, c.rangeOffset);
    end = Math.max(end, c.rangeOffset + c.rangeLength);
    delta += c.text.length - c.rangeLength;
  }
  // What followed the last change is untouched: its length is the same before and after.
  return { start, tail: lengthAfter - delta - end };
}
