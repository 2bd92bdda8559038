import type { Locator, Page } from 'playwright-core';

/** The app shell as a test sees it; selectors live here, not in the specs. */
export class AppShellPage {
  readonly header: Locator;
  readonly emptyState: Locator;
  readonly newApiButton: Locator;
  readonly openButton: Locator;
  /** Console errors and uncaught page errors, in order; a healthy page leaves this empty. */
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    this.header = page.getByTestId('app-header');
    this.emptyState = page.getByTestId('empty-state');
    this.newApiButton = page.getByTestId('new-api');
    this.openButton = page.getByTestId('open-api');
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.errors.push(`page: ${error.message}`));
  }

  /** Loads the app and waits until React has mounted it (no sleeping). */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.waitForSelector('body[data-app-ready="true"]');
  }
}
