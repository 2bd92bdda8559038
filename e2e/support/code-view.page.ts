import type { Locator, Page } from 'playwright-core';

/** The code view (Monaco) as a test sees it; Monaco's own DOM is only touched here. */
export class CodeViewPage {
  readonly root: Locator;
  readonly toggle: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('code-view');
    this.toggle = page.getByTestId('toggle-code-view');
  }

  /** Opens the code view and waits until Monaco shows the document and is in step with main. */
  async open(): Promise<void> {
    await this.toggle.click();
    await this.root.locator('.monaco-editor .view-lines').waitFor();
    await this.waitIdle();
  }

  /** Everything typed is in main, and every change from main is in the editor. */
  async waitIdle(): Promise<void> {
    await this.page.waitForFunction(() => document.querySelector('[data-testid="code-view"]')?.getAttribute('data-sync') === 'idle');
  }

  /** Keyboard focus into the editor without a click (a click would move the cursor). */
  async focus(): Promise<void> {
    await this.root.locator('.native-edit-context, textarea.inputarea').first().focus();
  }

  /** Monaco's "Go to line" (Ctrl+G): the cursor lands at the start of the line. */
  async goToLine(line: number): Promise<void> {
    await this.focus();
    await this.page.keyboard.press('Control+g');
    await this.page.locator('.quick-input-widget input').waitFor();
    await this.page.keyboard.type(String(line));
    await this.page.keyboard.press('Enter');
    await this.waitForCursorLine(line);
  }

  async cursorLine(): Promise<number> {
    return Number(await this.root.getAttribute('data-cursor-line'));
  }

  async firstVisibleLine(): Promise<number> {
    return Number(await this.root.getAttribute('data-first-visible-line'));
  }

  async waitForCursorLine(line: number): Promise<void> {
    await this.page.waitForFunction((n) => document.querySelector('[data-testid="code-view"]')?.getAttribute('data-cursor-line') === String(n), line);
  }

  /** The text of the lines Monaco renders now (it renders only those in view). */
  async visibleText(): Promise<string> {
    return this.root.locator('.view-lines').evaluate((el) => (el as HTMLElement).innerText.replace(/\u00a0/g, ' '));
  }

  /** Waits until the rendered lines contain `fragment` (or, with `present: false`, no longer do). */
  async waitForText(fragment: string, present = true): Promise<void> {
    await this.page.waitForFunction(
      ([f, p]) => {
        const el = document.querySelector('[data-testid="code-view"] .view-lines') as HTMLElement | null;
        return el !== null && el.innerText.replace(/\u00a0/g, ' ').includes(f as string) === p;
      },
      [fragment, present] as const,
    );
  }
}
