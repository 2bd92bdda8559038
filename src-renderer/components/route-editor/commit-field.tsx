import { useId, useState } from 'react';

/**
 * A text field that edits the document when you are done (Enter or leaving the field), not on
 * every keystroke: one undo step per change, and no half-typed summaries in the history.
 */
export function CommitField({
  label,
  value,
  onCommit,
  multiline = false,
  mono = false,
  placeholder,
  testId,
}: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  multiline?: boolean;
  mono?: boolean;
  placeholder?: string;
  testId?: string;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [editing, setEditing] = useState(false);
  // A new value from the document (undo, another view) replaces the draft unless you are typing.
  const [shown, setShown] = useState(value);
  if (!editing && value !== shown) {
    setShown(value);
    setDraft(value);
  }
  const commit = () => {
    setEditing(false);
    if (draft !== value) onCommit(draft);
  };
  const common = {
    id,
    value: draft,
    placeholder,
    className: mono ? 'mono' : undefined,
    'data-testid': testId,
    onFocus: () => setEditing(true),
    onBlur: commit,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
  };
  return (
    <label className={`field${multiline ? ' wide' : ''}`} htmlFor={id}>
      <span>{label}</span>
      {multiline ? (
        <textarea {...common} rows={2} onKeyDown={(e) => e.key === 'Escape' && (setDraft(value), setEditing(false))} />
      ) : (
        <input
          {...common}
          spellCheck={!mono}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              setDraft(value);
              setEditing(false);
            }
          }}
        />
      )}
    </label>
  );
}
