import { useEffect, useRef, useState } from 'react';
import type { ServerStatus } from '../../../shared/contract/live-server.schema';
import { PROFILE_IDS, type ProfileId } from '../../../shared/model/x-routecraft';
import { useDesign } from '../../state/design-store';
import type { Routecraft } from '../../use-routecraft';
import './live-server.css';
import { entryKey } from './log-format';
import { ProbeBox } from './probe-box';
import { RequestLog } from './request-log';
import { SettingsForm } from './settings-form';
import { TraceView } from './trace-view';
import { TryItForm } from './try-it-form';

type Tool = 'try' | 'probe' | 'settings';
const TOOLS: { id: Tool; label: string }[] = [
  { id: 'try', label: 'Try it' },
  { id: 'probe', label: 'Probe' },
  { id: 'settings', label: 'Settings' },
];

/**
 * The live mock server (DESIGN §6): start and stop it, see every request with the trace of the
 * routes tried, send requests, probe what each profile would answer, and set latency and CORS.
 */
export function LiveServerPanel({ app }: { app: Routecraft }) {
  const { server, log } = app;
  /** The selected log entry, by entryKey. */
  const [selectedKey, setSelectedKey] = useState<number | null>(null);
  const [tool, setTool] = useState<Tool>('try');
  if (!server) return null;
  // Gone when the log's ring has dropped it.
  const selected = selectedKey === null ? null : (log.find((e) => entryKey(e) === selectedKey) ?? null);

  return (
    <section className="ls-panel" aria-labelledby="server-heading" data-testid="live-server" data-running={server.running} data-port={server.settings.port} data-profile={server.profile ?? ''}>
      <ServerBar app={app} server={server} />
      <div className="ls-columns">
        <div className="ls-column">
          <RequestLog log={log} selected={selected ? selectedKey : null} onSelect={setSelectedKey} />
          <TraceView event={selected} entry={selected ? selectedKey : null} />
        </div>
        <div className="ls-column">
          <div className="ls-tabs" role="tablist" aria-label="Live server tools">
            {TOOLS.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                id={`ls-tab-${t.id}`}
                aria-selected={tool === t.id}
                aria-controls={`ls-tool-${t.id}`}
                tabIndex={tool === t.id ? 0 : -1}
                className={tool === t.id ? 'ls-tab is-active' : 'ls-tab'}
                onClick={() => setTool(t.id)}
                onKeyDown={(e) => {
                  if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                  const at = TOOLS.findIndex((x) => x.id === tool);
                  const next = TOOLS[(at + (e.key === 'ArrowRight' ? 1 : TOOLS.length - 1)) % TOOLS.length];
                  if (next) {
                    setTool(next.id);
                    document.getElementById(`ls-tab-${next.id}`)?.focus();
                  }
                }}
                data-testid={`live-tool-${t.id}`}
              >
                {t.label}
              </button>
            ))}
          </div>
          {/* Every tool stays mounted: a half-typed request survives a look at the probe. */}
          {TOOLS.map((t) => (
            <div key={t.id} role="tabpanel" id={`ls-tool-${t.id}`} aria-labelledby={`ls-tab-${t.id}`} hidden={tool !== t.id} className="ls-tool">
              {t.id === 'try' ? <TryItForm app={app} /> : t.id === 'probe' ? <ProbeBox app={app} /> : <SettingsForm app={app} />}
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}

/** Running or not, where, with which profile; start, stop and copy the address. */
function ServerBar({ app, server }: { app: Routecraft; server: ServerStatus }) {
  const { actions } = app;
  const documentProfile = useDesign((s) => s.view?.profile);
  const [copied, setCopied] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const say = (message: string) => {
    setCopied(message);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(null), 3000);
  };

  const copy = async () => {
    const url = server.url;
    if (url === null) return;
    if (await copyText(url)) say('Copied.');
    else say('Copying is not allowed here: select the address and copy it.');
  };

  const chooseProfile = async (value: string) => {
    setError(null);
    try {
      await app.api.server.configure({ profile: value === '' ? null : (value as ProfileId) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="ls-bar">
      <h2 id="server-heading" className="ls-heading">
        Live mock server
      </h2>
      <span className={server.running ? 'ls-state is-running' : 'ls-state'} data-testid="server-state">
        {server.running ? 'Running' : 'Stopped'}
      </span>
      {server.running ? (
        <>
          <a href={server.url ?? '#'} target="_blank" rel="noreferrer" className="ls-url" data-testid="server-url">
            {server.url}
          </a>
          <button type="button" onClick={() => void copy()} aria-label="Copy the server address" data-testid="copy-url">
            Copy
          </button>
          <button type="button" onClick={() => void actions.stopServer()} data-testid="stop-server">
            Stop
          </button>
        </>
      ) : (
        <button type="button" className="primary" onClick={() => void actions.startServer()} data-testid="start-server">
          Start
        </button>
      )}
      <label className="ls-field ls-inline">
        <span>Answer as</span>
        <select value={server.settings.profile ?? ''} onChange={(e) => void chooseProfile(e.target.value)} data-testid="server-profile">
          <option value="">the document’s profile{documentProfile ? ` (${documentProfile})` : ''}</option>
          {PROFILE_IDS.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <span className="muted ls-route-count" data-testid="server-route-count">
        {server.routeCount} {server.routeCount === 1 ? 'route' : 'routes'}
        {!server.running && ` · port ${server.settings.port === 0 ? 'any free' : server.settings.port}`}
      </span>
      <span className="ls-live muted" aria-live="polite" data-testid="copy-status">
        {copied}
      </span>
      {(server.error ?? error) !== null && (
        <p className="severity-error ls-bar-error" data-testid="server-error">
          {server.error ?? error}
        </p>
      )}
    </div>
  );
}

/** The clipboard API where allowed; otherwise the old copy command on a selected field. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Not allowed here (no focus, no permission): try the fallback.
  }
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.position = 'fixed';
  field.style.opacity = '0';
  document.body.append(field);
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.remove();
  }
}
