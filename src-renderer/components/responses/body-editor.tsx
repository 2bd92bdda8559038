import { useId, useState } from 'react';
import type { MediaContent, ResponseSpec, Route } from '../../../shared/model/api-model';
import { noBodyReason } from '../../../shared/http/status-codes';
import { useDesign } from '../../state/design-store';
import type { DesignApp } from '../../use-routecraft';
import { CommitInput } from './commit-input';
import { ExamplesEditor } from './examples-editor';
import { SchemaJsonField } from './schema-json-field';
import { SchemaVisualEditor } from './schema-visual-editor';

/** Content types offered first; any other can be typed. */
export const COMMON_MEDIA_TYPES = ['application/json', 'application/problem+json', 'text/plain', 'text/html', 'application/xml', 'text/csv', 'application/octet-stream'];

const MEDIA_TYPE = /^[\w.+-]+\/[\w.+*-]+(\s*;.*)?$/;

/** A schema to start a new body with: an object for JSON, a string for text. */
function starterSchema(mediaType: string): unknown {
  if (/json/.test(mediaType)) return { type: 'object', properties: {} };
  if (mediaType === 'application/octet-stream') return { type: 'string', format: 'binary' };
  return { type: 'string' };
}

export type SchemaMode = 'visual' | 'json';

/** The suggestions a content-type field offers; any other type can be typed. */
function MediaTypeList({ id }: { id: string }) {
  return (
    <datalist id={id}>
      {COMMON_MEDIA_TYPES.map((t) => (
        <option key={t} value={t}>
          {t}
        </option>
      ))}
    </datalist>
  );
}

/** The body of one response: its content type, its schema (as rows or as JSON) and its examples. */
export function BodyEditor({ route, response, app }: { route: Route; response: ResponseSpec; app: DesignApp }) {
  const id = useId();
  const schemaNames = useDesign((s) => s.schemaNames);
  const [mode, setMode] = useState<SchemaMode>('visual');
  const [chosen, setChosen] = useState<string | null>(null);
  const [newType, setNewType] = useState('application/json');
  const status = response.status;
  const noBody = noBodyReason(status, route.method);
  const edit = app.actions.edit;

  if (noBody) {
    return (
      <section className="rsp-body" aria-labelledby={`${id}-title`} data-testid="response-body">
        <h4 id={`${id}-title`}>Body</h4>
        <p className="rsp-no-body" data-testid="no-body-reason">
          {noBody}
          {response.content.length > 0 && ' This one declares a body anyway: clients and the live mock will not send it (see the problem above).'}
        </p>
      </section>
    );
  }

  if (response.ref !== undefined) {
    return (
      <section className="rsp-body" aria-labelledby={`${id}-title`} data-testid="response-body">
        <h4 id={`${id}-title`}>Body</h4>
        <p className="muted">
          {response.content.length === 0 ? 'No body.' : `Content: ${response.content.map((c) => c.mediaType).join(', ')}.`} This response is shared, so its body is edited where it is defined.
        </p>
      </section>
    );
  }

  const content: MediaContent | undefined = response.content.find((c) => c.mediaType === chosen) ?? response.content[0];
  const datalistId = `${id}-media-types`;

  if (!content) {
    return (
      <section className="rsp-body" aria-labelledby={`${id}-title`} data-testid="response-body">
        <h4 id={`${id}-title`}>Body</h4>
        <div className="rsp-inline-form">
          <p className="muted rsp-small">No body.</p>
          <label className="rsp-field">
            <span className="rsp-label">Content type</span>
            <input list={datalistId} value={newType} onChange={(e) => setNewType(e.target.value)} spellCheck={false} data-testid="new-body-media-type" />
          </label>
          <MediaTypeList id={datalistId} />
          <button
            type="button"
            disabled={!MEDIA_TYPE.test(newType.trim())}
            onClick={() => void edit({ op: 'setResponseBody', route: route.key, status, mediaType: newType.trim(), schema: starterSchema(newType.trim()) })}
            data-testid="add-body"
          >
            Add a body
          </button>
        </div>
      </section>
    );
  }

  const mediaType = content.mediaType;
  const setSchema = (schema: unknown) => edit({ op: 'setResponseBody', route: route.key, status, mediaType, schema });
  const changeMediaType = async (next: string) => {
    // No single intent renames a content type: write the new one (schema and examples), then remove the old.
    if (response.content.some((c) => c.mediaType === next)) return false;
    if (!(await edit({ op: 'setResponseBody', route: route.key, status, mediaType: next, schema: content.schema ?? starterSchema(next) }))) return false;
    for (const ex of content.examples) {
      if (ex.ref === undefined) await edit({ op: 'setExample', route: route.key, status, mediaType: next, name: ex.name, value: ex.value, ...(ex.summary !== undefined ? { summary: ex.summary } : {}) });
    }
    const removed = await edit({ op: 'removeResponseBody', route: route.key, status, mediaType });
    if (removed) setChosen(next);
    return removed;
  };

  return (
    <section className="rsp-body" aria-labelledby={`${id}-title`} data-testid="response-body" data-media-type={mediaType}>
      <h4 id={`${id}-title`}>Body</h4>
      <div className="rsp-body-bar">
        {response.content.length > 1 && (
          <label className="rsp-field">
            <span className="rsp-label">Editing</span>
            <select value={mediaType} onChange={(e) => setChosen(e.target.value)} data-testid="body-media-choice">
              {response.content.map((c) => (
                <option key={c.mediaType} value={c.mediaType}>
                  {c.mediaType}
                </option>
              ))}
            </select>
          </label>
        )}
        <CommitInput
          label="Content type"
          value={mediaType}
          list={datalistId}
          spellCheck={false}
          check={(draft) => (!MEDIA_TYPE.test(draft.trim()) ? 'A content type looks like application/json or text/plain.' : response.content.some((c) => c.mediaType === draft.trim() && c !== content) ? `There is already a ${draft.trim()} body.` : null)}
          onCommit={(next) => changeMediaType(next.trim())}
          testId="body-media-type"
          className="rsp-field"
        />
        <MediaTypeList id={datalistId} />
        <fieldset className="rsp-toggle">
          <legend className="rsp-sr-only">Edit the schema as</legend>
          <button type="button" aria-pressed={mode === 'visual'} onClick={() => setMode('visual')} data-testid="schema-mode-visual">
            Visual
          </button>
          <button type="button" aria-pressed={mode === 'json'} onClick={() => setMode('json')} data-testid="schema-mode-json">
            JSON
          </button>
        </fieldset>
        <button type="button" className="rsp-link rsp-danger" onClick={() => void edit({ op: 'removeResponseBody', route: route.key, status, mediaType })} data-testid="remove-body">
          Remove this body
        </button>
      </div>
      {content.schema === undefined ? (
        <p className="muted rsp-small">
          No schema: the body is described by its examples only.{' '}
          <button type="button" className="rsp-link" onClick={() => void setSchema(starterSchema(mediaType))} data-testid="add-schema">
            Describe it with a schema
          </button>
        </p>
      ) : mode === 'visual' ? (
        <SchemaVisualEditor schema={content.schema} schemaNames={schemaNames} onChange={setSchema} label={`Schema of the ${status} ${mediaType} body`} />
      ) : (
        <SchemaJsonField value={content.schema} onApply={(schema) => void setSchema(schema)} label={`Schema of the ${status} ${mediaType} body (JSON)`} testId="schema-json" />
      )}
      <ExamplesEditor
        content={content}
        onSet={(name, value) => edit({ op: 'setExample', route: route.key, status, mediaType, name, value })}
        onRemove={(name) => edit({ op: 'removeExample', route: route.key, status, mediaType, name })}
      />
    </section>
  );
}
