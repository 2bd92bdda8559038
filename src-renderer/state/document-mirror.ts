import type { DocumentState } from '../../shared/contract/document-state.schema';
import { composeEdits } from '../../shared/edit/compose-edits';
import { applyEdits, type TextEdit } from '../../shared/edit/text-edit';

/** What the document's state says besides the text: what a title bar and toolbar need. */
export type DocumentMeta = Omit<DocumentState, 'text' | 'edits'>;

export type TextChange =
  | { kind: 'snapshot'; sessionId: string; revision: number; text: string; format: 'yaml' | 'json' }
  | { kind: 'edits'; sessionId: string; revision: number; edits: TextEdit[] };

export interface MirrorHooks {
  /** Asked when an event was missed: the whole text now. */
  fetchText(): Promise<{ sessionId: string; revision: number; text: string } | null>;
  onMeta(meta: DocumentMeta | null): void;
  onText(change: TextChange): void;
}

const MAX_PENDING = 256;

/**
 * The renderer's copy of the document text, kept in step with main. States arrive twice (as the
 * answer to a call and as an event) and possibly out of order; revisions only grow within a
 * session, so an older one is ignored, the next one applies its edits, and a gap is filled by
 * asking for the whole text.
 */
export class DocumentMirror {
  private sessionId: string | null = null;
  private revision = -1;
  private format: 'yaml' | 'json' = 'yaml';
  /** The text is `base` with `pending` (edits against `base`) applied: see `text`. */
  private base = '';
  private pending: TextEdit[] = [];
  private meta: DocumentMeta | null = null;
  private resyncing = false;
  /** Calls under way whose answers bring a new session's whole text (open, new, revert…). */
  private snapshotsExpected = 0;
  /** The newest revision any state has named: the text must get there. */
  private newest: { sessionId: string; revision: number } | null = null;

  constructor(private readonly hooks: MirrorHooks) {}

  /**
   * The text, made when asked for. While nobody reads it (the code view is closed), edits only
   * compose: applying each to a 6 MB string would copy it on the UI thread at every keystroke
   * (a string made of pieces is copied flat on its next read), and leave it to the collector.
   */
  get text(): string {
    this.applyPending();
    return this.base;
  }

  get at(): { sessionId: string | null; revision: number } {
    return { sessionId: this.sessionId, revision: this.revision };
  }

  accept(state: DocumentState | null): void {
    if (state === null) {
      this.sessionId = null;
      this.revision = -1;
      this.base = '';
      this.pending = [];
      this.setMeta(null);
      return;
    }
    const { text, edits, ...meta } = state;
    if (!this.newest || this.newest.sessionId !== state.sessionId || this.newest.revision < state.revision) {
      this.newest = { sessionId: state.sessionId, revision: state.revision };
    }
    const sameSession = state.sessionId === this.sessionId;
    if (sameSession && state.revision < this.revision) return;
    if (sameSession && state.revision === this.revision) {
      this.setMeta(meta);
      return;
    }
    this.format = state.format;
    if (text !== undefined) {
      this.snapshot(state.sessionId, state.revision, text);
    } else if (sameSession && state.revision === this.revision + 1 && edits !== undefined) {
      this.revision = state.revision;
      if (edits.length > 0) this.pending = this.pending.length === 0 ? edits : composeEdits(this.base, this.pending, edits);
      // Composing costs the number of pending edits: many (a long session of far-apart edits) are applied.
      if (this.pending.length > MAX_PENDING) this.applyPending();
      this.hooks.onText({ kind: 'edits', sessionId: state.sessionId, revision: state.revision, edits });
    } else if (this.snapshotsExpected === 0) {
      void this.resync();
    }
    this.setMeta(meta);
  }

  /**
   * Runs a call whose answer carries a new session's text. Meanwhile an event of that session
   * (which never carries the text) does not fetch it again; if the answer brought no text after
   * all (it failed, or another change came first), the text is fetched then.
   */
  async expectSnapshot<T>(call: () => Promise<T>): Promise<T> {
    this.snapshotsExpected += 1;
    try {
      return await call();
    } finally {
      this.snapshotsExpected -= 1;
      // After the caller has handed the answer to accept() (a task later, not a microtask).
      setTimeout(() => {
        if (this.snapshotsExpected === 0 && this.behind()) void this.resync();
      }, 0);
    }
  }

  private applyPending(): void {
    if (this.pending.length === 0) return;
    this.base = applyEdits(this.base, this.pending);
    this.pending = [];
  }

  private behind(): boolean {
    const n = this.newest;
    return n !== null && (n.sessionId !== this.sessionId || n.revision > this.revision);
  }

  private snapshot(sessionId: string, revision: number, text: string): void {
    this.sessionId = sessionId;
    this.revision = revision;
    this.base = text;
    this.pending = [];
    this.hooks.onText({ kind: 'snapshot', sessionId, revision, text, format: this.format });
  }

  private async resync(): Promise<void> {
    if (this.resyncing) return;
    this.resyncing = true;
    try {
      const latest = await this.hooks.fetchText();
      if (latest && (latest.sessionId !== this.sessionId || latest.revision > this.revision)) {
        this.snapshot(latest.sessionId, latest.revision, latest.text);
      }
      if (latest === null) this.accept(null);
    } finally {
      this.resyncing = false;
    }
  }

  private setMeta(meta: DocumentMeta | null): void {
    if (meta && this.meta && meta.sessionId === this.meta.sessionId && meta.revision < this.meta.revision) return;
    // Each state comes twice (answer and event): the second, equal, would render the app again.
    if (meta && this.meta && sameMeta(meta, this.meta)) return;
    this.meta = meta;
    this.hooks.onMeta(meta);
  }
}

/** Whether two states say the same (their fields are plain values, `diskChange` a small record). */
function sameMeta(a: DocumentMeta, b: DocumentMeta): boolean {
  const keys = Object.keys(a) as (keyof DocumentMeta)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => (k === 'diskChange' ? JSON.stringify(a[k]) === JSON.stringify(b[k]) : a[k] === b[k]));
}
