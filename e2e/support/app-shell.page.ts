import type { Locator, Page } from 'playwright-core';

/** The app shell as a test sees it; selectors live here, not in the specs. */
export class AppShellPage {
  readonly header: Locator;
  readonly emptyState: Locator;
  readonly newApiButton: Locator;
  readonly openButton: Locator;
  readonly documentTitle: Locator;
  readonly dirtyMarker: Locator;
  readonly routeRows: Locator;
  readonly errorBanner: Locator;
  readonly externalChangePrompt: Locator;
  readonly saveConflict: Locator;
  readonly recoveryOffer: Locator;
  /** Console errors and uncaught page errors, in order; a healthy page leaves this empty. */
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    this.header = page.getByTestId('app-header');
    this.emptyState = page.getByTestId('empty-state');
    this.newApiButton = page.getByTestId('new-api');
    this.openButton = page.getByTestId('open-api');
    this.documentTitle = page.getByTestId('document-title');
    this.dirtyMarker = page.getByTestId('dirty-marker');
    this.routeRows = page.getByTestId('route-row');
    this.errorBanner = page.getByTestId('error-banner');
    this.externalChangePrompt = page.getByTestId('external-change-prompt');
    this.saveConflict = page.getByTestId('save-conflict');
    this.recoveryOffer = page.getByTestId('recovery-offer');
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.errors.push(`page: ${error.message}`));
  }

  /** Loads the app and waits until it has its first state from main (no sleeping). */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.waitForSelector('body[data-app-ready="true"]');
  }

  /** The routes shown, as `GET /path` keys, in order. */
  async routeKeys(): Promise<string[]> {
    return this.routeRows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-route-key') ?? ''));
  }

  /** Browser mode's Open: the path form, then wait for the document view. */
  async openDocument(file: string): Promise<void> {
    await this.page.getByTestId('toolbar-open').click();
    await this.page.getByTestId('path-input').fill(file);
    await this.page.getByTestId('path-submit').click();
    await this.page.getByTestId('document-view').waitFor();
  }

  async addRoute(method: string, path: string): Promise<void> {
    const before = await this.routeRows.count();
    await this.page.getByTestId('add-route-method').selectOption(method.toLowerCase());
    await this.page.getByTestId('add-route-path').fill(path);
    await this.page.getByTestId('add-route-submit').click();
    await this.routeRows.nth(before).waitFor();
  }

  async renamePath(routeKey: string, newPath: string): Promise<void> {
    const row = this.page.locator(`[data-testid="route-row"][data-route-key="${routeKey}"]`);
    await row.getByTestId('rename-route').click();
    await row.getByTestId('rename-path-input').fill(newPath);
    await row.getByTestId('rename-path-input').press('Enter');
  }

  async save(): Promise<void> {
    await this.page.getByTestId('save').click();
    await this.dirtyMarker.waitFor({ state: 'detached' });
  }
}
