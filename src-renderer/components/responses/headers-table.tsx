import { useId, useState } from 'react';
import type { HeaderSpec, ResponseSpec, Route } from '../../../shared/model/api-model';
import type { EditIntent, HeaderInit } from '../../../shared/edit/edit-intent';
import { suggestLocation } from '../../../shared/http/location-example';
import { statusFacts } from '../../../shared/http/status-codes';
import type { Problem } from '../../../shared/view/design-view';
import { useDesign } from '../../state/design-store';
import type { DesignApp } from '../../use-routecraft';
import { CommitInput } from './commit-input';

const TYPES = ['string', 'integer', 'number', 'boolean'] as const;
/** RFC 9110 field names: a token. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function headerType(h: HeaderSpec): string {
  const schema = h.schema as Record<string, unknown> | undefined;
  if (!schema || typeof schema !== 'object') return 'string';
  if (typeof schema['$ref'] === 'string') return 'ref';
  const type = schema['type'];
  return typeof type === 'string' && (TYPES as readonly string[]).includes(type) ? type : 'other';
}

/** The example typed in the table, as the header's type wants it: 42 for an integer, not "42". */
function exampleValue(text: string, type: string): unknown {
  if ((type === 'integer' || type === 'number') && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

function exampleText(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function nameProblem(name: string, headers: readonly HeaderSpec[], own?: string): string | null {
  if (name.trim() === '') return 'A header needs a name.';
  if (!TOKEN.test(name)) return 'Header names are letters, digits and - (no spaces or colons).';
  if (headers.some((h) => h.name !== own && h.name.toLowerCase() === name.toLowerCase())) return `There is already a ${name} header (names ignore case).`;
  return null;
}

/**
 * The response headers as a table: name, required, type, example, description. On a redirect or
 * 201 without `Location`, adding it is one click (with an example the live mock can send).
 */
export function HeadersTable({ route, response, app, problems }: { route: Route; response: ResponseSpec; app: DesignApp; problems: readonly Problem[] }) {
  const id = useId();
  const routes = useDesign((s) => s.view?.routes);
  const [newName, setNewName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const status = response.status;
  const facts = statusFacts(status);
  const shared = response.ref !== undefined;
  const hasLocation = response.headers.some((h) => h.name.toLowerCase() === 'location');
  const set = (name: string, header: HeaderInit) => app.actions.edit({ op: 'setHeader', route: route.key, status, name, header });

  const addLocation = () => {
    // The rule's own fix knows the whole design: its example points at a real route.
    const fix = problems.flatMap((p) => p.fixes ?? []).find((f) => f.intent.op === 'setHeader' && f.intent.name.toLowerCase() === 'location');
    const intent: EditIntent = fix?.intent ?? {
      op: 'setHeader',
      route: route.key,
      status,
      name: 'Location',
      header: { required: true, schema: { type: 'string' }, example: suggestLocation(route, routes ?? [], status) },
    };
    void app.actions.edit(intent);
  };

  const add = async () => {
    const name = newName.trim();
    const why = nameProblem(name, response.headers);
    if (why) return setProblem(why);
    setProblem(null);
    if (await set(name, { required: false, schema: { type: 'string' } })) setNewName('');
  };

  return (
    <section className="rsp-headers" aria-labelledby={`${id}-title`} data-testid="headers-table">
      <h4 id={`${id}-title`}>Headers</h4>
      {!shared && facts.location !== null && !hasLocation && (
        <p className="rsp-offer">
          {facts.location === 'required' ? `A ${status} redirect needs a Location header: it tells the client where to go.` : 'A 201 response should say where the new resource is, with a Location header.'}{' '}
          <button type="button" className="primary" onClick={addLocation} data-testid="add-location-header">
            Add Location header
          </button>
        </p>
      )}
      {response.headers.length === 0 ? (
        <p className="muted rsp-small">No headers.</p>
      ) : (
        <table className="rsp-header-table">
          <caption className="rsp-sr-only">Headers of the {status} response</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Required</th>
              <th scope="col">Type</th>
              <th scope="col">Example</th>
              <th scope="col">Description</th>
              <th scope="col">
                <span className="rsp-sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...response.headers]
              // Location first on the responses that need it: it is what they are about.
              .sort((a, b) => (facts.location !== null ? Number(b.name.toLowerCase() === 'location') - Number(a.name.toLowerCase() === 'location') : 0))
              .map((h) => (
                <HeaderRow key={h.name} header={h} headers={response.headers} readOnly={shared} app={app} route={route} status={status} />
              ))}
          </tbody>
        </table>
      )}
      {!shared && (
        <fieldset className="rsp-inline-form">
          <legend className="rsp-sr-only">Add a header</legend>
          <label className="rsp-field">
            <span className="rsp-label">New header name</span>
            <input
              value={newName}
              placeholder={facts.location !== null && !hasLocation ? 'Location' : 'X-Request-Id'}
              onChange={(e) => setNewName(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void add();
                }
              }}
              spellCheck={false}
              data-testid="new-header-name"
            />
          </label>
          <button type="button" onClick={() => void add()} data-testid="add-header">
            Add header
          </button>
          {problem && (
            <p className="rsp-field-error" aria-live="polite">
              {problem}
            </p>
          )}
        </fieldset>
      )}
    </section>
  );
}

function HeaderRow({ header: h, headers, readOnly, app, route, status }: { header: HeaderSpec; headers: readonly HeaderSpec[]; readOnly: boolean; app: DesignApp; route: Route; status: string }) {
  const type = headerType(h);
  const locked = readOnly || h.ref !== undefined;
  const set = (header: HeaderInit) => app.actions.edit({ op: 'setHeader', route: route.key, status, name: h.name, header });
  const schema = (h.schema && typeof h.schema === 'object' ? h.schema : {}) as Record<string, unknown>;
  return (
    <tr data-testid="header-row" data-header={h.name} data-required={h.required}>
      <th scope="row">
        {locked ? (
          <span className="rsp-mono">{h.name}</span>
        ) : (
          <CommitInput
            label={`Name of header ${h.name}`}
            hideLabel
            value={h.name}
            check={(draft) => nameProblem(draft.trim(), headers, h.name)}
            onCommit={(newName) => app.actions.edit({ op: 'renameHeader', route: route.key, status, name: h.name, newName: newName.trim() })}
            testId="header-name"
            spellCheck={false}
            className="rsp-mono"
          />
        )}
        {h.ref !== undefined && <span className="muted rsp-small"> shared: {h.ref}</span>}
      </th>
      <td>
        <input type="checkbox" aria-label={`${h.name} is required`} checked={h.required} disabled={locked} onChange={(e) => void set({ required: e.target.checked })} data-testid="header-required" />
      </td>
      <td>
        {type === 'ref' || type === 'other' ? (
          <span className="muted rsp-small">{type === 'ref' ? String(schema['$ref']) : 'custom schema'}</span>
        ) : (
          <select aria-label={`Type of header ${h.name}`} value={type} disabled={locked} onChange={(e) => void set({ schema: { ...schema, type: e.target.value } })} data-testid="header-type">
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        )}
      </td>
      <td>
        {locked ? (
          <span className="rsp-mono">{exampleText(h.example)}</span>
        ) : (
          <CommitInput
            label={`Example of header ${h.name}`}
            hideLabel
            value={exampleText(h.example)}
            // HeaderInit cannot remove a field: an emptied example is put back.
            check={(draft) => (draft === '' && h.example !== undefined ? 'To remove the example, edit it in the code view.' : null)}
            onCommit={(text) => set({ example: exampleValue(text, type) })}
            testId="header-example"
            spellCheck={false}
            className="rsp-mono"
          />
        )}
      </td>
      <td>
        {locked ? (
          <span>{h.description}</span>
        ) : (
          <CommitInput label={`Description of header ${h.name}`} hideLabel value={h.description ?? ''} onCommit={(description) => set({ description })} testId="header-description" />
        )}
      </td>
      <td>
        {!readOnly && (
          <button type="button" className="rsp-icon" aria-label={`Remove header ${h.name}`} title="Remove" onClick={() => void app.actions.edit({ op: 'removeHeader', route: route.key, status, name: h.name })} data-testid="remove-header">
            ×
          </button>
        )}
      </td>
    </tr>
  );
}
