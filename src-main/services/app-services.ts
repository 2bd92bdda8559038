import path from 'node:path';
import type { AppInfo } from '../../shared/contract/app-info';
import type { ContractHandlers } from '../../shared/contract/dispatch';
import { createAppHandlers, type NativeDialogs } from './app-handlers';
import { BackgroundLinter, onLintThread } from './background-linter';
import type { ExportService } from './export.service';
import { DocumentService } from './document.service';
import { EventHub } from './event-hub';
import { LiveServerService } from './live-server.service';
import { RecentFiles } from './recent-files';
import { RecoveryStore } from './recovery-store';

export interface AppServicesOptions {
  info: Omit<AppInfo, 'nativeDialogs'>;
  /** Recent files and the recovery folder live here (Electron: app.getPath('userData')). */
  userDataDir: string;
  autosaveMs?: number;
  maxFileBytes?: number;
}

/**
 * The services of one app instance, wired together once: the Electron main process and browser
 * mode both start exactly this, and differ only in their transport and dialogs.
 */
export class AppServices {
  readonly events = new EventHub();
  readonly recent: RecentFiles;
  readonly recovery: RecoveryStore;
  readonly documents: DocumentService;
  readonly live: LiveServerService;
  readonly linter = new BackgroundLinter();

  constructor(private readonly options: AppServicesOptions) {
    this.recent = new RecentFiles(path.join(options.userDataDir, 'recent-files.json'));
    this.recovery = new RecoveryStore(path.join(options.userDataDir, 'recovery'));
    this.documents = new DocumentService({
      recovery: this.recovery,
      recent: this.recent,
      emit: this.events.emit,
      ...(options.autosaveMs !== undefined ? { autosaveMs: options.autosaveMs } : {}),
      ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
    });
    this.live = new LiveServerService(this.events.emit);
    this.documents.onDocument((doc) => this.live.setDocument(doc));
  }

  handlers(transport: { dialogs?: NativeDialogs; rendererPaths: 'any' | 'known' }): ContractHandlers {
    return createAppHandlers({
      info: this.options.info,
      documents: this.documents,
      live: this.live,
      recent: this.recent,
      exporter: () => this.exporter(),
      linter: this.linter,
      ...transport,
    });
  }

  /** Exports lint on the lint thread. Loaded on first use: it brings in Redocly. */
  async exporter(): Promise<ExportService> {
    const { ExportService } = await import('./export.service');
    return new ExportService(onLintThread(this.linter));
  }

  /** Before the process ends: unsaved changes go to the recovery folder, the live server stops. */
  async shutdown(): Promise<void> {
    await this.documents.flushRecovery().catch(() => undefined);
    this.documents.dispose();
    await this.live.stop().catch(() => undefined);
    this.linter.dispose();
  }
}

/** Where Routecraft keeps its own files when Electron does not say: the platform's config folder. */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = env['HOME'] ?? env['USERPROFILE'] ?? '.'): string {
  if (env['ROUTECRAFT_USER_DATA']) return path.resolve(env['ROUTECRAFT_USER_DATA']);
  if (platform === 'win32') return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), 'routecraft');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'routecraft');
  return path.join(env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), 'routecraft');
}
