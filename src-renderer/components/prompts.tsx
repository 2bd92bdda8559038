import { useState, type FormEvent } from 'react';
import type { Recovery } from '../../shared/contract/document-state.schema';
import type { DocumentMeta } from '../state/document-mirror';
import type { Routecraft } from '../use-routecraft';
import { TextDiff } from './text-diff';

/** The questions main or the renderer is waiting on, and errors: above the content, one at a time. */
export function Prompts({ app }: { app: Routecraft }) {
  const { prompt, error, actions } = app;
  return (
    <>
      {app.notice !== null && (
        <div className="banner banner-info" aria-live="polite" data-testid="notice">
          <span>{app.notice}</span>
          <button type="button" onClick={actions.dismissNotice}>
            Dismiss
          </button>
        </div>
      )}
      {error !== null && (
        <div className="banner banner-error" role="alert" data-testid="error-banner">
          <span>{error}</span>
          <button type="button" onClick={actions.dismissError}>
            Dismiss
          </button>
        </div>
      )}
      {app.doc && <DiskChangeBanner doc={app.doc} app={app} />}
      {prompt?.kind === 'unsaved' && (
        <div className="banner banner-warning" role="alertdialog" data-testid="unsaved-prompt">
          <span>{prompt.name} has unsaved changes. Discard them?</span>
          <button type="button" onClick={prompt.proceed} data-testid="discard-changes">
            Discard changes
          </button>
          <button type="button" onClick={actions.dismissPrompt}>
            Cancel
          </button>
        </div>
      )}
      {prompt?.kind === 'conflict' && (
        <div className="banner banner-warning" role="alertdialog" data-testid="save-conflict">
          <span>{prompt.result.message}</span>
          <button type="button" onClick={prompt.overwrite} data-testid="overwrite">
            {prompt.result.reason === 'exists' ? 'Replace' : 'Overwrite'}
          </button>
          <button type="button" onClick={actions.dismissPrompt}>
            Cancel
          </button>
          {prompt.result.diskText !== null && (
            <details className="disk-version" data-testid="conflict-diff">
              <summary>Compare with the version on disk</summary>
              <TextDiff before={prompt.result.diskText} after={app.session.mirror.text} beforeLabel="on disk" afterLabel="yours (would be saved)" />
            </details>
          )}
        </div>
      )}
      {prompt?.kind === 'path' && <PathForm purpose={prompt.purpose} submit={prompt.submit} cancel={actions.dismissPrompt} />}
      {app.recoveries.map((recovery) => (
        <RecoveryOffer key={recovery.id} recovery={recovery} app={app} />
      ))}
    </>
  );
}

function DiskChangeBanner({ doc, app }: { doc: DocumentMeta; app: Routecraft }) {
  const change = doc.diskChange;
  if (!change) return null;
  if (!doc.dirty) {
    return (
      <div className="banner banner-warning" aria-live="polite" data-testid="deleted-on-disk">
        <span>{doc.name} was {change.kind === 'deleted' ? 'deleted' : 'changed into something Routecraft cannot read'} on disk. Saving writes your version again.</span>
      </div>
    );
  }
  return (
    <div className="banner banner-warning" role="alertdialog" data-testid="external-change-prompt">
      <span>
        {doc.name} was {change.kind === 'deleted' ? 'deleted' : 'changed'} on disk, and you have unsaved changes.
      </span>
      {change.kind === 'modified' && (
        <button type="button" onClick={() => void app.actions.revert()} data-testid="reload-from-disk">
          Reload from disk
        </button>
      )}
      <button type="button" onClick={() => void app.actions.keepLocal(change.diskHash)} data-testid="keep-local">
        Keep my changes
      </button>
    </div>
  );
}

function RecoveryOffer({ recovery, app }: { recovery: Recovery; app: Routecraft }) {
  return (
    <div className="banner banner-info" aria-live="polite" data-testid="recovery-offer">
      <span>
        Unsaved changes to {recovery.path ?? recovery.name} from {new Date(recovery.savedAt).toLocaleString()} were kept when Routecraft last stopped.
      </span>
      <button type="button" className="primary" onClick={() => void app.actions.restore(recovery.id)} data-testid="restore-recovery">
        Restore
      </button>
      <button type="button" onClick={() => void app.actions.discardRecovery(recovery.id)}>
        Discard
      </button>
    </div>
  );
}

/** Browser mode has no native file dialog: the path of a file on the machine running Routecraft. */
function PathForm({ purpose, submit, cancel }: { purpose: 'open' | 'saveAs' | 'export'; submit: (path: string) => void; cancel: () => void }) {
  const [path, setPath] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (path.trim() !== '') submit(path.trim());
  };
  return (
    <form className="banner banner-info path-form" onSubmit={onSubmit} data-testid="path-form">
      <label>
        {purpose === 'open' ? 'Open the file at' : purpose === 'export' ? 'Export OpenAPI to' : 'Save as'}
        <input
          type="text"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder="/path/to/api.yaml"
          spellCheck={false}
          data-testid="path-input"
        />
      </label>
      <button type="submit" className="primary" data-testid="path-submit">
        {purpose === 'open' ? 'Open' : purpose === 'export' ? 'Export' : 'Save'}
      </button>
      <button type="button" onClick={cancel}>
        Cancel
      </button>
    </form>
  );
}
