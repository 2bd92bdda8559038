import type { DocumentState } from './document-state.schema';

/** `● api.yaml — Routecraft`: the file name, a dot while there are unsaved changes. */
export function windowTitle(state: Pick<DocumentState, 'name' | 'dirty'> | null, appName = 'Routecraft'): string {
  if (state === null) return appName;
  return `${state.dirty ? '● ' : ''}${state.name} — ${appName}`;
}
