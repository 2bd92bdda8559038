import Editor, { type OnMount } from '@monaco-editor/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { jsonDefaults, useOsTheme, type MonacoEditor } from './monaco-setup';

export interface JsonEditorProps {
  /** The text when the editor mounts; later values replace it only when it is not being edited. */
  value: string;
  /** The text after the user paused typing (debounced), on blur and on unmount. */
  onChange: (value: string) => void;
  /** A JSON Schema: problems are marked and completions offered while typing. */
  schema?: object;
  ariaLabel: string;
  /** CSS height of the editor (a number is pixels); 160 px when absent. */
  height?: number | string;
  testId?: string;
}

const CHANGE_DEBOUNCE_MS = 300;

let editorCount = 0;

// Monaco's JSON language has one global list of schemas; each editor adds its own, matched to
// its model's URI, and removes it again when it goes.
const schemas = new Map<string, object>();

function publishSchemas(): void {
  jsonDefaults.setDiagnosticsOptions({
    ...jsonDefaults.diagnosticsOptions,
    validate: true,
    // Never fetch a schema from the network (a `$schema` or `$ref` URL in the text).
    enableSchemaRequest: false,
    schemas: [...schemas].map(([modelUri, schema]) => ({ uri: `${modelUri}.schema.json`, fileMatch: [modelUri], schema })),
  });
}

/**
 * A small Monaco editor for a JSON value (a body schema, an example), loaded lazily with Monaco
 * (`lazy(() => import('…/monaco/json-editor'))`). Uncontrolled once mounted: the user's typing
 * is never overwritten by a re-render; a new `value` (an undo elsewhere) replaces the text only
 * when the editor does not have focus and has no change waiting to be reported.
 */
export default function JsonEditor({ value, onChange, schema, ariaLabel, height = 160, testId }: JsonEditorProps) {
  const theme = useOsTheme();
  const [path] = useState(() => `inmemory://routecraft/json-editor-${++editorCount}.json`);
  const editorRef = useRef<MonacoEditor.IStandaloneCodeEditor | null>(null);
  const latest = useRef({ onChange, value });
  /** The text last reported or received: what `value` is expected to be. */
  const known = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    latest.current = { onChange, value };
  });

  const report = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const text = editorRef.current?.getModel()?.getValue();
    if (text === undefined || text === known.current) return;
    known.current = text;
    latest.current.onChange(text);
  }, []);

  const onMount = useCallback<OnMount>(
    (editor) => {
      editorRef.current = editor;
      const model = editor.getModel();
      if (!model) return;
      // The value may have moved on between render and mount.
      if (model.getValue() !== latest.current.value) model.setValue(latest.current.value);
      known.current = latest.current.value;
      model.onDidChangeContent(() => {
        clearTimeout(timer.current);
        timer.current = setTimeout(report, CHANGE_DEBOUNCE_MS);
      });
      // Report before the model goes away (unmount) and when focus leaves.
      model.onWillDispose(report);
      editor.onDidBlurEditorText(report);
    },
    [report],
  );

  // A new value from outside (undo, another editor): take it unless the user is editing here.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || value === known.current) return;
    if (editor.hasTextFocus() || timer.current !== undefined) return;
    known.current = value;
    if (model.getValue() !== value) model.setValue(value);
  }, [value]);

  useEffect(() => {
    if (schema === undefined) return;
    schemas.set(path, schema);
    publishSchemas();
    return () => {
      schemas.delete(path);
      publishSchemas();
    };
  }, [path, schema]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const options = useMemo(
    () => ({
      ariaLabel,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      lineNumbers: 'off' as const,
      folding: false,
      glyphMargin: false,
      lineDecorationsWidth: 4,
      fontSize: 13,
      tabSize: 2,
      fixedOverflowWidgets: true,
      links: false,
    }),
    [ariaLabel],
  );

  return (
    <div className="json-editor" data-testid={testId} style={{ height }}>
      <Editor defaultValue={value} defaultLanguage="json" defaultPath={path} theme={theme} options={options} onMount={onMount} loading={null} />
    </div>
  );
}
