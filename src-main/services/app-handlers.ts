import path from 'node:path';
import type { AppInfo } from '../../shared/contract/app-info';
import { ContractError } from '../../shared/contract/contract-error';
import { LINT_LIMIT } from '../../shared/contract/contract';
import type { ContractHandlers } from '../../shared/contract/dispatch';
import type { OpenResult } from '../../shared/contract/document-state.schema';
import type { ExportFileOptions, ExportFileResult } from './export.service';
import type { Diagnostic } from '../../shared/model/diagnostic';
import type { ApiDocument } from '../../shared/model/open-document';
import type { DocumentService } from './document.service';
import type { LiveServerService } from './live-server.service';
import type { RecentFiles } from './recent-files';

/** Native open and save dialogs (Electron); a returned undefined means the user cancelled. */
export interface NativeDialogs {
  chooseDocumentToOpen(): Promise<string | undefined>;
  chooseSavePath(purpose: 'save' | 'export', suggestedPath: string): Promise<string | undefined>;
}

export interface Exporter {
  exportToFile(doc: ApiDocument, outPath: string, options?: ExportFileOptions): Promise<ExportFileResult>;
}

export interface AppHandlerOptions {
  info: Omit<AppInfo, 'nativeDialogs'>;
  documents: DocumentService;
  live: LiveServerService;
  recent: RecentFiles;
  /** Loaded on first use: the exporter brings in Redocly, which the rest of the app does not need. */
  exporter: () => Promise<Exporter>;
  /** Redocly's lint, off main's event loop. */
  /** Rejects once `signal` aborts (see BackgroundLinter). */
  linter: { lint(text: string, options?: { fileName?: string; filePath?: string }, signal?: AbortSignal): Promise<Diagnostic[]> };
  dialogs?: NativeDialogs;
  /**
   * Which paths a renderer may name. `any` in browser mode, whose every call carries the run's
   * token. `known` in the desktop app: a renderer names only files main already knows (recent
   * files, recovery); everything else goes through a native dialog the user answers, so a
   * compromised page cannot read or write files of its choosing.
   */
  rendererPaths: 'any' | 'known';
}

/** Every channel of the contract, implemented once over the services; both transports call these. */
export function createAppHandlers(options: AppHandlerOptions): ContractHandlers {
  const { documents, live, recent, dialogs } = options;

  const checkRendererPath = async (file: string, purpose: 'open' | 'write'): Promise<string> => {
    const absolute = path.resolve(file);
    if (options.rendererPaths === 'any') return absolute;
    if (purpose === 'open' && (await recent.has(absolute))) return absolute;
    throw new ContractError('forbidden', `The app may ${purpose === 'open' ? 'open' : 'write'} only files chosen in a dialog or listed under Open Recent.`);
  };

  const unsaved = (discard: boolean | undefined): OpenResult | undefined =>
    documents.isDirty && discard !== true ? { status: 'unsaved-changes', name: documents.name } : undefined;

  const pathOrDialog = async (given: string | undefined, purpose: 'open' | 'save' | 'export', suggested: string): Promise<string | undefined> => {
    if (given !== undefined) return checkRendererPath(given, purpose === 'open' ? 'open' : 'write');
    if (!dialogs) throw new ContractError('unavailable', `Name the file to ${purpose}: there is no file dialog in this window.`);
    return purpose === 'open' ? dialogs.chooseDocumentToOpen() : dialogs.chooseSavePath(purpose, suggested);
  };

  const suggestedPath = (extension?: string): string => {
    const current = documents.path;
    if (current === null) return `api.${extension ?? 'yaml'}`;
    if (!extension) return current;
    return path.join(path.dirname(current), `${path.basename(current, path.extname(current))}.openapi.${extension}`);
  };

  return {
    'app.info': () => ({ ...options.info, nativeDialogs: dialogs !== undefined }),

    'documents.current': () => documents.state('always'),
    'documents.text': () => documents.text(),
    'documents.new': async ({ discardChanges }) => unsaved(discardChanges) ?? { status: 'opened', state: await documents.newDocument() },
    'documents.open': async ({ path: given, discardChanges }) => {
      const blocked = unsaved(discardChanges);
      if (blocked) return blocked;
      const file = await pathOrDialog(given, 'open', '');
      if (file === undefined) return { status: 'cancelled' };
      return { status: 'opened', state: await documents.open(file) };
    },
    'documents.save': async ({ overwrite }) => {
      const result = await documents.save({ overwrite: overwrite === true });
      if (result.status !== 'needs-path' || !dialogs) return result;
      const file = await dialogs.chooseSavePath('save', suggestedPath());
      return file === undefined ? { status: 'cancelled' } : documents.saveAs(file, { overwrite: true });
    },
    'documents.saveAs': async ({ path: given, overwrite }) => {
      const file = await pathOrDialog(given, 'save', suggestedPath());
      if (file === undefined) return { status: 'cancelled' };
      // A native save dialog has asked about replacing an existing file already.
      return documents.saveAs(file, { overwrite: overwrite === true || given === undefined });
    },
    'documents.revert': async () => ({ status: 'opened', state: await documents.revert() }),
    'documents.keepLocal': ({ diskHash }) => documents.keepLocal(diskHash),
    'documents.recent': async () => ({ files: await recent.list() }),
    'documents.recoveries': async () => ({ items: await documents.recoveries() }),
    'documents.restoreRecovery': async ({ id, discardChanges }) => unsaved(discardChanges) ?? { status: 'opened', state: await documents.restoreRecovery(id) },
    'documents.discardRecovery': async ({ id }) => {
      await documents.discardRecovery(id);
      return {};
    },
    'documents.applyIntent': ({ intent, label }) => documents.applyIntent(intent, label),
    'documents.applyText': ({ revision, edits, label }) => documents.applyText(revision, edits, label),
    'documents.lint': async () => {
      const at = documents.text();
      if (!at) return null;
      const file = documents.path;
      const format = documents.document?.source.format ?? 'yaml';
      // An edit makes the findings stale before Redocly (seconds on a big document) is done: it
      // stops then, instead of holding a core while the user types. The window asks again when
      // typing pauses.
      const stale = new AbortController();
      const stopWatching = documents.onDocument(() => {
        const now = documents.text();
        if (now?.sessionId !== at.sessionId || now.revision !== at.revision) stale.abort();
      });
      try {
        const diagnostics = await options.linter.lint(at.text, file !== null ? { fileName: file, filePath: file } : { fileName: `api.${format}` }, stale.signal);
        return { sessionId: at.sessionId, revision: at.revision, diagnostics: diagnostics.slice(0, LINT_LIMIT), total: diagnostics.length };
      } catch (e) {
        if (stale.signal.aborted) return null;
        throw e;
      } finally {
        stopWatching();
      }
    },
    'documents.undo': () => documents.undo(),
    'documents.redo': () => documents.redo(),

    'server.status': () => live.status(),
    'server.start': () => live.start(),
    'server.stop': () => live.stop(),
    'server.configure': (changes) => live.configure(changes),
    'server.requestLog': () => ({ events: live.log() }),
    'server.tryRequest': (request) => live.tryRequest(request),

    'export.openapi': async ({ path: given, force, ...exportOptions }) => {
      const doc = documents.document;
      if (!doc) throw new ContractError('unavailable', 'No document is open.');
      const file = await pathOrDialog(given, 'export', suggestedPath(exportOptions.format ?? doc.source.format));
      if (file === undefined) return { status: 'cancelled' };
      const exporter = await options.exporter();
      const sourcePath = documents.path;
      const result = await exporter.exportToFile(doc, file, {
        ...exportOptions,
        force: force === true,
        ...(sourcePath !== null ? { sourcePath } : {}),
      });
      return {
        status: result.written ? 'written' : 'lint-errors',
        path: result.outPath,
        openapi: result.export.openapi,
        warnings: result.export.warnings.map((w) => `${w.pointer || '/'}: ${w.message}`),
        lintErrors: result.lint.filter((d) => d.severity === 'error').map((d) => `${d.rule}: ${d.message}`),
      };
    },
  };
}
