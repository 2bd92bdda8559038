import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ContractError } from '../../shared/contract/contract-error';
import type { DiskChange, DocumentState, FileEncoding, Recovery, SaveResult } from '../../shared/contract/document-state.schema';
import { DocumentSession, type SessionChange } from '../../shared/document-session';
import { DEFAULT_MAX_BYTES } from '../../shared/document/source-document';
import { EditError } from '../../shared/edit/edit-error';
import type { EditIntent } from '../../shared/edit/edit-intent';
import type { TextEdit } from '../../shared/edit/text-edit';
import type { ApiDocument } from '../../shared/model/open-document';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-write';
import { hashBytes, readDiskVersion, readDocumentFile, writeError, type DocumentFile } from './document-file';
import type { EventSink } from './event-hub';
import { watchFile } from './file-watcher';
import type { RecentFiles } from './recent-files';
import type { RecoveryStore } from './recovery-store';
import { STARTER_DOCUMENT } from './starter-document';
import { decodeText, encodeText } from './text-encoding';

export interface DocumentServiceOptions {
  recovery: RecoveryStore;
  recent: RecentFiles;
  emit: EventSink;
  /** How often unsaved changes are written to the recovery folder (and the file checked). Default 2 s. */
  autosaveMs?: number;
  /** Documents over this size are refused with a message. Default 64 MB. */
  maxFileBytes?: number;
  /** Debounce of file-system events. Default 100 ms. */
  watchDebounceMs?: number;
  starterText?: string;
}

/**
 * Rounds of keystroke rehearsal after a document opens, and the time before each: soon, so that
 * they are over before the user types (the renderer reads the document for ~0.5 s at 10,000 routes).
 */
const REHEARSALS = 4;
const REHEARSAL_PAUSE_MS = 20;

/** The disk version the text is based on: what "changed on disk" is measured against. */
interface BaseFile {
  path: string;
  /** sha-256 of the bytes; '' when the file was deleted and the user kept the text. */
  hash: string;
  /** Last seen size and mtime: the periodic check reads the file only when these move. */
  size: number;
  mtimeMs: number;
}

interface OpenDocument {
  sessionId: string;
  session: DocumentSession;
  revision: number;
  base: BaseFile | null;
  encoding: FileEncoding;
  /** The text of the base version (or the starter): the document is dirty when it differs. */
  savedText: string;
  diskChange: DiskChange | null;
  lastEdits: TextEdit[] | undefined;
  /** Text written to the recovery file last, or null when there is none. */
  autosaved: string | null;
  /** Text whose changes the user chose not to save: not autosaved again (until edited further). */
  discarded: string | null;
}

/**
 * The open document and its file (DESIGN §7): opening with clear messages for bad files, edits
 * through one DocumentSession, atomic saves in the file's own encoding and line endings that
 * never overwrite a change made on disk without asking, autosave to a recovery folder, and
 * watching the file. Transport-free: Electron and browser mode call the same methods.
 */
export class DocumentService {
  private doc: OpenDocument | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private watcher: { close(): void } | undefined;
  private readonly timer: NodeJS.Timeout;
  private readonly documentListeners = new Set<(doc: ApiDocument | null) => void>();
  private readonly maxFileBytes: number;
  private disposed = false;
  /** Rounds of rehearsal still to run for the open document (see startRehearsal). */
  private rehearsalsDue = 0;
  private rehearsalTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: DocumentServiceOptions) {
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_BYTES;
    this.timer = setInterval(() => void this.tick(), options.autosaveMs ?? 2000);
    this.timer.unref();
  }

  /** The parsed document, for services that read it (the live server, export). */
  get document(): ApiDocument | null {
    return this.doc?.session.document ?? null;
  }

  get path(): string | null {
    return this.doc?.base?.path ?? null;
  }

  get isDirty(): boolean {
    return this.doc !== undefined && this.doc.session.text !== this.doc.savedText;
  }

  get name(): string {
    return this.doc ? nameOf(this.doc) : '';
  }

  /** Called with the new parsed document after every change (and null when none is open). */
  onDocument(listener: (doc: ApiDocument | null) => void): () => void {
    this.documentListeners.add(listener);
    return () => this.documentListeners.delete(listener);
  }

  /**
   * The state to send. The whole text goes with a new session's answer (or when asked) but never
   * with an event: the renderer that asked gets it in the answer, and one that did not asks for
   * it — so 13 MB do not travel twice.
   */
  state(text: 'always' | 'new-session' | 'never' = 'new-session'): DocumentState | null {
    const doc = this.doc;
    if (!doc) return null;
    const document = doc.session.document;
    const newSession = doc.lastEdits === undefined;
    const sendText = text === 'always' || (text === 'new-session' && newSession);
    return {
      sessionId: doc.sessionId,
      revision: doc.revision,
      path: doc.base?.path ?? null,
      name: nameOf(doc),
      format: document.source.format,
      encoding: doc.encoding,
      eol: document.source.style.eol === '\r\n' ? 'crlf' : 'lf',
      ...(sendText ? { text: doc.session.text } : newSession ? {} : { edits: doc.lastEdits ?? [] }),
      dirty: doc.session.text !== doc.savedText,
      canUndo: doc.session.canUndo,
      canRedo: doc.session.canRedo,
      diskChange: doc.diskChange,
    };
  }

  /** The whole text and the revision it belongs to. */
  text(): { sessionId: string; revision: number; text: string } | null {
    const doc = this.doc;
    return doc ? { sessionId: doc.sessionId, revision: doc.revision, text: doc.session.text } : null;
  }

  newDocument(): Promise<DocumentState> {
    return this.exclusive(async () => {
      const text = this.options.starterText ?? STARTER_DOCUMENT;
      await this.replace({ session: new DocumentSession(text, { format: 'yaml' }), base: null, encoding: 'utf8', savedText: text });
      return this.mustState();
    });
  }

  open(file: string): Promise<DocumentState> {
    return this.exclusive(async () => {
      const read = await readDocumentFile(file, this.maxFileBytes);
      await this.replaceWithFile(read);
      await this.options.recent.add(read.path);
      await removeStaleTempFiles(read.path);
      return this.mustState();
    });
  }

  /** Reads the file again, dropping unsaved changes and the undo history. */
  revert(): Promise<DocumentState> {
    return this.exclusive(async () => {
      const doc = this.mustDoc();
      if (!doc.base) throw new ContractError('unavailable', 'A new document has no file to go back to.');
      await this.replaceWithFile(await readDocumentFile(doc.base.path, this.maxFileBytes));
      return this.mustState();
    });
  }

  save(options: { overwrite?: boolean } = {}): Promise<SaveResult> {
    return this.exclusive(async () => {
      const doc = this.mustDoc();
      if (!doc.base) return { status: 'needs-path' } as const;
      return this.writeTo(doc, doc.base.path, options.overwrite === true);
    });
  }

  saveAs(file: string, options: { overwrite?: boolean } = {}): Promise<SaveResult> {
    return this.exclusive(async () => {
      const doc = this.mustDoc();
      const target = path.resolve(file);
      if (target !== doc.base?.path && options.overwrite !== true) {
        const info = await stat(target).catch(() => undefined);
        if (info?.isDirectory()) throw new ContractError('file', `${target} is a folder: choose a file name.`);
        if (info) {
          const disk = await readDiskVersion(target, this.maxFileBytes).catch(() => null);
          return conflict('exists', target, `${path.basename(target)} already exists. Replace it?`, disk ? decodedOrNull(disk.bytes) : null);
        }
      }
      return this.writeTo(doc, target, options.overwrite === true || target !== doc.base?.path);
    });
  }

  /** After an external change: keep the unsaved text; saving replaces the disk version the user saw. */
  keepLocal(diskHash: string): Promise<DocumentState> {
    return this.exclusive(async () => {
      const doc = this.mustDoc();
      if (!doc.base || !doc.diskChange) return this.mustState();
      if (doc.diskChange.diskHash !== diskHash) throw new ContractError('unavailable', 'The file changed on disk again: look at the new version first.');
      const info = await stat(doc.base.path).catch(() => undefined);
      doc.base = { ...doc.base, hash: diskHash, size: info?.size ?? -1, mtimeMs: info?.mtimeMs ?? -1 };
      doc.diskChange = null;
      this.changed(doc, undefined);
      return this.mustState();
    });
  }

  applyIntent(intent: EditIntent, label?: string): DocumentState {
    const doc = this.mustDoc();
    let change: SessionChange;
    try {
      change = doc.session.apply(intent, label);
    } catch (error) {
      if (error instanceof EditError) {
        if (error.documentInvalidated) this.changed(doc, undefined);
        throw new ContractError('edit-rejected', error.message);
      }
      throw error;
    }
    if (change.edits.length > 0) this.changed(doc, change.edits);
    return this.mustState();
  }

  /** Edits typed in the code view, against the text of `revision` (a stale revision is refused). */
  applyText(revision: number, edits: TextEdit[], label?: string): DocumentState {
    const doc = this.mustDoc();
    if (revision !== doc.revision) {
      throw new ContractError('unavailable', `The edits were made to revision ${revision}, but the document is at revision ${doc.revision}; apply them to the current text.`);
    }
    const length = doc.session.text.length;
    let end = -1;
    for (const edit of [...edits].sort((a, b) => a.offset - b.offset)) {
      if (edit.offset + edit.length > length) throw new ContractError('invalid-request', `An edit at offset ${edit.offset} (length ${edit.length}) reaches past the end of the text (${length}).`);
      if (edit.offset < end) throw new ContractError('invalid-request', `Edits overlap at offset ${edit.offset}.`);
      end = edit.offset + edit.length;
    }
    const change = doc.session.applyText(edits, label);
    if (change.edits.length > 0) this.changed(doc, change.edits);
    return this.mustState();
  }

  undo(): DocumentState {
    const doc = this.mustDoc();
    const change = doc.session.undo();
    if (change) this.changed(doc, change.edits);
    return this.mustState();
  }

  redo(): DocumentState {
    const doc = this.mustDoc();
    const change = doc.session.redo();
    if (change) this.changed(doc, change.edits);
    return this.mustState();
  }

  /** Unsaved changes left by earlier runs (not by this one, nor by another running Routecraft). */
  async recoveries(): Promise<Recovery[]> {
    const own = this.doc?.sessionId;
    return (await this.options.recovery.list()).filter((r) => r.id !== own);
  }

  /**
   * Opens what a recovery record kept: the file it belongs to with the unsaved text on top (one
   * undoable change, so the file's own version is one undo away), or a new document when the
   * file is gone. The record is removed only after the restored text is in a record of its own.
   */
  restoreRecovery(id: string): Promise<DocumentState> {
    return this.exclusive(async () => {
      const record = await this.options.recovery.read(id);
      if (!record) throw new ContractError('unavailable', 'That recovery file is gone (restored or discarded already).');
      let restored = false;
      if (record.path !== null) {
        try {
          await this.replaceWithFile(await readDocumentFile(record.path, this.maxFileBytes));
          const doc = this.mustDoc();
          if (doc.session.text !== record.text) {
            const change = doc.session.applyText([{ offset: 0, length: doc.session.text.length, text: record.text }], 'restore unsaved changes');
            this.changed(doc, change.edits);
          }
          restored = true;
        } catch {
          // The file is gone or unreadable now: the text comes back as a new document.
        }
      }
      if (!restored) {
        await this.replace({ session: new DocumentSession(record.text, record.path ? { fileName: record.path } : {}), base: null, encoding: record.encoding, savedText: '' });
      }
      await this.autosaveNow();
      await this.options.recovery.remove(id);
      return this.mustState('always'); // a new session: the renderer needs the whole text
    });
  }

  discardRecovery(id: string): Promise<void> {
    return this.options.recovery.remove(id);
  }

  /** Writes the recovery record now if there are unsaved changes (before quitting, say). */
  flushRecovery(): Promise<void> {
    return this.exclusive(() => this.autosaveNow());
  }

  /** The user chose not to save: drop the recovery record of the open document. */
  discardChanges(): Promise<void> {
    return this.exclusive(async () => {
      const doc = this.doc;
      if (!doc) return;
      await this.options.recovery.remove(doc.sessionId);
      doc.autosaved = null;
      doc.discarded = doc.session.text;
    });
  }

  /** Stops timers and watching. Unsaved changes stay in the recovery folder for the next start. */
  dispose(): void {
    this.disposed = true;
    this.stopRehearsal();
    clearInterval(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
  }

  // ---------------------------------------------------------------------------------------------

  /** One file operation at a time: a save, a reload and an autosave never interleave. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private mustDoc(): OpenDocument {
    if (!this.doc) throw new ContractError('unavailable', 'No document is open.');
    return this.doc;
  }

  private mustState(text: 'always' | 'new-session' = 'new-session'): DocumentState {
    const state = this.state(text);
    if (!state) throw new ContractError('unavailable', 'No document is open.');
    return state;
  }

  private async replaceWithFile(file: DocumentFile): Promise<void> {
    const info = await stat(file.path).catch(() => undefined);
    await this.replace({
      session: new DocumentSession(file.text, { fileName: file.path, maxLength: this.maxFileBytes }),
      base: { path: file.path, hash: file.hash, size: info?.size ?? -1, mtimeMs: info?.mtimeMs ?? -1 },
      encoding: file.encoding,
      savedText: file.text,
    });
  }

  /** Makes another document the open one; the previous one's recovery record goes with it. */
  private async replace(next: Pick<OpenDocument, 'session' | 'base' | 'encoding' | 'savedText'>): Promise<void> {
    const previous = this.doc;
    if (previous) await this.options.recovery.remove(previous.sessionId).catch(() => undefined);
    this.doc = {
      ...next,
      sessionId: randomUUID(),
      revision: previous ? previous.revision + 1 : 0,
      diskChange: null,
      lastEdits: undefined,
      autosaved: null,
      discarded: null,
    };
    this.rewatch();
    this.changed(this.doc, undefined, false);
    this.startRehearsal();
  }

  /**
   * Rehearses a keystroke on the new document (DocumentSession.rehearse): the first keystrokes at
   * 10,000 routes otherwise run cold, ~350 ms for the first. A round per timer task, so a call
   * that comes meanwhile waits for one round at most; the user's first edit ends it (their edits
   * warm the same code).
   */
  private startRehearsal(): void {
    this.stopRehearsal();
    this.rehearsalsDue = REHEARSALS;
    const round = () => {
      const doc = this.doc;
      if (!doc || this.disposed || this.rehearsalsDue === 0) return;
      this.rehearsalsDue -= 1;
      doc.session.rehearse();
      if (this.rehearsalsDue > 0) this.rehearsalTimer = setTimeout(round, REHEARSAL_PAUSE_MS).unref();
      // Same text, new objects: readers of the parsed document take the new one, once, after the
      // last round (a running live server compiles its route table again for it). An edit that
      // ends the rehearsal early hands them its own document.
      else for (const listener of this.documentListeners) listener(doc.session.document);
    };
    this.rehearsalTimer = setTimeout(round, REHEARSAL_PAUSE_MS).unref();
  }

  private stopRehearsal(): void {
    this.rehearsalsDue = 0;
    clearTimeout(this.rehearsalTimer);
  }

  private rewatch(): void {
    this.watcher?.close();
    this.watcher = undefined;
    const file = this.doc?.base?.path;
    if (file && !this.disposed) {
      this.watcher = watchFile(file, () => void this.exclusive(() => this.checkDisk()), this.options.watchDebounceMs ?? 100);
    }
  }

  private changed(doc: OpenDocument, edits: TextEdit[] | undefined, bump = true): void {
    if (bump) {
      doc.revision += 1;
      this.stopRehearsal();
    }
    if (edits) doc.discarded = null; // any edit after "don't save" is work to keep again
    // Within a session the text changes only by edits; a change without edits left it as it was.
    doc.lastEdits = bump ? (edits ?? []) : undefined;
    for (const listener of this.documentListeners) listener(doc.session.document);
    this.options.emit('documents.changed', this.state('never'));
  }

  private async writeTo(doc: OpenDocument, target: string, overwrite: boolean): Promise<SaveResult> {
    const text = doc.session.text;
    const samePath = target === doc.base?.path;
    if (samePath && doc.base && !overwrite) {
      const disk = await readDiskVersion(target, this.maxFileBytes).catch(() => null);
      if (disk && disk.hash !== doc.base.hash) {
        return conflict('changed-on-disk', target, `${path.basename(target)} changed on disk since it was opened. Saving would replace those changes.`, decodedOrNull(disk.bytes));
      }
    }
    const bytes = encodeText(text, doc.encoding);
    try {
      await writeFileAtomic(target, bytes);
    } catch (error) {
      throw writeError(error, target);
    }
    const info = await stat(target).catch(() => undefined);
    doc.base = { path: target, hash: hashBytes(bytes), size: info?.size ?? -1, mtimeMs: info?.mtimeMs ?? -1 };
    doc.savedText = text;
    doc.diskChange = null;
    // Edits made while the file was being written keep the document dirty, and their record.
    if (doc.session.text === text) {
      await this.options.recovery.remove(doc.sessionId).catch(() => undefined);
      doc.autosaved = null;
    }
    if (!samePath) this.rewatch();
    await this.options.recent.add(target);
    this.changed(doc, undefined);
    return { status: 'saved', state: this.mustState() };
  }

  private async tick(): Promise<void> {
    if (this.disposed) return;
    await this.exclusive(async () => {
      await this.autosaveNow().catch(() => undefined);
      // A change the watcher missed (network drives, some editors): look at size and time.
      const base = this.doc?.base;
      if (!base) return;
      const info = await stat(base.path).catch(() => undefined);
      if (!info || info.size !== base.size || info.mtimeMs !== base.mtimeMs) await this.checkDisk();
    });
  }

  private async autosaveNow(): Promise<void> {
    const doc = this.doc;
    if (!doc) return;
    const text = doc.session.text;
    if (text === doc.savedText) {
      if (doc.autosaved !== null) {
        await this.options.recovery.remove(doc.sessionId);
        doc.autosaved = null;
      }
      return;
    }
    if (text === doc.autosaved || text === doc.discarded) return;
    await this.options.recovery.write({ id: doc.sessionId, path: doc.base?.path ?? null, baseHash: doc.base?.hash ?? null, encoding: doc.encoding, text });
    doc.autosaved = text;
  }

  /** Compares the file on disk with the base version: reload when clean, tell the UI when dirty. */
  private async checkDisk(): Promise<void> {
    const doc = this.doc;
    const base = doc?.base;
    if (!doc || !base) return;
    const info = await stat(base.path).catch(() => undefined);
    let disk: { bytes: Buffer; hash: string } | null;
    try {
      disk = await readDiskVersion(base.path, this.maxFileBytes);
    } catch {
      return; // unreadable for now (being replaced, permissions): the next check looks again
    }
    base.size = info?.size ?? -1;
    base.mtimeMs = info?.mtimeMs ?? -1;
    const hash = disk?.hash ?? '';
    if (hash === base.hash) {
      if (doc.diskChange) {
        doc.diskChange = null;
        this.changed(doc, undefined);
      }
      return;
    }
    if (doc.diskChange?.diskHash === hash) return; // already told
    const dirty = doc.session.text !== doc.savedText;
    if (disk && !dirty) {
      const decoded = decodeText(disk.bytes);
      if (decoded.ok) {
        // A fresh session: the undo history belonged to the text that is gone.
        await this.replaceWithFile({ path: base.path, text: decoded.text, encoding: decoded.encoding, hash: disk.hash });
        return;
      }
    }
    doc.diskChange = { kind: disk ? 'modified' : 'deleted', diskHash: hash };
    this.changed(doc, undefined);
    if (dirty) this.options.emit('documents.externalChange', { path: base.path, name: nameOf(doc), change: doc.diskChange, dirty });
  }
}

function nameOf(doc: OpenDocument): string {
  return doc.base ? path.basename(doc.base.path) : 'Untitled';
}

function conflict(reason: 'changed-on-disk' | 'exists', file: string, message: string, diskText: string | null): SaveResult {
  return { status: 'conflict', reason, path: file, message, diskText };
}

function decodedOrNull(bytes: Uint8Array): string | null {
  const decoded = decodeText(bytes);
  return decoded.ok ? decoded.text : null;
}
