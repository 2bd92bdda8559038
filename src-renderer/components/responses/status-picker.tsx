import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { STATUS_CLASSES, bestMatch, searchStatuses, type StatusMatch } from '../../../shared/http/status-codes';

export interface PickedStatus {
  status: string;
  /** The user asked for a required `Location` header with it (redirects and 201 only). */
  withLocation: boolean;
}

/**
 * Picks the status of a new response: a search field (by number, name, range or what a status
 * implies) over a listbox grouped by class, each option saying what choosing it implies. The
 * combobox pattern: focus stays in the field, arrows move the active option
 * (aria-activedescendant), Enter picks it, Escape closes.
 */
export function StatusPicker({ taken, onPick, onClose }: { taken: ReadonlySet<string>; onPick: (picked: PickedStatus) => void; onClose: () => void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState<string | null>(null);
  const [withLocation, setWithLocation] = useState(false);
  const input = useRef<HTMLInputElement | null>(null);

  const matches = useMemo(() => searchStatuses(query), [query]);
  const selectable = useMemo(() => matches.filter((m) => !taken.has(m.status)), [matches, taken]);
  const current = selectable.find((m) => m.status === active) ?? bestMatch(selectable);
  const optionId = (status: string) => `${id}-status-${status}`;
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;

  useEffect(() => input.current?.focus(), []);
  const currentStatus = current?.status;
  useEffect(() => {
    if (currentStatus !== undefined) document.getElementById(`${id}-status-${currentStatus}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [id, currentStatus]);

  const groups = STATUS_CLASSES.map((cls) => ({ ...cls, matches: matches.filter((m) => m.class === cls.id) })).filter((g) => g.matches.length > 0);

  const move = (delta: number) => {
    if (selectable.length === 0) return;
    const at = current ? selectable.indexOf(current) : -1;
    const next = selectable[(at + delta + selectable.length) % selectable.length];
    if (next) setActive(next.status);
  };
  const pick = (m: StatusMatch | undefined) => {
    if (!m || taken.has(m.status)) return;
    onPick({ status: m.status, withLocation: withLocation && m.location !== null });
  };

  return (
    <fieldset className="rsp-picker" data-testid="status-picker">
      <legend className="rsp-sr-only">Add a response</legend>
      <div className="rsp-picker-search">
        <label htmlFor={`${id}-input`} className="rsp-label">
          Status of the new response
        </label>
        <input
          ref={input}
          id={`${id}-input`}
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={current ? optionId(current.status) : undefined}
          aria-describedby={hintId}
          placeholder="Number or name: 201, found, 4xx, default"
          autoComplete="off"
          spellCheck={false}
          value={query}
          data-testid="status-picker-input"
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              move(e.key === 'ArrowDown' ? 1 : -1);
            } else if (e.key === 'Enter') {
              e.preventDefault();
              pick(current);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              onClose();
            }
          }}
        />
        <button type="button" onClick={onClose} data-testid="status-picker-cancel">
          Cancel
        </button>
      </div>
      <label className="rsp-check">
        <input type="checkbox" checked={withLocation} onChange={(e) => setWithLocation(e.target.checked)} data-testid="picker-add-location" />
        Also add a required <code>Location</code> header (redirects and 201)
      </label>
      <p id={hintId} className="rsp-hint" data-testid="picker-hint">
        {current?.location === 'required' && !withLocation
          ? '3xx responses need a Location header — check the box above to add one now, or add it later with the fix the problem offers.'
          : current?.location === 'expected' && !withLocation
            ? 'A 201 response should say where the new resource is with a Location header — check the box above to add one.'
            : selectable.length === 0
              ? 'No status matches: try a number (404), a name (not found), a range (4xx) or default.'
              : 'Arrow keys move, Enter adds the highlighted status.'}
      </p>
      {/*
        The ARIA combobox pattern: a native <select> cannot be filtered or show what each status
        implies. Options take no focus and no keys of their own: the search field drives them
        through aria-activedescendant.
      */}
      {/* oxlint-disable jsx-a11y/prefer-tag-over-role, jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus */}
      <div className="rsp-picker-list" id={listId} role="listbox" aria-label="Statuses" data-testid="status-options">
        {groups.map((g) => (
          <div key={g.id} role="group" aria-labelledby={`${id}-group-${g.id}`} className="rsp-picker-group">
            <div id={`${id}-group-${g.id}`} className="rsp-picker-group-label" role="presentation">
              {g.label}
            </div>
            {g.matches.map((m) => {
              const isTaken = taken.has(m.status);
              const isActive = current?.status === m.status;
              return (
                <div
                  key={m.status}
                  id={optionId(m.status)}
                  role="option"
                  aria-selected={isActive}
                  aria-disabled={isTaken || undefined}
                  className={`rsp-option${isActive ? ' active' : ''}${isTaken ? ' taken' : ''}`}
                  data-testid="status-option"
                  data-status={m.status}
                  // Keep the focus in the search field: a click picks without blurring it first.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pick(m)}
                >
                  <span className="rsp-option-code">{m.status}</span>
                  <span className="rsp-option-name">{m.name || 'Unregistered code'}</span>
                  <span className="rsp-option-note">
                    {isTaken ? 'Already a response of this route.' : m.note}
                    {m.noBody && <span className="rsp-tag">no body</span>}
                    {m.location === 'required' && <span className="rsp-tag">needs Location</span>}
                    {m.location === 'expected' && <span className="rsp-tag">Location expected</span>}
                  </span>
                </div>
              );
            })}
          </div>
        ))}
      </div>
      {/* oxlint-enable jsx-a11y/prefer-tag-over-role, jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus */}
    </fieldset>
  );
}
