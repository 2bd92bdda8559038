import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { MockLogEvent } from '../../../shared/mock/request-log';
import { entryKey, filterLog, formatDuration, formatTime, statusClass } from './log-format';

/** Rows have one fixed height: no measuring, so thousands of entries scroll smoothly. */
const ROW_HEIGHT = 28;

/**
 * The live server's requests, newest first, filtered by words of the method, path, status or route
 * (`4xx` for a status class). Virtualised: only the rows in view are in the page.
 */
export function RequestLog({ log, selected, onSelect }: { log: readonly MockLogEvent[]; selected: number | null; onSelect: (key: number | null) => void }) {
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => filterLog(log, filter), [log, filter]);
  const scroller = useRef<HTMLDivElement | null>(null);
  // oxlint-disable-next-line react/incompatible-library -- the virtualizer's functions are read fresh on every render, never memoised
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => {
      const event = rows[index];
      return event ? entryKey(event) : -index;
    },
  });

  /** Up and down move the selection through the shown entries. */
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const at = rows.findIndex((e) => entryKey(e) === selected);
    const next = Math.max(0, Math.min(rows.length - 1, at === -1 ? 0 : at + (event.key === 'ArrowDown' ? 1 : -1)));
    const target = rows[next];
    if (!target) return;
    event.preventDefault();
    const key = entryKey(target);
    onSelect(key);
    virtual.scrollToIndex(next, { align: 'auto' });
    // The row may not exist yet; focus follows once it is rendered.
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLButtonElement>(`[data-entry="${key}"] button`)?.focus());
  };

  return (
    <section className="ls-log" aria-labelledby="ls-log-heading">
      <div className="ls-log-head">
        <h3 id="ls-log-heading" className="ls-subheading">
          Requests <span className="count">{rows.length === log.length ? log.length : `${rows.length} of ${log.length}`}</span>
        </h3>
        <input
          type="search"
          className="ls-filter"
          aria-label="Filter requests by method, path, status or route"
          placeholder="Filter: GET /users 404 4xx"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="log-filter"
        />
      </div>
      <div className="ls-log-columns" aria-hidden="true">
        <span>Time</span>
        <span>Method</span>
        <span>Path</span>
        <span>Status</span>
        <span>Took</span>
        <span>Route</span>
      </div>
      <div className="ls-log-scroller" ref={scroller} data-testid="request-log" data-filter={filter} data-shown={rows.length}>
        {rows.length === 0 ? (
          <p className="muted ls-note" data-testid="log-empty">
            {log.length === 0 ? 'No requests yet. Send one with Try it, or point a client at the server’s address.' : 'No request matches the filter.'}
          </p>
        ) : (
          <ul className="ls-log-list" style={{ height: virtual.getTotalSize() }} aria-label="Requests, newest first">
            {virtual.getVirtualItems().map((item) => {
              const event = rows[item.index];
              if (!event) return null;
              const key = entryKey(event);
              const isSelected = key === selected;
              return (
                <li
                  key={item.key}
                  className={isSelected ? 'ls-log-row is-selected' : 'ls-log-row'}
                  style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  data-testid="log-entry"
                  data-status={event.status}
                  data-entry={key}
                >
                  <button type="button" aria-current={isSelected ? 'true' : undefined} onClick={() => onSelect(isSelected ? null : key)} onKeyDown={onKeyDown} title={event.source}>
                    <span className="ls-time">{formatTime(event.time)}</span>
                    <span className={`ls-method method-${event.method.toLowerCase()}`}>{event.method || '—'}</span>
                    <code className="ls-path">{event.path || '(malformed request)'}</code>
                    <span className={statusClass(event.status)}>{event.status === 0 ? '—' : event.status}</span>
                    <span className="ls-duration">{formatDuration(event.durationMs)}</span>
                    <span className="ls-route">{event.route ?? <span className="muted">{event.status === 0 ? 'no answer' : 'no route'}</span>}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
