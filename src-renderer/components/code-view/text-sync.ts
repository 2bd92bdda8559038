import type { DocumentState } from '../../../shared/contract/document-state.schema';
import { applyEdits, type TextEdit } from '../../../shared/edit/text-edit';
import type { TextChange } from '../../state/document-mirror';
import { diffText, rebaseEdits } from './text-diff';

/** The editor buffer as the sync sees it (Monaco's model behind it; no Monaco import here). */
export interface EditorBuffer {
  value(): string;
  length(): number;
  /** The text from `start` to `tail` characters before the end (cheap where value() is not). */
  slice(start: number, tail: number): string;
  /**
   * Applies edits against the current value that did not come from the user (they must not be
   * sent back), keeping the cursor and scroll. False when the editor changed the text on its own
   * way in (Monaco normalises mixed line endings), so offsets no longer match main's.
   */
  applyRemote(edits: readonly TextEdit[]): boolean;
  /** Replaces everything (another document): language too, view back to the top. Same false as above. */
  replaceAll(text: string, format: 'yaml' | 'json'): boolean;
}

/** What the sync needs from main and the renderer's mirror of main's text. */
export interface MainSide {
  applyText(revision: number, edits: TextEdit[]): Promise<DocumentState>;
  /** Hands main's answer to the mirror (which then reports the change back through `remote`). */
  accept(state: DocumentState): void;
  mirror(): { sessionId: string | null; revision: number; text: string };
  /** Main's whole text now, for when the mirror and main disagree for too long. */
  fetchText(): Promise<{ sessionId: string; revision: number; text: string } | null>;
}

export type SyncStatus =
  /** Everything typed is in main and every change from main is in the editor. */
  | { kind: 'idle' }
  /** Typed text waits to be sent (debounce) or is on its way. */
  | { kind: 'pending' }
  /** Sending failed (e.g. the connection dropped); typed text is kept and sent again. */
  | { kind: 'retrying'; message: string }
  /** The editor cannot hold this text byte for byte (mixed line endings): read-only. */
  | { kind: 'broken'; message: string };

/**
 * Where the buffer may differ from `synced`: before `start` and in the last `tail` characters the
 * two are the same. Lets a flush compare a few characters instead of two 13 MB texts.
 */
interface Window {
  start: number;
  tail: number;
}
const SAME: Window = { start: Infinity, tail: Infinity };
const ANYWHERE: Window = { start: 0, tail: 0 };

/** What a change of the buffer touched: from `start` to `tail` characters before its new end. */
export type BufferChange = Window;

type QueueItem = { kind: 'remote'; change: TextChange } | { kind: 'flush'; waiters: (() => void)[] };

const DEBOUNCE_MS = 200;
/** Typing without a pause still reaches main (and the visual view) this often. */
const MAX_WAIT_MS = 1000;
/** Above this size every send costs main and the design worker a re-read of much text: batch more. */
const LARGE_TEXT = 1_000_000;
const RETRY_MS = 1000;

/**
 * Keeps the code editor and main's document in step (issue 6). Main holds the one text and its
 * one history; the editor is a view of it plus what the user typed and has not sent yet.
 *
 * - `synced`/`revision` is the text main had at `revision` as far as the editor knows, i.e. the
 *   editor's value minus the unsent typing. Typed text is sent as ONE edit, the difference
 *   between `synced` and the editor's value, against `revision`.
 * - Everything happens in one queue, one item at a time: changes from main and flushes. So while a
 *   flush is on its way, changes that arrive wait; when it is answered the editor knows which
 *   revision is its own (the answer's) and skips it, and applies later ones. Nothing typed is
 *   applied twice, and nothing is lost.
 * - A change from main that arrives while typed text is unsent is rebased over it (edits clear of
 *   the typing shift; one that overlaps the typing is dropped: typed text wins).
 * - Main refuses edits against a stale revision: the flush then waits for the newer changes to
 *   reach the editor, and sends its difference again against them.
 */
export class TextSync {
  private sessionId: string | null;
  private revision: number;
  /** The first revision with the current `synced` text (later ones changed only state, e.g. a save). */
  private textRev: number;
  private synced: string;
  private readonly queue: QueueItem[] = [];
  private running = false;
  /** The user changed the buffer since the last flush started. */
  private localDirty = false;
  /** Where the buffer may differ from `synced` (while a flush is on its way: from what it sent). */
  private window: Window = SAME;
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private firstUnsentAt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private staleAttempts = 0;
  /** Callers of flush() whose text was refused as stale: resolved when it is in main after all. */
  private carried: (() => void)[] = [];
  /** The last edit sent whose answer was an error: a lost answer means main may have applied it. */
  private unanswered: { revision: number; edit: TextEdit } | null = null;
  private status: SyncStatus = { kind: 'idle' };
  private disposed = false;

  constructor(
    private buffer: EditorBuffer,
    private readonly main: MainSide,
    private readonly onStatus: (status: SyncStatus) => void,
  ) {
    const { sessionId, revision, text } = main.mirror();
    this.sessionId = sessionId;
    this.revision = revision;
    this.textRev = revision;
    this.synced = text;
    // The editor was created from the mirror's text a moment ago; catch up if it moved since.
    const edit = diffText(buffer.value(), text);
    if (edit !== null && !buffer.applyRemote([edit])) this.setBroken();
  }

  /** Main's revision the editor's text is based on (view offsets of this revision fit it when idle). */
  get baseRevision(): number {
    return this.revision;
  }

  /** Views of revisions from here to baseRevision describe the editor's text (when idle). */
  get textRevision(): number {
    return this.textRev;
  }

  get isIdle(): boolean {
    return this.status.kind === 'idle';
  }

  /** A change of main's text, from the mirror (visual edits, undo, reload, and echoes of ours). */
  remote(change: TextChange): void {
    if (this.disposed) return;
    this.queue.push({ kind: 'remote', change });
    void this.pump();
  }

  /** The user changed the buffer (where, when known): send it soon, batched. */
  typed(change?: BufferChange): void {
    if (this.disposed || this.status.kind === 'broken') return;
    this.window = widen(this.window, change ?? ANYWHERE);
    if (!this.localDirty && this.debounceTimer === undefined) this.firstUnsentAt = Date.now();
    this.localDirty = true;
    clearTimeout(this.debounceTimer);
    const scale = this.synced.length > LARGE_TEXT ? 3 : 1;
    const wait = Math.max(0, Math.min(DEBOUNCE_MS * scale, this.firstUnsentAt + MAX_WAIT_MS * scale - Date.now()));
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = undefined;
      void this.flush();
    }, wait);
    this.report();
  }

  /** Sends what was typed now; resolves once main answered (or refused: it is kept and retried). */
  flush(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    clearTimeout(this.debounceTimer);
    this.debounceTimer = undefined;
    return new Promise<void>((resolve) => {
      this.enqueueFlush().push(resolve);
      void this.pump();
    });
  }

  /** The flush waiting in the queue (a new one at its end if none), with the carried callers. */
  private enqueueFlush(): (() => void)[] {
    let queued = this.queue.find((item): item is Extract<QueueItem, { kind: 'flush' }> => item.kind === 'flush');
    if (!queued) this.queue.push((queued = { kind: 'flush', waiters: [] }));
    queued.waiters.push(...this.carried.splice(0));
    return queued.waiters;
  }

  /** Swaps the buffer (the editor is closing: a plain copy of its text takes over). */
  replaceBuffer(buffer: EditorBuffer): void {
    this.buffer = buffer;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.debounceTimer);
    clearTimeout(this.retryTimer);
    for (const item of this.queue.splice(0)) if (item.kind === 'flush') for (const w of item.waiters) w();
    for (const w of this.carried.splice(0)) w();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.report();
    try {
      while (this.queue.length > 0 && !this.disposed) {
        const item = this.queue.shift() as QueueItem;
        if (item.kind === 'remote') this.integrate(item.change);
        else {
          let again = false;
          try {
            again = await this.send();
          } finally {
            if (again) {
              // They wait for the retry: the flush queued behind main's newer changes, or the next one.
              this.carried.push(...item.waiters);
              if (this.queue.some((q) => q.kind === 'flush')) this.enqueueFlush();
            } else for (const w of item.waiters) w();
          }
        }
      }
    } finally {
      this.running = false;
      this.report();
    }
  }

  private integrate(change: TextChange): void {
    if (change.kind === 'snapshot') {
      if (change.sessionId !== this.sessionId) this.openSession(change.sessionId, change.revision, change.text, change.format);
      else if (change.revision > this.revision) this.rebaseOnto(change.revision, change.text);
      return;
    }
    if (change.sessionId !== this.sessionId || change.revision <= this.revision) return; // ours, or already in
    const lost = this.unanswered;
    if (lost && change.revision === lost.revision + 1 && lost.revision === this.revision && sameEdits(change.edits, [lost.edit])) {
      // Main applied an edit of ours whose answer never arrived: it is in the buffer already.
      this.unanswered = null;
      this.revision = change.revision;
      this.textRev = change.revision;
      this.synced = applyEdits(this.synced, change.edits);
      return;
    }
    if (change.revision !== this.revision + 1) {
      // A gap (cannot happen with the mirror in front; be safe): take the mirror's text.
      const m = this.main.mirror();
      if (m.sessionId === this.sessionId && m.revision > this.revision) this.rebaseOnto(m.revision, m.text);
      return;
    }
    this.revision = change.revision;
    if (change.edits.length === 0) return; // a save, or another change of state only
    this.applyToBuffer(change.edits);
    this.synced = applyEdits(this.synced, change.edits);
    this.textRev = change.revision;
  }

  /** Another document (or a reload): the unsent typing belonged to the old text and goes with it. */
  private openSession(sessionId: string, revision: number, text: string, format: 'yaml' | 'json'): void {
    this.sessionId = sessionId;
    this.revision = revision;
    this.textRev = revision;
    this.synced = text;
    this.localDirty = false;
    this.window = SAME;
    this.unanswered = null;
    clearTimeout(this.debounceTimer);
    this.debounceTimer = undefined;
    clearTimeout(this.retryTimer);
    for (const w of this.carried.splice(0)) w();
    if (this.status.kind === 'broken' || this.status.kind === 'retrying') this.status = { kind: 'idle' };
    const current = this.buffer.value();
    const edit = diffText(current, text);
    if (edit === null) return;
    // A reload of the same file changes a little: edit in place, so the cursor and scroll stay.
    const kept = current.length - edit.length;
    const ok = kept * 2 >= Math.min(current.length, text.length) ? this.buffer.applyRemote([edit]) : this.buffer.replaceAll(text, format);
    if (!ok) this.setBroken();
  }

  /** The same document, whole text known at a newer revision (resync): its difference is a remote change. */
  private rebaseOnto(revision: number, text: string): void {
    const edit = diffText(this.synced, text);
    this.revision = revision;
    if (edit === null) return;
    this.applyToBuffer([edit]);
    this.synced = text;
    this.textRev = revision;
  }

  private applyToBuffer(edits: readonly TextEdit[]): void {
    if (this.status.kind === 'broken') return;
    // The user's unsent typing (also what a flush on its way carries, until main answers).
    const local = this.localEdit();
    const { edits: rebased, dropped } = rebaseEdits(edits, local);
    if (rebased.length > 0 && !this.buffer.applyRemote(rebased)) this.setBroken();
    if (local === null) return;
    if (dropped > 0) {
      this.window = ANYWHERE; // the buffer lacks what was dropped: it differs there too
      return;
    }
    // The typing moved by the edits before it; the text after it is the same in both.
    const delta = (e: TextEdit) => e.text.length - e.length;
    const shift = edits.reduce((n, e) => (e.offset + e.length <= local.offset ? n + delta(e) : n), 0);
    const syncedLength = edits.reduce((n, e) => n + delta(e), this.synced.length);
    const after = syncedLength - (local.offset + shift + local.length);
    this.window = { start: local.offset + shift, tail: after };
  }

  /** The one edit from `synced` to the buffer, looked for only where the user changed it. */
  private localEdit(): TextEdit | null {
    const { start, tail } = this.window;
    if (start === Infinity) return null;
    const length = this.buffer.length();
    if (start + tail > length || start + tail > this.synced.length) return diffText(this.synced, this.buffer.value());
    const edit = diffText(this.synced.slice(start, this.synced.length - tail), this.buffer.slice(start, tail));
    return edit && { ...edit, offset: edit.offset + start };
  }

  /** Sends the typing; true when main refused it as stale and it goes again (the callers wait on). */
  private async send(): Promise<boolean> {
    if (this.status.kind === 'broken') return false;
    // A failure sets it again; otherwise report() works out the status afresh.
    if (this.status.kind === 'retrying') this.status = { kind: 'pending' };
    const base = this.synced;
    const revision = this.revision;
    const edit = this.localEdit();
    const sent = this.window;
    // From here the window tracks typing since the send, against the text sent.
    this.window = SAME;
    this.localDirty = false;
    if (edit === null) return false;
    let state: DocumentState;
    try {
      state = await this.main.applyText(revision, [edit]);
    } catch (error) {
      this.localDirty = true;
      this.window = widen(sent, this.window);
      this.unanswered = { revision, edit };
      return this.refused(revision, error);
    }
    this.unanswered = null;
    this.staleAttempts = 0;
    // Main applied exactly our edit on top of `revision`: that revision is ours, and the mirror's
    // report of it (before or after this answer) is skipped in integrate().
    this.synced = applyEdits(base, [edit]);
    this.revision = state.revision;
    this.textRev = state.revision;
    this.main.accept(state);
    return false;
  }

  private async refused(revision: number, error: unknown): Promise<boolean> {
    const message = error instanceof Error ? error.message : String(error);
    const stale = /revision/i.test(message);
    if (!stale) {
      // Not a conflict (e.g. the connection dropped): keep the text, show why, try again later.
      this.status = { kind: 'retrying', message };
      this.retryLater(RETRY_MS);
      return false; // callers (undo, save) go on: the connection may be gone for a while
    }
    // Main moved on. Its newer changes are on their way through the mirror (already queued when
    // the mirror is ahead): apply them, then send the difference again.
    const m = this.main.mirror();
    if (m.sessionId === this.sessionId && m.revision > revision) {
      this.staleAttempts = 0;
      this.enqueueFlush();
      return true;
    }
    this.staleAttempts += 1;
    if (this.staleAttempts < 3) {
      this.retryLater(100 * this.staleAttempts);
      return true;
    }
    // The mirror has not heard of the newer revision: ask main for its text directly.
    this.staleAttempts = 0;
    const latest = await this.main.fetchText().catch(() => null);
    if (latest && latest.sessionId === this.sessionId && latest.revision > this.revision) this.rebaseOnto(latest.revision, latest.text);
    this.enqueueFlush();
    return true;
  }

  private retryLater(ms: number): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.flush(), ms);
  }

  private setBroken(): void {
    this.status = {
      kind: 'broken',
      message: 'This file mixes line endings, which the code editor would change: it is read-only here. Edit it in the visual view, or normalise its line endings.',
    };
    this.localDirty = false;
    this.window = SAME;
    clearTimeout(this.debounceTimer);
    this.debounceTimer = undefined;
    this.report();
  }

  private report(): void {
    if (this.disposed) return;
    if (this.status.kind !== 'broken' && this.status.kind !== 'retrying') {
      const busy = this.running || this.queue.length > 0 || this.localDirty || this.debounceTimer !== undefined;
      this.status = busy ? { kind: 'pending' } : { kind: 'idle' };
    }
    this.onStatus(this.status);
  }
}

function sameEdits(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  return a.length === b.length && a.every((e, i) => e.offset === b[i]?.offset && e.length === b[i]?.length && e.text === b[i]?.text);
}

function widen(a: Window, b: Window): Window {
  return { start: Math.min(a.start, b.start), tail: Math.min(a.tail, b.tail) };
}
