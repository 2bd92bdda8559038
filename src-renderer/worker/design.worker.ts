/// <reference lib="webworker" />
import { getAt, asMap } from '../../shared/document/source-tree';
import { matchRequest } from '../../shared/matching/match-request';
import type { ApiModel, Route } from '../../shared/model/api-model';
import { isUnreadable, openDocument, type ApiDocument } from '../../shared/model/open-document';
import { updateDocument } from '../../shared/model/update-document';
import { applyIntent } from '../../shared/edit/apply-intent';
import { EditError } from '../../shared/edit/edit-error';
import type { TextEdit } from '../../shared/edit/text-edit';
import { PROFILE_IDS } from '../../shared/model/x-routecraft';
import { getProfile } from '../../shared/profiles/profiles';
import { Validator } from '../../shared/rules/validator';
import { buildDesignView, type RouteRow } from '../../shared/view/design-view';
import type { FromWorker, ProbeAnswer, RowsUpdate, ToWorker } from './design-protocol';
import { rehearse } from './rehearsal';
import { rowsUpdate } from './row-patches';

// The design worker: one copy of the document, updated by the same edits main applies, and
// everything derived from it. Messages are handled as they come; the view is computed once the
// queue is empty, so a burst of keystrokes costs one validation, not one each.

declare const self: DedicatedWorkerGlobalScope;

let doc: ApiDocument | undefined;
/** Every rule, re-run after each change only where the change can matter (one per document). */
let validator = new Validator();
let sessionId = '';
let revision = -1;
let selectedKey: string | null = null;
let selectionSeq = 0;
/** Where the selected route was, and the routes there were, when the last view was published. */
let lastSelectedIndex = -1;
let lastRoutes: readonly Route[] = [];
/** The last model that parsed: shown (marked unreadable) while the text is broken mid-typing. */
let lastReadable: ApiModel | undefined;
let pending = false;
/** The rows of the last view sent, which the next view's patch is against. */
let published: { sessionId: string; revision: number; rows: RouteRow[]; routes: readonly Route[] } | null = null;
let modelMs = 0;
/** Edits applied ahead of main (see 'predict'), oldest first, each with what undoes it. */
let predictions: { revision: number; edits: TextEdit[]; inverse: TextEdit[] }[] = [];
/** Rehearsals of a keystroke still to run for the open document (see rehearsal.ts). */
let rehearsalsDue = 0;
let rehearsalTimer: ReturnType<typeof setTimeout> | undefined;
/** Rounds, each its own task: V8 compiles a path well after a few runs of it. */
const REHEARSALS = 4;
/**
 * The rounds run as soon as the first view is sent, while the user is still looking at it: waiting
 * for a quiet moment made a round (~80 ms, and more at first) land on the first keystroke itself.
 * Messages that came meanwhile go first.
 */
const REHEARSAL_PAUSE_MS = 0;

function post(message: FromWorker): void {
  self.postMessage(message);
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  try {
    switch (message.type) {
      case 'open': {
        const started = performance.now();
        doc = openDocument(message.text, { format: message.format });
        validator = new Validator();
        sessionId = message.sessionId;
        revision = message.revision;
        lastReadable = undefined;
        predictions = [];
        rehearsalsDue = REHEARSALS;
        modelMs = performance.now() - started;
        schedule();
        break;
      }
      case 'edits': {
        if (doc && message.sessionId === sessionId && predictions[0]?.revision === message.revision) {
          const predicted = predictions.shift();
          // Main made the same edit: the copy has it already.
          if (predicted && sameEdits(predicted.edits, message.edits)) break;
          if (predicted) predictions.unshift(predicted);
        }
        if (predictions.length > 0) rollback();
        if (!doc || message.sessionId !== sessionId || message.revision !== revision + 1) {
          post({ type: 'failed', message: `out of step: have ${sessionId}@${revision}, got ${message.sessionId}@${message.revision}` });
          return;
        }
        const started = performance.now();
        doc = updateDocument(doc, message.edits);
        revision = message.revision;
        modelMs += performance.now() - started;
        schedule();
        break;
      }
      case 'select':
        selectedKey = message.routeKey;
        selectionSeq = message.seq;
        lastSelectedIndex = -1;
        schedule();
        break;
      case 'predict': {
        // The user's own edits warm the same paths: no need to rehearse any more.
        rehearsalsDue = 0;
        if (!doc || isUnreadable(doc) || predictions.length > 0 || message.sessionId !== sessionId || message.baseRevision !== revision) break;
        const started = performance.now();
        try {
          const result = applyIntent(doc, message.intent);
          doc = result.document;
          revision += 1;
          predictions.push({ revision, edits: result.edits, inverse: result.inverse });
        } catch (e) {
          // Main refuses it too (and says why); a document the failed edit left behind is read again.
          if (e instanceof EditError && e.documentInvalidated) doc = openDocument(doc.source.text, { format: doc.source.format });
          break;
        }
        modelMs += performance.now() - started;
        schedule();
        break;
      }
      case 'rollback':
        rollback();
        schedule();
        break;
      case 'full':
        published = null;
        schedule();
        break;
      case 'probe':
        post({ type: 'probe', id: message.id, answers: probe(message.method, message.path) });
        break;
    }
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
};

/** Takes back every prediction, newest first: the copy is at main's last confirmed text again. */
function rollback(): void {
  if (!doc) return;
  for (const predicted of predictions.reverse()) {
    doc = updateDocument(doc, predicted.inverse);
    revision = predicted.revision - 1;
  }
  predictions = [];
}

function sameEdits(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  return a.length === b.length && a.every((e, i) => e.offset === b[i]?.offset && e.length === b[i]?.length && e.text === b[i]?.text);
}

function schedule(): void {
  if (pending) return;
  pending = true;
  setTimeout(publish, 0);
}

function publish(): void {
  pending = false;
  if (!doc) return;
  const started = performance.now();
  const readable = !isUnreadable(doc);
  if (readable) lastReadable = doc.model;
  const model = readable ? doc.model : (lastReadable ?? doc.model);
  const diagnostics = readable ? [...doc.diagnostics, ...validator.run(doc)] : doc.diagnostics;
  const rulesMs = performance.now() - started;
  const previous = published && published.sessionId === sessionId ? published : undefined;
  const view = buildDesignView({ sessionId, revision, readable }, model, diagnostics, previous);
  const selected = followSelection(model);
  const routes = rowsFor(view.routes, model.routes);
  const viewMs = performance.now() - started - rulesMs;
  const message: FromWorker = {
    type: 'view',
    view: { ...view, routes },
    selected,
    selection: { routeKey: selectedKey, seq: selectionSeq },
    schemaNames: schemaNames(),
    timings: { modelMs, rulesMs, viewMs, postedAt: performance.timeOrigin + performance.now() },
  };
  // The ranges move to the UI without a copy.
  self.postMessage(message, [view.routeRanges.buffer]);
  modelMs = 0;
  scheduleRehearsal();
}

/** The next round of rehearsal, after what is waiting. */
function scheduleRehearsal(): void {
  clearTimeout(rehearsalTimer);
  if (rehearsalsDue === 0) return;
  rehearsalTimer = setTimeout(() => {
    // Not while a view or main's answer to an edit is due: the publish that follows schedules again.
    if (!doc || pending || predictions.length > 0) return;
    rehearsalsDue -= 1;
    doc = rehearse(doc, validator, published?.sessionId === sessionId ? published : undefined);
    scheduleRehearsal();
  }, REHEARSAL_PAUSE_MS);
}

/**
 * The selected route in `model`. When its key is gone and the route now at its old place is new
 * (an edit changed its method or path, which keeps its place), the selection moves to it: typing
 * a path renames the route with every keystroke, and the editor must stay on it.
 */
function followSelection(model: ApiModel): Route | null {
  let index = selectedKey === null ? -1 : model.routes.findIndex((r) => r.key === selectedKey);
  if (index === -1 && selectedKey !== null && lastSelectedIndex !== -1) {
    const candidate = model.routes[lastSelectedIndex];
    // A scan, and only when the selected key went: a set of 10,000 keys per view cost more.
    if (candidate && !lastRoutes.some((r) => r.key === candidate.key)) {
      index = lastSelectedIndex;
      selectedKey = candidate.key;
    }
  }
  lastSelectedIndex = index;
  lastRoutes = model.routes;
  return index === -1 ? null : (model.routes[index] ?? null);
}

/** The rows for the UI: a patch against the last view sent (same session) when few changed. */
function rowsFor(rows: RouteRow[], routes: readonly Route[]): RowsUpdate {
  const update = rowsUpdate(published && published.sessionId === sessionId ? published : null, rows);
  published = { sessionId, revision, rows, routes };
  return update;
}

/** Names under components/schemas: what a response body can `$ref`. */
function schemaNames(): string[] {
  const schemas = asMap(getAt(doc?.source.root, ['components', 'schemas']));
  return schemas ? schemas.pairs.map((p) => p.key) : [];
}

function probe(method: string, path: string): ProbeAnswer[] {
  const model = doc && !isUnreadable(doc) ? doc.model : lastReadable;
  if (!model) return [];
  return PROFILE_IDS.map((id) => {
    const { route, ...rest } = matchRequest(model, getProfile(id), { method, path });
    return { ...rest, profile: id, routeKey: route?.key ?? null, current: id === model.profile };
  });
}
