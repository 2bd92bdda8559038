import type { Locator, Page } from 'playwright-core';

/** The responses editor of the selected route, as a test sees it; selectors live here, not in the spec. */
export class ResponsesPage {
  readonly editor: Locator;
  readonly panel: Locator;
  readonly picker: Locator;
  readonly pickerInput: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByTestId('responses-editor');
    this.panel = page.getByTestId('response-panel');
    this.picker = page.getByTestId('status-picker');
    this.pickerInput = page.getByTestId('status-picker-input');
  }

  /** Clicks a route in the sidebar and waits until its responses are shown. */
  async openRoute(routeKey: string): Promise<void> {
    await this.page.locator(`[data-testid="route-row"][data-route-key="${routeKey}"] button.route-select`).click();
    await this.page.locator(`[data-testid="responses-editor"] [role="tablist"][aria-label="Responses of ${routeKey}"]`).waitFor();
  }

  tab(status: string): Locator {
    return this.editor.locator(`[data-testid="response-tab"][data-status="${status}"]`);
  }

  async tabStatuses(): Promise<string[]> {
    return this.editor.getByTestId('response-tab').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-status') ?? ''));
  }

  /** Opens a response's tab and waits for its panel. */
  async openTab(status: string): Promise<void> {
    await this.tab(status).click();
    await this.panelFor(status).waitFor();
  }

  panelFor(status: string): Locator {
    return this.page.locator(`[data-testid="response-panel"][data-status="${status}"]`);
  }

  option(status: string): Locator {
    return this.picker.locator(`[data-testid="status-option"][data-status="${status}"]`);
  }

  /** Opens the status picker and types a search. */
  async search(query: string): Promise<void> {
    if (!(await this.picker.isVisible())) await this.page.getByTestId('add-response').click();
    await this.pickerInput.fill(query);
  }

  problem(rule: string): Locator {
    return this.panel.locator(`[data-testid="response-problem"][data-rule="${rule}"]`);
  }

  headerRow(name: string): Locator {
    return this.panel.locator(`[data-testid="header-row"][data-header="${name}"]`);
  }

  /** A row of the visual schema editor: `""` is the body itself, `"0"` its first property, `"0.items"` … */
  schemaRow(path: string): Locator {
    return this.panel.locator(`[data-testid="schema-row"][data-path="${path}"]`);
  }

  property(name: string): Locator {
    return this.panel.locator(`[data-testid="schema-row"][data-name="${name}"]`);
  }
}
