import { useState } from 'react';
import type { TryResponse } from '../../../shared/contract/live-server.schema';
import type { Routecraft } from '../../use-routecraft';
import { formatDuration, parseHeaderLines, prettyBody, statusClass } from './log-format';
import { HeaderTable } from './trace-view';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/**
 * Sends a real request to the live server and shows its answer. It goes through main (the page's
 * origin is not the server's), to the server's own address only; it lands in the log like any other.
 */
export function TryItForm({ app }: { app: Routecraft }) {
  const running = app.server?.running === true;
  const [method, setMethod] = useState<string>('GET');
  const [path, setPath] = useState('/');
  const [headerText, setHeaderText] = useState('');
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const [answer, setAnswer] = useState<TryResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Answers and errors so far: tests wait for it to grow instead of sleeping. */
  const [settled, setSettled] = useState(0);

  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    const trimmed = path.trim();
    if (!trimmed.startsWith('/') || trimmed.startsWith('//')) {
      setError('Write the path starting with one “/”, such as /api/users/1: requests go to the live server only.');
      return;
    }
    const parsed = parseHeaderLines(headerText);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    setSending(true);
    setError(null);
    try {
      setAnswer(await app.api.server.tryRequest({ method, path: trimmed, headers: parsed.headers, ...(body !== '' ? { body } : {}) }));
    } catch (e) {
      setAnswer(null);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSending(false);
      setSettled((n) => n + 1);
    }
  };

  const contentType = answer?.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  return (
    <div className="ls-try" data-testid="try-it" data-settled={settled}>
      <form className="ls-form" onSubmit={(e) => void send(e)} aria-label="Try a request">
        <div className="ls-request-line">
          <label className="ls-field ls-field-method">
            <span>Method</span>
            <select value={method} onChange={(e) => setMethod(e.target.value)} data-testid="try-method">
              {METHODS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
          <label className="ls-field ls-field-grow">
            <span>Path and query</span>
            <input type="text" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/api/users/1?verbose=true" spellCheck={false} data-testid="try-path" />
          </label>
          <button type="submit" className="primary" disabled={sending} data-testid="try-send">
            {sending ? 'Sending…' : 'Send'}
          </button>
        </div>
        <label className="ls-field">
          <span>Headers, one per line as Name: value</span>
          <textarea rows={2} value={headerText} onChange={(e) => setHeaderText(e.target.value)} placeholder={'Accept: application/json\nPrefer: code=404'} spellCheck={false} data-testid="try-headers" />
        </label>
        <label className="ls-field">
          <span>Body</span>
          <textarea rows={3} value={body} onChange={(e) => setBody(e.target.value)} placeholder='{"name": "Ada"}' spellCheck={false} data-testid="try-body-input" />
        </label>
        {!running && <p className="muted ls-note">The server is stopped: start it to send requests.</p>}
      </form>
      <div aria-live="polite">
        {error !== null && (
          <p className="severity-error ls-note" data-testid="try-error">
            {error}
          </p>
        )}
        {answer && (
          <section className="ls-answer" aria-labelledby="ls-answer-heading" data-testid="try-answer">
            <h3 id="ls-answer-heading" className="ls-subheading">
              Answer
            </h3>
            <p className="ls-summary">
              <span className={statusClass(answer.status)} data-testid="try-status" data-status={answer.status}>
                {answer.status}
              </span>
              <span data-testid="try-time" data-duration-ms={answer.durationMs}>
                in {formatDuration(answer.durationMs)}
              </span>
              <code className="muted">{answer.url}</code>
            </p>
            <details className="ls-exchange">
              <summary>Headers ({answer.headers.length})</summary>
              <HeaderTable label="Answer headers" headers={answer.headers} />
            </details>
            {answer.body === '' ? (
              <p className="muted ls-note" data-testid="try-body">
                No body.
              </p>
            ) : (
              <pre className="ls-body" data-testid="try-body">
                {answer.truncated ? answer.body : prettyBody(answer.body, contentType)}
              </pre>
            )}
            {answer.truncated && <p className="muted ls-note">Only the first 256 kB of the body are shown.</p>}
          </section>
        )}
      </div>
    </div>
  );
}
