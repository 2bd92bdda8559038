import { useEffect, useId, useRef, useState, type InputHTMLAttributes } from 'react';

/**
 * A text input that edits the document when you are done (Enter or leaving the field), not on
 * every keystroke: one undo step per change. `check` says what is wrong with a draft; a draft with
 * a problem is not committed, and the problem is shown under the field.
 */
export function CommitInput({
  value,
  onCommit,
  check,
  label,
  hideLabel = false,
  testId,
  focusOnMount = false,
  onFocusedOnMount,
  className,
  ...rest
}: {
  value: string;
  /** May answer whether the edit was applied (app.actions.edit does): when not, the field shows the value again. */
  onCommit: (value: string) => unknown;
  check?: (draft: string) => string | null;
  label: string;
  hideLabel?: boolean;
  testId?: string;
  /** Take the focus (and select the text) when the field first appears: a property just added. */
  focusOnMount?: boolean;
  onFocusedOnMount?: () => void;
  className?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onBlur' | 'onFocus' | 'onKeyDown' | 'autoFocus' | 'className'>) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [editing, setEditing] = useState(false);
  const input = useRef<HTMLInputElement | null>(null);
  const editingRef = useRef(false);
  const valueRef = useRef(value);
  // The document's value wins whenever it changes and the user is not typing; a committed draft
  // stays on screen until the new value arrives, so the field does not flash the old one.
  useEffect(() => {
    valueRef.current = value;
    if (!editingRef.current) setDraft(value);
  }, [value]);
  const startEditing = (on: boolean) => {
    editingRef.current = on;
    setEditing(on);
  };
  const focusedOnMount = useRef(onFocusedOnMount);
  useEffect(() => {
    if (!focusOnMount) return;
    input.current?.focus();
    input.current?.select();
    focusedOnMount.current?.();
  }, [focusOnMount]);
  const problem = editing && draft !== value ? (check?.(draft) ?? null) : null;
  const commit = () => {
    startEditing(false);
    if (draft === value) return;
    if (check?.(draft)) {
      setDraft(value);
      return;
    }
    void Promise.resolve(onCommit(draft)).then((applied) => {
      if (applied === false && !editingRef.current) setDraft(valueRef.current);
    });
  };
  return (
    <span className={`rsp-commit${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'rsp-sr-only' : 'rsp-label'}>
        {label}
      </label>
      <input
        {...rest}
        ref={input}
        id={id}
        value={draft}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : rest['aria-describedby']}
        data-testid={testId}
        onFocus={() => startEditing(true)}
        onBlur={commit}
        onChange={(e) => {
          startEditing(true);
          setDraft(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape') {
            setDraft(value);
            startEditing(false);
          }
        }}
      />
      {problem && (
        <span id={`${id}-problem`} className="rsp-field-error" aria-live="polite">
          {problem}
        </span>
      )}
    </span>
  );
}
