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
  /**
   * The route rows on screen, once they hold still: the virtualised sidebar renders its rows a frame
   * after the view it shows (it measures its scroller first), so one read can see none or some.
   */
  async routeKeys(): Promise<string[]> {
    const read = () => this.routeRows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-route-key') ?? ''));
    const frame = () => this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    let last = await read();
    for (let i = 0; i < 40; i++) {
      await frame();
      const now = await read();
      if (now.length > 0 && now.join('\n') === last.join('\n')) return now;
      last = now;
    }
    return last;
  }

  /** Browser mode's Open: the path form, then wait for the document view. */
  async openDocument(file: string): Promise<void> {
    await this.page.getByTestId('toolbar-open').click();
    await this.page.getByTestId('path-input').fill(file);
    await this.page.getByTestId('path-submit').click();
    await this.page.getByTestId('document-view').waitFor();
    await this.caughtUp();
  }

  /** Waits until the sidebar and problems show the text main has (the design worker caught up). */
  async caughtUp(): Promise<void> {
    await this.page.waitForFunction(() => document.body.dataset['docRevision'] !== '' && document.body.dataset['docRevision'] === document.body.dataset['viewRevision']);
  }

  /** The row of a route in the sidebar (rendered when scrolled into view: the list is virtualised). */
  routeRow(routeKey: string): Locator {
    return this.page.locator(`[data-testid="route-row"][data-route-key="${routeKey}"]`);
  }

  /** Selects a route in the sidebar and waits for the route editor to show it. */
  async selectRoute(routeKey: string): Promise<void> {
    await this.routeRow(routeKey).locator('button.route-select').click();
    await this.page.locator(`[data-testid="route-editor"][data-route="${routeKey}"]`).waitFor();
  }

  /** "+ Route" adds a starter route and selects it; then its method and path are set in the editor. */
  async addRoute(method: string, path: string): Promise<void> {
    const editor = this.page.getByTestId('route-editor');
    const before = (await editor.count()) > 0 ? await editor.getAttribute('data-route') : null;
    await this.page.getByTestId('add-route').click();
    await this.page.waitForFunction((old) => {
      const key = document.querySelector('[data-testid="route-editor"]')?.getAttribute('data-route');
      return key !== undefined && key !== null && key !== old && key.includes('/new-route');
    }, before);
    if (method.toLowerCase() !== 'get') {
      await this.page.getByTestId('route-method').selectOption(method.toLowerCase());
      await this.page.waitForFunction((m) => document.querySelector('[data-testid="route-editor"]')?.getAttribute('data-route')?.startsWith(`${m} `) === true, method.toUpperCase());
    }
    await this.page.getByTestId('route-path').fill(path);
    await this.routeRow(`${method.toUpperCase()} ${path}`).waitFor();
  }

  async renamePath(routeKey: string, newPath: string): Promise<void> {
    await this.selectRoute(routeKey);
    await this.page.getByTestId('route-path').fill(newPath);
  }

  async save(): Promise<void> {
    await this.page.getByTestId('save').click();
    await this.dirtyMarker.waitFor({ state: 'detached' });
  }
}
