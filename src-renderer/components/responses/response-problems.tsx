import type { Problem } from '../../../shared/view/design-view';
import type { DesignApp } from '../../use-routecraft';

const ICON = { error: '✕', warning: '⚠', info: 'ℹ' } as const;
const WORD = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

/** `code` spans in a message become <code>: messages name headers and statuses that way. */
export function MessageText({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i}>{part}</code>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** The problems of one response, where the user is looking, each with its one-click fixes. */
export function ResponseProblems({ problems, app }: { problems: readonly Problem[]; app: DesignApp }) {
  if (problems.length === 0) return null;
  return (
    <ul className="rsp-problems" aria-label="Problems with this response" data-testid="response-problems">
      {problems.map((p) => (
        <li key={p.id} className={`rsp-problem rsp-${p.severity}`} data-testid="response-problem" data-rule={p.rule} data-severity={p.severity}>
          <span className="rsp-problem-icon" aria-hidden="true">
            {ICON[p.severity]}
          </span>
          <span className="rsp-sr-only">{WORD[p.severity]}: </span>
          <span className="rsp-problem-message">
            <MessageText text={p.message} />
          </span>
          {p.fixes?.map((fix) => (
            <button key={fix.title} type="button" className="rsp-fix" onClick={() => void app.actions.edit(fix.intent)} data-testid="response-fix" data-rule={p.rule}>
              <MessageText text={fix.title} />
            </button>
          ))}
        </li>
      ))}
    </ul>
  );
}
