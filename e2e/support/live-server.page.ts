import type { Locator, Page } from 'playwright-core';

export interface ProbeRow {
  profile: string;
  status: string;
  routeKey: string;
}

/** The live server panel as a test sees it; selectors live here, not in the specs. */
export class LiveServerPage {
  readonly panel: Locator;
  readonly url: Locator;
  readonly logEntries: Locator;
  readonly traceView: Locator;
  readonly traceSteps: Locator;
  readonly tryStatus: Locator;
  readonly tryBody: Locator;
  readonly tryError: Locator;
  readonly probeResults: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('live-server');
    this.url = page.getByTestId('server-url');
    this.logEntries = page.locator('[data-testid="request-log"] [data-testid="log-entry"]');
    this.traceView = page.getByTestId('trace-view');
    this.traceSteps = this.traceView.getByTestId('trace-step');
    this.tryStatus = page.getByTestId('try-status');
    this.tryBody = page.getByTestId('try-body');
    this.tryError = page.getByTestId('try-error');
    this.probeResults = page.getByTestId('probe-result');
  }

  /** Switches the bottom panel to the live server. */
  async show(): Promise<void> {
    await this.page.getByTestId('panel-tab-server').click();
    await this.panel.waitFor();
  }

  async tool(name: 'try' | 'probe' | 'settings'): Promise<void> {
    await this.page.getByTestId(`live-tool-${name}`).click();
    await this.page.locator(`#ls-tool-${name}:not([hidden])`).waitFor();
  }

  /** Sets the port (0: any free one) and waits until main has it. */
  async usePort(port: number): Promise<void> {
    await this.tool('settings');
    await this.page.getByTestId('server-port').fill(String(port));
    await this.page.getByTestId('server-port-apply').click();
    await this.page.locator(`[data-testid="live-server"][data-port="${port}"]`).waitFor();
  }

  /** Answers as another profile (null: the document's); a running server restarts with it. */
  async useProfile(profile: string | null, expected: string): Promise<void> {
    const running = await this.panel.getAttribute('data-running');
    await this.page.getByTestId('server-profile').selectOption(profile ?? '');
    // A running server is running again (stopped, then started with the profile).
    await this.page.locator(`[data-testid="live-server"][data-profile="${expected}"][data-running="${running}"]`).waitFor();
  }

  /** Starts the server and returns its address. */
  async start(): Promise<string> {
    await this.page.getByTestId('start-server').click();
    await this.url.waitFor();
    return (await this.url.textContent()) ?? '';
  }

  async stop(): Promise<void> {
    await this.page.getByTestId('stop-server').click();
    await this.page.getByTestId('start-server').waitFor();
  }

  /** Sends a request with Try it and waits for its answer (or its error), and for its log entry. */
  async tryIt(method: string, path: string, options: { headers?: string; body?: string } = {}): Promise<void> {
    await this.tool('try');
    const form = this.page.getByTestId('try-it');
    const settled = Number(await form.getAttribute('data-settled'));
    const logged = Number(await this.page.getByTestId('request-log').getAttribute('data-shown'));
    await this.page.getByTestId('try-method').selectOption(method);
    await this.page.getByTestId('try-path').fill(path);
    await this.page.getByTestId('try-headers').fill(options.headers ?? '');
    await this.page.getByTestId('try-body-input').fill(options.body ?? '');
    await this.page.getByTestId('try-send').click();
    await this.page.locator(`[data-testid="try-it"][data-settled="${settled + 1}"]`).waitFor();
    // The answer arrived; its log entry follows as an event.
    if ((await this.tryError.count()) === 0) await this.page.locator(`[data-testid="request-log"][data-shown="${logged + 1}"]`).waitFor();
  }

  /** The headers of the last Try it answer, as received. */
  async answerHeaders(): Promise<[string, string][]> {
    return this.page
      .locator('[data-testid="try-answer"] tr[data-name]')
      .evaluateAll((rows) => rows.map((row): [string, string] => [row.getAttribute('data-name') ?? '', row.getAttribute('data-value') ?? '']));
  }

  async tryDurationMs(): Promise<number> {
    return Number(await this.page.getByTestId('try-time').getAttribute('data-duration-ms'));
  }

  /** The open trace's steps. */
  async steps(): Promise<{ routeKey: string; outcome: string; answered: boolean; shadowed: boolean }[]> {
    return this.traceSteps.evaluateAll((rows) =>
      rows.map((row) => ({
        routeKey: row.getAttribute('data-route-key') ?? '',
        outcome: row.getAttribute('data-outcome') ?? '',
        answered: row.getAttribute('data-answered') === 'true',
        shadowed: row.getAttribute('data-shadowed') === 'true',
      })),
    );
  }

  /** Filters the log and waits until the list shows the filtered entries. */
  async filter(text: string): Promise<void> {
    await this.page.getByTestId('log-filter').fill(text);
    await this.page.locator(`[data-testid="request-log"][data-filter="${text}"]`).waitFor();
  }

  /** The statuses of the entries shown, newest first. */
  async statuses(): Promise<string[]> {
    return this.logEntries.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status') ?? ''));
  }

  /** Saves latency and an allow-list of origins in the document and waits until the design has them. */
  async setMockSettings(settings: { latencyMs: number; origins: string[] }): Promise<void> {
    await this.tool('settings');
    await this.page.getByTestId('mock-latency').fill(String(settings.latencyMs));
    await this.page.getByTestId('mock-cors-list').check();
    await this.page.getByTestId('mock-origins').fill(settings.origins.join('\n'));
    await this.page.getByTestId('mock-save').click();
    await this.mockSettingsSaved(settings.latencyMs, settings.origins.join(' ')).waitFor();
  }

  /** The route shown as selected in the sidebar (what a click in a trace selects). */
  selectedInSidebar(routeKey: string): Locator {
    return this.page.locator(`[data-testid="route-row"][data-route-key="${routeKey}"] [aria-current="true"]`);
  }

  /** The mock settings form once the document carries these values (it may be on a hidden tab). */
  mockSettingsSaved(latencyMs: number, cors: string): Locator {
    return this.page.locator(`[data-testid="mock-settings"][data-latency="${latencyMs}"][data-cors="${cors}"]`);
  }

  /** Opens the trace of one probe answer and returns its steps. */
  async probeTrace(profile: string): Promise<Locator> {
    await this.page.locator(`[data-testid="probe-result"][data-profile="${profile}"] [data-testid="probe-show-trace"]`).click();
    const steps = this.page.locator(`#ls-probe-trace-${profile} [data-testid="trace-step"]`);
    await steps.first().waitFor();
    return steps;
  }

  /** The log entry at `index` (0: the newest). */
  entry(index: number): Locator {
    return this.logEntries.nth(index);
  }

  async openTrace(index: number): Promise<void> {
    const entry = this.entry(index);
    const key = await entry.getAttribute('data-entry');
    await entry.getByRole('button').click();
    await this.page.locator(`[data-testid="trace-view"][data-entry="${key}"]`).waitFor();
  }

  traceStep(routeKey: string): Locator {
    return this.traceView.locator(`[data-testid="trace-step"][data-route-key="${routeKey}"]`);
  }

  /** Types a request into the probe and waits for one answer per profile. */
  async probe(text: string, profiles: number): Promise<ProbeRow[]> {
    await this.tool('probe');
    const input = this.page.getByTestId('probe-input');
    await input.fill(text);
    await this.page.locator(`[data-testid="probe-result"][data-probe="${text.trim().replace(/\s+/g, ' ')}"]`).nth(profiles - 1).waitFor();
    return this.probeResults.evaluateAll((rows) =>
      rows.map((row) => ({ profile: row.getAttribute('data-profile') ?? '', status: row.getAttribute('data-status') ?? '', routeKey: row.getAttribute('data-route-key') ?? '' })),
    );
  }
}
