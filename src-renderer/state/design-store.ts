import { create } from 'zustand';
import type { Route } from '../../shared/model/api-model';
import type { DesignView } from '../../shared/view/design-view';
import type { ViewTimings } from '../worker/design-protocol';
import type { DocumentMeta } from './document-mirror';

/** What is selected in the visual view; the code view reveals it, and the editors show it. */
export interface Selection {
  routeKey: string | null;
  /** The response tab open in the responses editor. */
  status: string | null;
}

/** A request to show a place in the code view (a click on a problem, a selection). */
export interface RevealRequest {
  pointer: string;
  /** Offsets in the text; absent when only the pointer is known. */
  start?: number;
  end?: number;
  /** Changes on every request, so asking twice for the same place reveals it twice. */
  nonce: number;
}

export type BottomPanel = 'problems' | 'server';

export interface DesignState {
  /** The open document's state (null: none open). */
  doc: DocumentMeta | null;
  /** What the design worker derived from the text; lags the text by one validation. */
  view: DesignView | null;
  /** The selected route in full (the worker sends it with each view). */
  selected: Route | null;
  schemaNames: string[];
  timings: ViewTimings | null;
  selection: Selection;
  reveal: RevealRequest | null;
  codeViewOpen: boolean;
  bottomPanel: BottomPanel;
  paletteOpen: boolean;
  /** The sidebar's filter text. */
  filter: string;
}

export const useDesign = create<DesignState>(() => ({
  doc: null,
  view: null,
  selected: null,
  schemaNames: [],
  timings: null,
  selection: { routeKey: null, status: null },
  reveal: null,
  codeViewOpen: false,
  bottomPanel: 'problems',
  paletteOpen: false,
  filter: '',
}));

let revealNonce = 0;

/** Store updates with a name: components call these instead of setState. */
export const design = {
  select(routeKey: string | null, status: string | null = null): void {
    useDesign.setState({ selection: { routeKey, status } });
  },
  selectStatus(status: string | null): void {
    useDesign.setState((s) => ({ selection: { ...s.selection, status } }));
  },
  reveal(pointer: string, start?: number, end?: number): void {
    revealNonce += 1;
    useDesign.setState({ reveal: { pointer, nonce: revealNonce, ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) } });
  },
  toggleCodeView(open?: boolean): void {
    useDesign.setState((s) => ({ codeViewOpen: open ?? !s.codeViewOpen }));
  },
  showPanel(panel: BottomPanel): void {
    useDesign.setState({ bottomPanel: panel });
  },
  setPaletteOpen(open: boolean): void {
    useDesign.setState({ paletteOpen: open });
  },
  setFilter(filter: string): void {
    useDesign.setState({ filter });
  },
};
