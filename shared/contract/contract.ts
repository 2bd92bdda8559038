import { z } from 'zod';
import type { Diagnostic } from '../model/diagnostic';
import { PROFILE_IDS } from '../model/x-routecraft';
import { appInfoSchema } from './app-info';
import {
  documentStateSchema,
  externalChangeSchema,
  openResultSchema,
  recentFileSchema,
  recoverySchema,
  saveResultSchema,
  textEditSchema,
} from './document-state.schema';
import { editIntentSchema } from './edit-intent.schema';
import { mockLogEventSchema, serverSettingsSchema, serverStatusSchema, tryRequestSchema, tryResponseSchema } from './live-server.schema';

// THE contract between renderer and main (DESIGN §5): every channel, once, with the schemas of
// what goes each way. The preload's allow-list, main's validation (both transports) and the
// renderer's API type are all derived from these two maps; no channel name is written elsewhere.
// A channel is `group.name`; the renderer calls it as `api.group.name(request)`.

const empty = z.strictObject({});
const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null;
/** A path on the machine running main. Optional where main can ask with a native dialog. */
const filePath = z.string().min(1).max(4096);

export const invokeChannels = {
  'app.info': { request: empty, response: appInfoSchema },

  /** The open document with its whole text, or null (at start-up, when main was given no file). */
  'documents.current': { request: empty, response: documentStateSchema.nullable() },
  /** The whole text now, for a renderer whose copy fell behind (a missed event). */
  'documents.text': {
    request: empty,
    response: z.strictObject({ sessionId: z.string(), revision: z.int().nonnegative(), text: z.string() }).nullable(),
  },
  /** A new document from the starter. */
  'documents.new': { request: z.strictObject({ discardChanges: z.boolean().optional() }), response: openResultSchema },
  /** Without a path main shows its open dialog (nativeDialogs) or refuses. */
  'documents.open': { request: z.strictObject({ path: filePath.optional(), discardChanges: z.boolean().optional() }), response: openResultSchema },
  'documents.save': { request: z.strictObject({ overwrite: z.boolean().optional() }), response: saveResultSchema },
  'documents.saveAs': { request: z.strictObject({ path: filePath.optional(), overwrite: z.boolean().optional() }), response: saveResultSchema },
  /** Reads the file again, dropping unsaved changes (also: "reload" after an external change). */
  'documents.revert': { request: empty, response: openResultSchema },
  /** After an external change: keep the unsaved text; the next save replaces the disk version seen. */
  'documents.keepLocal': { request: z.strictObject({ diskHash: z.string() }), response: documentStateSchema },
  'documents.recent': { request: empty, response: z.strictObject({ files: z.array(recentFileSchema) }) },
  /** Unsaved changes left by a run that ended without saving them (a crash, a kill). */
  'documents.recoveries': { request: empty, response: z.strictObject({ items: z.array(recoverySchema) }) },
  'documents.restoreRecovery': { request: z.strictObject({ id: z.string().min(1), discardChanges: z.boolean().optional() }), response: openResultSchema },
  'documents.discardRecovery': { request: z.strictObject({ id: z.string().min(1) }), response: empty },
  'documents.applyIntent': { request: z.strictObject({ intent: editIntentSchema, label: z.string().optional() }), response: documentStateSchema },
  /** Edits typed in the code view, against the text of `revision`. */
  'documents.applyText': {
    request: z.strictObject({ revision: z.int().nonnegative(), edits: z.array(textEditSchema).max(100_000), label: z.string().optional() }),
    response: documentStateSchema,
  },
  /**
   * Redocly's findings on the text now (seconds on a large document: asked for when typing
   * pauses). `revision` says which text they belong to.
   */
  'documents.lint': {
    request: empty,
    response: z
      .strictObject({
        sessionId: z.string(),
        revision: z.int().nonnegative(),
        /** The first LINT_LIMIT findings in source order (10,000 routes without summaries are 10,000 findings). */
        diagnostics: z.array(z.custom<Diagnostic>(isObject, 'expected a diagnostic')),
        /** How many there are in all. */
        total: z.int().nonnegative(),
      })
      // null: no document, or its text changed while Redocly ran (asked again when typing pauses).
      .nullable(),
  },
  'documents.undo': { request: empty, response: documentStateSchema },
  'documents.redo': { request: empty, response: documentStateSchema },

  'server.status': { request: empty, response: serverStatusSchema },
  'server.start': { request: empty, response: serverStatusSchema },
  'server.stop': { request: empty, response: serverStatusSchema },
  /** Changes settings; a running server restarts with them. */
  'server.configure': { request: serverSettingsSchema.partial().strict(), response: serverStatusSchema },
  /** The requests kept so far, oldest first; `server.log` events bring the new ones. */
  'server.requestLog': { request: empty, response: z.strictObject({ events: z.array(mockLogEventSchema) }) },
  /** Sends one request to the running live server (only to it: the path is its own) and returns the answer. */
  'server.tryRequest': { request: tryRequestSchema, response: tryResponseSchema },

  /** Writes the design as OpenAPI. Without a path main shows its save dialog (nativeDialogs) or refuses. */
  'export.openapi': {
    request: z.strictObject({
      path: filePath.optional(),
      version: z.enum(['3.0', '3.1', '3.2']).optional(),
      format: z.enum(['yaml', 'json']).optional(),
      stripExtensions: z.boolean().optional(),
      asFramework: z.union([z.boolean(), z.enum(PROFILE_IDS)]).optional(),
      /** Write even when Redocly finds errors in the result. */
      force: z.boolean().optional(),
    }),
    response: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('cancelled') }),
      z.strictObject({
        status: z.enum(['written', 'lint-errors']),
        path: z.string(),
        openapi: z.string(),
        warnings: z.array(z.string()),
        lintErrors: z.array(z.string()),
      }),
    ]),
  },
} as const;

/** What main pushes to the renderer; the renderer subscribes with `api.group.onName(listener)`. */
export const eventChannels = {
  /** Any change of the open document's state, whoever caused it (an edit, a menu, the disk). */
  'documents.changed': documentStateSchema.nullable(),
  /** The file changed on disk while there were unsaved changes. */
  'documents.externalChange': externalChangeSchema,
  'server.statusChanged': serverStatusSchema,
  'server.log': mockLogEventSchema,
  /**
   * A menu command the renderer carries out: undo/redo (the focused field's typing, else the
   * document), and the designer's own views and commands.
   */
  'app.command': z.strictObject({ command: z.enum(['undo', 'redo', 'toggle-code-view', 'find-route', 'new-route', 'command-palette', 'show-problems', 'show-server']) }),
} as const;

/** At most this many of Redocly's findings go to the renderer (`routecraft lint` lists them all). */
export const LINT_LIMIT = 2000;

export type InvokeChannels = typeof invokeChannels;
export type EventChannels = typeof eventChannels;
export type InvokeChannel = keyof InvokeChannels;
export type EventChannel = keyof EventChannels;
export type RequestOf<C extends InvokeChannel> = z.infer<InvokeChannels[C]['request']>;
export type ResponseOf<C extends InvokeChannel> = z.infer<InvokeChannels[C]['response']>;
export type EventPayload<E extends EventChannel> = z.infer<EventChannels[E]>;

export const INVOKE_CHANNELS = Object.keys(invokeChannels) as InvokeChannel[];
export const EVENT_CHANNELS = Object.keys(eventChannels) as EventChannel[];

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && Object.hasOwn(invokeChannels, value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && Object.hasOwn(eventChannels, value);
}
