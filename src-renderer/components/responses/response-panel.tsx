import type { ResponseSpec, Route } from '../../../shared/model/api-model';
import { isStatusKey, statusFacts } from '../../../shared/http/status-codes';
import type { Problem } from '../../../shared/view/design-view';
import { design } from '../../state/design-store';
import type { DesignApp } from '../../use-routecraft';
import { BodyEditor } from './body-editor';
import { CommitInput } from './commit-input';
import { HeadersTable } from './headers-table';
import { MessageText, ResponseProblems } from './response-problems';

/** One response: its status, description, whether it is the default, its body and headers. */
export function ResponsePanel({ route, response, app, problems, onDeleted }: { route: Route; response: ResponseSpec; app: DesignApp; problems: readonly Problem[]; onDeleted: (status: string) => void }) {
  const status = response.status;
  const facts = statusFacts(status);
  const isDefault = route.defaultStatus === status;
  const shared = response.ref !== undefined;
  const edit = app.actions.edit;

  const checkStatus = (draft: string) => {
    const next = draft.trim();
    if (!isStatusKey(next)) return 'Use a code from 100 to 599, a range such as 2XX, or default.';
    if (next !== status && route.responses.some((r) => r.status === next)) return `This route already has a ${next} response.`;
    return null;
  };
  const changeStatus = async (draft: string) => {
    const next = draft.trim();
    if (next === status) return true;
    const applied = await edit({ op: 'updateResponse', route: route.key, status, newStatus: next });
    if (applied) design.selectStatus(next);
    return applied;
  };

  return (
    <div className="rsp-panel-body" data-description={response.description ?? ''}>
      <ResponseProblems problems={problems} app={app} />
      <div className="rsp-panel-head">
        <CommitInput label="Status" value={status} check={checkStatus} onCommit={changeStatus} testId="response-status" className="rsp-field rsp-status-field" spellCheck={false} />
        <p className="rsp-facts" data-testid="status-facts">
          <strong>{facts.name || 'Unregistered status'}</strong> — <MessageText text={facts.note} />
        </p>
        <label className="rsp-check" title="What the handler returns unless asked otherwise; the live mock answers with it.">
          <input
            type="checkbox"
            checked={isDefault}
            // Unchecking an inferred default has nothing to undo: the route would infer it again.
            disabled={isDefault && !route.defaultStatusExplicit}
            onChange={(e) => void edit({ op: 'setDefaultStatus', route: route.key, status: e.target.checked ? status : null })}
            data-testid="default-status"
          />
          Default response{isDefault && !route.defaultStatusExplicit ? ' (inferred: the first success)' : ''}
        </label>
        <button
          type="button"
          className="rsp-danger-button"
          onClick={async () => {
            if (await edit({ op: 'deleteResponse', route: route.key, status })) onDeleted(status);
          }}
          data-testid="delete-response"
        >
          Delete response
        </button>
      </div>
      {shared && (
        <p className="rsp-shared" data-testid="shared-response">
          This response is shared: <code>{response.ref}</code>. Its description, body and headers are edited where it is defined (that changes every route using it).
        </p>
      )}
      {shared ? (
        <p className="rsp-small">{response.description ? `Description: ${response.description}` : 'No description.'}</p>
      ) : (
        <CommitInput
          label="Description"
          value={response.description ?? ''}
          onCommit={(description) => edit({ op: 'updateResponse', route: route.key, status, description })}
          testId="response-description"
          className="rsp-field rsp-wide"
          placeholder={facts.name}
        />
      )}
      <BodyEditor route={route} response={response} app={app} />
      <HeadersTable route={route} response={response} app={app} problems={problems} />
    </div>
  );
}
