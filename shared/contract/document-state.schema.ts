import { z } from 'zod';

// What main tells the renderer about the open document. The state is small on purpose: it is
// sent after every keystroke, and a 13 MB document must not travel each time. The renderer keeps
// its own copy of the text (from `text` on a new session, then `edits` from one revision to the
// next) and derives the model and diagnostics from it in a worker, off the UI thread.

export const textEditSchema = z.strictObject({
  offset: z.int().nonnegative(),
  length: z.int().nonnegative(),
  text: z.string(),
});

export const fileEncodingSchema = z.enum(['utf8', 'utf8-bom', 'utf16le', 'utf16be']);
export type FileEncoding = z.infer<typeof fileEncodingSchema>;

/** How the file on disk differs from what the document was opened or last saved from. */
export const diskChangeSchema = z.strictObject({
  kind: z.enum(['modified', 'deleted']),
  /** sha-256 of the bytes on disk now ('' when deleted): `documents.keepLocal` names the version seen. */
  diskHash: z.string(),
});
export type DiskChange = z.infer<typeof diskChangeSchema>;

export const documentStateSchema = z.strictObject({
  /** Changes whenever another document (or another copy of it) is opened. */
  sessionId: z.string(),
  /** Increases with every change of this session, so late answers can be told from new ones. */
  revision: z.int().nonnegative(),
  /** Absolute path on disk; null for a new document not saved yet. */
  path: z.string().nullable(),
  /** What a title bar shows: the file name, or "Untitled". */
  name: z.string(),
  format: z.enum(['yaml', 'json']),
  encoding: fileEncodingSchema,
  eol: z.enum(['lf', 'crlf']),
  /**
   * The whole text: on a new session (new, open, revert, reload) and when asked for it
   * (`documents.current`). Otherwise absent, and `edits` says how the text changed.
   */
  text: z.string().optional(),
  /** The text differs from the file's (or, for a new document, from the starter text). */
  dirty: z.boolean(),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  /** Set when the file changed on disk while there were unsaved changes: the UI asks what to do. */
  diskChange: diskChangeSchema.nullable(),
  /**
   * How the text changed from revision - 1 (empty when only the state changed, e.g. a save).
   * Absent when `text` is there. A renderer whose copy is not at revision - 1 asks for `documents.text`.
   */
  edits: z.array(textEditSchema).optional(),
});
export type DocumentState = z.infer<typeof documentStateSchema>;

export const openResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('opened'), state: documentStateSchema }),
  /** The user closed the dialog. */
  z.strictObject({ status: z.literal('cancelled') }),
  /** The open document has unsaved changes: ask, then repeat with `discardChanges: true`. */
  z.strictObject({ status: z.literal('unsaved-changes'), name: z.string() }),
]);
export type OpenResult = z.infer<typeof openResultSchema>;

export const saveResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('saved'), state: documentStateSchema }),
  z.strictObject({ status: z.literal('cancelled') }),
  /** A new document and no path given, and no dialog to ask with: ask for one and use saveAs. */
  z.strictObject({ status: z.literal('needs-path') }),
  /**
   * Not written, so nothing is lost: the file changed on disk since it was opened
   * (`changed-on-disk`), or Save As would replace another file (`exists`). `diskText` is what is
   * on disk now, to compare with. Repeat with `overwrite: true` once the user agrees.
   */
  z.strictObject({
    status: z.literal('conflict'),
    reason: z.enum(['changed-on-disk', 'exists']),
    path: z.string(),
    message: z.string(),
    diskText: z.string().nullable(),
  }),
]);
export type SaveResult = z.infer<typeof saveResultSchema>;

export const recentFileSchema = z.strictObject({ path: z.string(), name: z.string() });
export type RecentFile = z.infer<typeof recentFileSchema>;

export const recoverySchema = z.strictObject({
  id: z.string(),
  /** The file the unsaved changes belong to, or null for a new document. */
  path: z.string().nullable(),
  name: z.string(),
  /** ISO 8601: when the changes were last written to the recovery folder. */
  savedAt: z.string(),
  bytes: z.int().nonnegative(),
});
export type Recovery = z.infer<typeof recoverySchema>;

export const externalChangeSchema = z.strictObject({
  path: z.string(),
  name: z.string(),
  change: diskChangeSchema,
  /** Always true here: a clean document is reloaded (or marked deleted) without asking. */
  dirty: z.boolean(),
});
export type ExternalChange = z.infer<typeof externalChangeSchema>;
