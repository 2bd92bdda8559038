import { loader } from '@monaco-editor/react';
import { useSyncExternalStore } from 'react';
// The 0.56+ core entry: the editor without the bundled TypeScript/CSS/HTML language services
// (plain 'monaco-editor' would pull in all of them, about 10 MB more).
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/features/json/register';
// Vite bundles each worker as a file of its own (worker-src 'self'); without these imports Monaco
// would fall back to a data: URL worker, which the CSP (rightly) refuses.
// oxlint-disable-next-line import/default -- Vite's `?worker` modules have a default export the linter cannot see
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
// oxlint-disable-next-line import/default -- as above
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';

// Every module that uses Monaco imports it from here, so this runs exactly once and only in the
// lazily loaded chunks (the code view, the JSON editor): Monaco is never in the initial bundle.

self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

// @monaco-editor/react would otherwise load Monaco from a CDN: hand it the local copy.
loader.config({ monaco: monaco as never });

/**
 * Monaco's built-in themes with line numbers dark enough to read (WCAG AA contrast; the built-in
 * dimmed numbers fail the e2e accessibility check), following the OS like the rest of the app.
 */
export type MonacoTheme = 'routecraft-light' | 'routecraft-dark';

monaco.editor.defineTheme('routecraft-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editorLineNumber.foreground': '#55576a', 'editorLineNumber.dimmedForeground': '#666879', 'editorLineNumber.activeForeground': '#1d1d22' },
});
monaco.editor.defineTheme('routecraft-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editorLineNumber.foreground': '#a5a7b6', 'editorLineNumber.dimmedForeground': '#9a9cab', 'editorLineNumber.activeForeground': '#e8e8ee' },
});

const darkQuery = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;

export function osTheme(): MonacoTheme {
  return darkQuery?.matches === true ? 'routecraft-dark' : 'routecraft-light';
}

function subscribeToOsTheme(onChange: () => void): () => void {
  darkQuery?.addEventListener('change', onChange);
  return () => darkQuery?.removeEventListener('change', onChange);
}

/**
 * The theme to pass to `<Editor theme>`: it re-renders when the OS switches between light and
 * dark, and the editor switches live (Monaco's theme is global, so every editor follows).
 */
export function useOsTheme(): MonacoTheme {
  return useSyncExternalStore(subscribeToOsTheme, osTheme);
}

export { monaco };
/** The JSON language's settings (schemas for validation and completion). */
export { jsonDefaults } from 'monaco-editor/languages/features/json/register';
export type { editor as MonacoEditor } from 'monaco-editor/editor';
