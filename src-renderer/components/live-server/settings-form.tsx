import { useState } from 'react';
import type { ServerSettings } from '../../../shared/contract/live-server.schema';
import { MOCK_SETTINGS_LIMITS, type EditIntent } from '../../../shared/edit/edit-intent';
import type { MockSettings } from '../../../shared/model/api-model';
import { useDesign } from '../../state/design-store';
import type { Routecraft } from '../../use-routecraft';

/** Server settings (this app's, not the document's) and the mock settings the document carries. */
export function SettingsForm({ app }: { app: Routecraft }) {
  const mock = useDesign((s) => s.view?.mock);
  return (
    <div className="ls-settings" data-testid="live-settings">
      {app.server && <ServerSettingsForm app={app} settings={app.server.settings} key={`${app.server.settings.port}`} />}
      {/* A new draft whenever the document's values change (an edit, undo, the code view). */}
      {mock && <MockSettingsForm app={app} mock={mock} key={JSON.stringify(mock)} />}
    </div>
  );
}

function ServerSettingsForm({ app, settings }: { app: Routecraft; settings: ServerSettings }) {
  const [port, setPort] = useState(String(settings.port));
  const [error, setError] = useState<string | null>(null);

  const configure = async (changes: Partial<ServerSettings>) => {
    setError(null);
    try {
      await app.api.server.configure(changes);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const applyPort = (event: React.FormEvent) => {
    event.preventDefault();
    const value = Number(port);
    if (port.trim() === '' || !Number.isInteger(value) || value < 0 || value > 65535) {
      setError('A port is a whole number from 0 to 65535 (0 lets the system pick a free one).');
      return;
    }
    if (value !== settings.port) void configure({ port: value });
  };

  return (
    <form className="ls-form ls-fieldset-form" onSubmit={applyPort} aria-labelledby="ls-server-settings-heading">
      <h3 id="ls-server-settings-heading" className="ls-subheading">
        Server <span className="muted ls-hint">(this app’s setting; a running server restarts)</span>
      </h3>
      <div className="ls-row">
        <label className="ls-field">
          <span>Port (0: any free port)</span>
          <input type="number" min={0} max={65535} step={1} value={port} onChange={(e) => setPort(e.target.value)} className="ls-port" data-testid="server-port" />
        </label>
        <button type="submit" data-testid="server-port-apply">
          Apply port
        </button>
      </div>
      <label className="ls-check">
        <input type="checkbox" checked={settings.strict} onChange={(e) => void configure({ strict: e.target.checked })} data-testid="server-strict" />
        <span>Strict: report answers whose body does not match its schema in the log</span>
      </label>
      {error !== null && <p className="severity-error ls-note">{error}</p>}
    </form>
  );
}

type CorsMode = 'off' | 'permissive' | 'list';

function MockSettingsForm({ app, mock }: { app: Routecraft; mock: MockSettings }) {
  const [latency, setLatency] = useState(mock.latencyMs === undefined ? '' : String(mock.latencyMs));
  const [mode, setMode] = useState<CorsMode>(Array.isArray(mock.cors) ? 'list' : (mock.cors ?? 'off'));
  const [origins, setOrigins] = useState(Array.isArray(mock.cors) ? mock.cors.join('\n') : '');
  const [error, setError] = useState<string | null>(null);

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    const intent: Extract<EditIntent, { op: 'setMockSettings' }> = { op: 'setMockSettings' };
    const ms = latency.trim() === '' ? 0 : Number(latency);
    if (!Number.isInteger(ms) || ms < 0 || ms > MOCK_SETTINGS_LIMITS.maxLatencyMs) {
      setError(`Latency is a whole number of milliseconds from 0 to ${MOCK_SETTINGS_LIMITS.maxLatencyMs}.`);
      return;
    }
    // 0 is the default: no latency is written as no setting.
    if (ms !== (mock.latencyMs ?? 0)) intent.latencyMs = ms === 0 ? null : ms;
    if (mode === 'list') {
      const list = origins.split(/[\s,]+/).filter((o) => o !== '');
      if (list.length === 0) {
        setError('List at least one origin, such as http://localhost:3000, or choose another CORS setting.');
        return;
      }
      if (!Array.isArray(mock.cors) || list.join('\n') !== mock.cors.join('\n')) intent.cors = list;
    } else if (mode === 'permissive') {
      if (mock.cors !== 'permissive') intent.cors = 'permissive';
    } else if (mock.cors !== undefined && mock.cors !== 'off') {
      // Off is the default, so turning CORS off removes the setting.
      intent.cors = null;
    }
    setError(null);
    if (intent.latencyMs !== undefined || intent.cors !== undefined) void app.actions.edit(intent);
  };

  return (
    <form
      className="ls-form ls-fieldset-form"
      onSubmit={save}
      aria-labelledby="ls-mock-settings-heading"
      data-testid="mock-settings"
      data-latency={mock.latencyMs ?? 0}
      data-cors={Array.isArray(mock.cors) ? mock.cors.join(' ') : (mock.cors ?? 'off')}
    >
      <h3 id="ls-mock-settings-heading" className="ls-subheading">
        Mock behaviour <span className="muted ls-hint">(saved in the document under x-routecraft.mock; undo works)</span>
      </h3>
      <label className="ls-field">
        <span>Latency before each answer, in milliseconds</span>
        <input type="number" min={0} max={MOCK_SETTINGS_LIMITS.maxLatencyMs} step={1} value={latency} placeholder="0" onChange={(e) => setLatency(e.target.value)} className="ls-port" data-testid="mock-latency" />
      </label>
      <fieldset className="ls-fieldset">
        <legend>CORS: may pages on other origins call the mock?</legend>
        <label className="ls-check">
          <input type="radio" name="ls-cors" value="off" checked={mode === 'off'} onChange={() => setMode('off')} data-testid="mock-cors-off" />
          <span>Off: no CORS headers (browsers block pages on other origins)</span>
        </label>
        <label className="ls-check">
          <input type="radio" name="ls-cors" value="permissive" checked={mode === 'permissive'} onChange={() => setMode('permissive')} data-testid="mock-cors-permissive" />
          <span>Permissive: any origin</span>
        </label>
        <label className="ls-check">
          <input type="radio" name="ls-cors" value="list" checked={mode === 'list'} onChange={() => setMode('list')} data-testid="mock-cors-list" />
          <span>Only these origins</span>
        </label>
        <label className="ls-field">
          <span>Allowed origins, one per line</span>
          <textarea rows={2} value={origins} onChange={(e) => setOrigins(e.target.value)} disabled={mode !== 'list'} placeholder={'http://localhost:3000\nhttps://app.example'} spellCheck={false} data-testid="mock-origins" />
        </label>
      </fieldset>
      <div className="ls-row">
        <button type="submit" data-testid="mock-save">
          Save to the document
        </button>
      </div>
      {error !== null && <p className="severity-error ls-note">{error}</p>}
    </form>
  );
}
