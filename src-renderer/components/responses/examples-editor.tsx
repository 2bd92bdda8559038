import { useId, useState } from 'react';
import type { MediaContent } from '../../../shared/model/api-model';
import { SchemaJsonField, parseJson } from './schema-json-field';

/**
 * The named examples of one content type: what the live mock sends (`Prefer: example=name`) and
 * what documentation shows. `example` is the single unnamed example OpenAPI also allows.
 */
export function ExamplesEditor({
  content,
  onSet,
  onRemove,
}: {
  content: MediaContent;
  onSet: (name: string, value: unknown) => Promise<boolean>;
  onRemove: (name: string) => Promise<boolean>;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [value, setValue] = useState('{}');
  const [problem, setProblem] = useState<string | null>(null);
  const names = new Set(content.examples.map((e) => e.name));

  const add = async () => {
    const trimmed = name.trim();
    if (trimmed === '') return setProblem('Give the example a name, such as "ada" or "empty".');
    if (names.has(trimmed)) return setProblem(`There is already an example "${trimmed}".`);
    const parsed = parseJson(value);
    if (!parsed.ok) return setProblem(parsed.problem);
    setProblem(null);
    if (await onSet(trimmed, parsed.value)) {
      setName('');
      setValue('{}');
    }
  };

  return (
    <section className="rsp-examples" aria-labelledby={`${id}-title`} data-testid="examples-editor">
      <h5 id={`${id}-title`}>Examples</h5>
      {content.examples.length === 0 ? (
        <p className="muted rsp-small">No examples yet: the live mock makes one up from the schema.</p>
      ) : (
        <ul className="rsp-example-list">
          {content.examples.map((e) => (
            <li key={e.name} className="rsp-example" data-testid="example-row" data-example={e.name}>
              <div className="rsp-example-head">
                <strong className="rsp-mono">{e.name}</strong>
                {e.summary && <span className="muted"> — {e.summary}</span>}
                {e.ref && <span className="muted"> (shared: {e.ref})</span>}
                <button type="button" className="rsp-link rsp-danger" onClick={() => void onRemove(e.name)} data-testid="remove-example" aria-label={`Remove example ${e.name}`}>
                  Remove
                </button>
              </div>
              {e.ref ? null : <SchemaJsonField value={e.value} label={`Value of example ${e.name}`} hideLabel onApply={(v) => onSet(e.name, v)} testId="example-value" />}
            </li>
          ))}
        </ul>
      )}
      <fieldset className="rsp-example-add">
        <legend className="rsp-sr-only">Add an example</legend>
        <label className="rsp-field">
          <span className="rsp-label">New example name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} spellCheck={false} data-testid="new-example-name" />
        </label>
        <label className="rsp-field rsp-grow">
          <span className="rsp-label">Its value (JSON)</span>
          <textarea className="rsp-mono" rows={3} value={value} onChange={(e) => setValue(e.target.value)} spellCheck={false} data-testid="new-example-value" />
        </label>
        <button type="button" onClick={() => void add()} data-testid="add-example">
          Add example
        </button>
        {problem && (
          <p className="rsp-field-error" aria-live="polite">
            {problem}
          </p>
        )}
      </fieldset>
    </section>
  );
}
