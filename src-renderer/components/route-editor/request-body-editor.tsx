import { useState } from 'react';
import type { Route } from '../../../shared/model/api-model';
import type { DesignApp } from '../../use-routecraft';

/** The request body's JSON schema as JSON text: applied when it parses, with the reason when not. */
export function RequestBodyEditor({ app, route }: { app: DesignApp; route: Route }) {
  const body = route.requestBody;
  const media = body?.content[0];
  const initial = media ? JSON.stringify(media.schema ?? {}, null, 2) : '';
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  // The schema changed in the document (undo, the code view): show the new one.
  const [shown, setShown] = useState(initial);
  if (initial !== shown) {
    setShown(initial);
    setDraft(initial);
  }

  if (!body) {
    return (
      <section className="request-body" aria-label="Request body">
        <h3>Request body</h3>
        <button
          type="button"
          onClick={() => void app.actions.edit({ op: 'setRequestBody', route: route.key, mediaType: 'application/json', schema: { type: 'object', properties: {} }, required: true })}
          data-testid="add-request-body"
        >
          Add a JSON request body
        </button>
      </section>
    );
  }
  const apply = () => {
    try {
      const schema: unknown = JSON.parse(draft);
      setProblem(null);
      if (draft !== initial) void app.actions.edit({ op: 'setRequestBody', route: route.key, mediaType: media?.mediaType ?? 'application/json', schema, required: body.required });
    } catch (e) {
      setProblem(`Not JSON yet: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <section className="request-body" aria-label="Request body" data-testid="request-body">
      <h3>
        Request body <span className="muted">{media?.mediaType}</span>
        {body.ref && <span className="muted"> → {body.ref}</span>}
      </h3>
      <label className="field wide">
        <span>Schema (JSON)</span>
        <textarea className="mono" rows={Math.min(12, draft.split('\n').length + 1)} value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={apply} spellCheck={false} />
      </label>
      {problem && <p className="field-error">{problem}</p>}
      <button type="button" className="danger" onClick={() => void app.actions.edit({ op: 'removeRequestBody', route: route.key })}>
        Remove request body
      </button>
    </section>
  );
}
