import type { MatchResult } from '../../shared/matching/match-types';
import type { Route } from '../../shared/model/api-model';
import type { ProfileId } from '../../shared/model/x-routecraft';
import type { EditIntent } from '../../shared/edit/edit-intent';
import type { TextEdit } from '../../shared/edit/text-edit';
import type { DesignView, RouteRow } from '../../shared/view/design-view';

/**
 * The rows of a view. Copying 10,000 rows from the worker to the UI takes longer than the rest of
 * a keystroke (~50–100 ms), so after the first view only the rows that differ from the last view
 * sent travel; the UI puts them into its copy of that view's rows.
 */
export type RowsUpdate =
  | { kind: 'full'; rows: RouteRow[] }
  | { kind: 'patch'; baseRevision: number; length: number; changed: [number, RouteRow][] };

/** A view as it travels: the rows as an update. */
export type ViewOnTheWire = Omit<DesignView, 'routes'> & { routes: RowsUpdate };

// Messages between the UI thread and the design worker, which holds a copy of the document and
// does the heavy work (parsing, the model, every rule, the probe) so that typing never waits.

export type ToWorker =
  | { type: 'open'; sessionId: string; revision: number; text: string; format: 'yaml' | 'json' }
  | { type: 'edits'; sessionId: string; revision: number; edits: TextEdit[] }
  /** The route whose full detail the editors show: sent with every view. */
  | { type: 'select'; routeKey: string | null; seq: number }
  | { type: 'probe'; id: number; method: string; path: string }
  /**
   * An edit just sent to main: the worker applies it to its own copy at once (both sides are
   * deterministic), so the sidebar and problems do not wait for main's answer, whose edits then
   * only confirm it. `baseRevision` is the text it applies to.
   */
  | { type: 'predict'; sessionId: string; baseRevision: number; intent: EditIntent }
  /** Main refused the edit predicted last: take the prediction back. */
  | { type: 'rollback' }
  /** The UI could not apply a patch (it missed a view): the next view has every row. */
  | { type: 'full' };

/** One profile's answer to a probe, without the matched Route object (the key names it). */
export interface ProbeAnswer extends Omit<MatchResult, 'route'> {
  profile: ProfileId;
  routeKey: string | null;
  /** The document's own profile: the one the live server answers with. */
  current: boolean;
}

export interface ViewTimings {
  /** Text edits applied and the model updated. */
  modelMs: number;
  /** Every rule run. */
  rulesMs: number;
  /** The view built from the model and the findings. */
  viewMs: number;
  /** When the view was posted (epoch ms): the UI measures the hand-over from it. */
  postedAt: number;
}

export type FromWorker =
  | {
      type: 'view';
      view: ViewOnTheWire;
      selected: Route | null;
      /**
       * The selected route's key now: differs from the one asked for when an edit renamed the
       * route (its method or path changed), so the selection follows it. `seq` is the selection
       * request it answers; the UI ignores it when the user has chosen another route since.
       */
      selection: { routeKey: string | null; seq: number };
      schemaNames: string[];
      timings: ViewTimings;
    }
  | { type: 'probe'; id: number; answers: ProbeAnswer[] }
  | { type: 'failed'; message: string };
