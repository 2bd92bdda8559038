import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';

// Monaco is big: it loads the first time a JSON field is shown, never with the app. Until then
// (and if it cannot load: an app updated under a running page) the field is a plain textarea.
const JsonEditor = lazy(() => import('../../monaco/json-editor').catch(() => ({ default: PlainJsonEditor })));

/** JsonEditor's contract on a textarea: reports the text when focus leaves. */
function PlainJsonEditor({ value, onChange, ariaLabel, testId }: { value: string; onChange: (value: string) => void; ariaLabel: string; testId?: string }) {
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);
  return (
    <textarea
      className="rsp-mono"
      aria-label={ariaLabel}
      rows={Math.min(14, Math.max(3, draft.split('\n').length + 1))}
      value={draft}
      spellCheck={false}
      data-testid={testId}
      onFocus={() => (focused.current = true)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        focused.current = false;
        onChange(draft);
      }}
    />
  );
}

/** The text a value is shown as: two-space JSON. */
export function jsonText(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

/** The parsed value, or the reason it is not JSON (in words a person can act on). */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  if (text.trim() === '') return { ok: false, problem: 'Empty: type a JSON value, such as {} or "text".' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, problem: `Not JSON yet: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export interface SchemaJsonFieldProps {
  value: unknown;
  onApply: (value: unknown) => unknown;
  label: string;
  testId?: string;
  hideLabel?: boolean;
}

/**
 * A JSON value (a schema, an example) as text. Applied when you leave the field and it parses
 * (one undo step per visit, not one per keystroke); when it does not parse, it says why and keeps
 * your text. The document's value replaces the text whenever it changes and you are not typing.
 */
export function SchemaJsonField(props: SchemaJsonFieldProps) {
  return (
    <Suspense fallback={<TextareaJsonField {...props} />}>
      <MonacoJsonField {...props} />
    </Suspense>
  );
}

/** Applies a draft once: the same text left twice (Monaco reports blur twice) is one edit. */
function useApply(value: unknown, onApply: (value: unknown) => unknown) {
  const [problem, setProblem] = useState<string | null>(null);
  const lastApplied = useRef<string | null>(null);
  const apply = (draft: string) => {
    const parsed = parseJson(draft);
    if (!parsed.ok) {
      setProblem(parsed.problem);
      return;
    }
    setProblem(null);
    const next = JSON.stringify(parsed.value);
    if (next === JSON.stringify(value) || next === lastApplied.current) return;
    lastApplied.current = next;
    onApply(parsed.value);
  };
  useEffect(() => {
    lastApplied.current = null;
  }, [value]);
  return { problem, setProblem, apply };
}

function Problem({ id, problem }: { id: string; problem: string | null }) {
  if (!problem) return null;
  return (
    <p id={id} className="rsp-field-error" aria-live="polite" data-testid="json-problem">
      {problem}
    </p>
  );
}

function MonacoJsonField({ value, onApply, label, testId, hideLabel = false }: SchemaJsonFieldProps) {
  const id = useId();
  const text = jsonText(value);
  const wrapper = useRef<HTMLDivElement | null>(null);
  const draft = useRef(text);
  const { problem, setProblem, apply } = useApply(value, onApply);
  const [lines, setLines] = useState(() => text.split('\n').length);
  useEffect(() => {
    draft.current = text;
  }, [text]);
  const focusLeft = () => wrapper.current !== null && !wrapper.current.contains(document.activeElement);
  return (
    <div
      className="rsp-json-field"
      ref={wrapper}
      onBlur={(e) => {
        if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) apply(draft.current);
      }}
    >
      <span id={`${id}-label`} className={hideLabel ? 'rsp-sr-only' : 'rsp-label'}>
        {label}
      </span>
      <JsonEditor
        value={text}
        ariaLabel={label}
        height={Math.min(14, Math.max(3, lines + 1)) * 19 + 8}
        testId={testId}
        onChange={(next) => {
          draft.current = next;
          setLines(next.split('\n').length);
          // Monaco reports on blur too: apply then, while typing only say whether it parses.
          if (focusLeft()) apply(next);
          else {
            const parsed = parseJson(next);
            setProblem(parsed.ok ? null : parsed.problem);
          }
        }}
      />
      <Problem id={`${id}-problem`} problem={problem} />
    </div>
  );
}

function TextareaJsonField({ value, onApply, label, testId, hideLabel = false }: SchemaJsonFieldProps) {
  const id = useId();
  const text = jsonText(value);
  const [draft, setDraft] = useState(text);
  const { problem, setProblem, apply } = useApply(value, onApply);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) {
      setDraft(text);
      setProblem(null);
    }
  }, [text, setProblem]);

  return (
    <div className="rsp-json-field">
      <label htmlFor={id} className={hideLabel ? 'rsp-sr-only' : 'rsp-label'}>
        {label}
      </label>
      <textarea
        id={id}
        className="rsp-mono"
        rows={Math.min(14, Math.max(3, draft.split('\n').length + 1))}
        value={draft}
        spellCheck={false}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        data-testid={testId}
        onFocus={() => (focused.current = true)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          focused.current = false;
          apply(draft);
        }}
      />
      <Problem id={`${id}-problem`} problem={problem} />
    </div>
  );
}
