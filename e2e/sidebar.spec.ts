import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { syntheticApi } from '../shared/testing/synthetic-api';
import { AppShellPage } from './support/app-shell.page';
import { browserSuite } from './support/browser-suite';

// The sidebar is virtualised: lines come and go as it scrolls. What a user relies on meanwhile:
// each line shows one route, in declaration order, and the focus (and with it Enter and Alt+↑/↓)
// stays on the route they focused or leaves the list with its line, never landing on another.

const suite = browserSuite();

/** Every rendered route line, in list order, as one consistent reading of its parts (or what is off). */
function readLines(): { index: number; key: string; problem: string | null }[] {
  const rows = [...document.querySelectorAll<HTMLElement>('li.sidebar-row')].filter((li) => li.querySelector('[data-testid="route-row"]'));
  rows.sort((a, b) => Number(a.dataset['index']) - Number(b.dataset['index']));
  return rows.map((li) => {
    const line = li.querySelector('[data-testid="route-row"]') as HTMLElement;
    const key = line.dataset['routeKey'] ?? '';
    const index = Number(line.querySelector('.route-index')?.textContent?.slice(1));
    const title = line.querySelector('.route-select')?.getAttribute('title') ?? '';
    const label = line.querySelector('[data-testid="drag-handle"]')?.getAttribute('aria-label') ?? '';
    const method = line.querySelector('.method')?.textContent ?? '';
    const problem =
      !title.startsWith(`#${index} ${key}`) ? `title "${title}" is not #${index} ${key}` : label !== `Reorder ${key}` ? `handle "${label}" is not ${key}` : !key.startsWith(`${method} `) ? `method ${method} is not ${key}` : null;
    return { index, key, problem };
  });
}

/** The route of the line that holds the focus, or null when the focus is not on a line. */
function focusedKey(): string | null {
  return document.activeElement?.closest<HTMLElement>('[data-testid="route-row"]')?.dataset['routeKey'] ?? null;
}

/** The app on `url`, its lines shown and the view caught up with main. */
async function openApp(url: string): Promise<{ app: AppShellPage; page: Page }> {
  const page = await suite.browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = new AppShellPage(page);
  await app.open(url);
  await app.routeRows.first().waitFor();
  await app.caughtUp();
  return { app, page };
}

/** A document of 600 routes: a list that scrolls. */
async function openLongList(): Promise<{ app: AppShellPage; page: Page }> {
  const web = await suite.startWeb({
    file: async (dir) => {
      const file = path.join(dir, 'api.json');
      await writeFile(file, syntheticApi(600));
      return file;
    },
  });
  return openApp(web.url);
}

describe('the sidebar', () => {
  it('shows each route on its own line while scrolling a long list, and the focus stays with its route', async () => {
    const { app, page } = await openLongList();

    const second = (await app.routeKeys())[1] as string;
    await app.routeRow(second).locator('button.route-select').focus();
    const list = page.getByTestId('route-list');
    const height = await list.evaluate((el) => el.scrollHeight);
    // Down in steps of a few lines (lines come and go at each step), then back up.
    const stops = [...Array.from({ length: 40 }, (_, i) => (i * height) / 40), ...Array.from({ length: 40 }, (_, i) => ((39 - i) * height) / 40)];
    for (const top of stops) {
      await list.evaluate((el, to) => (el.scrollTop = to), top);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const lines = await page.evaluate(readLines);
      expect(lines.length).toBeGreaterThan(10);
      expect(lines.filter((l) => l.problem !== null)).toEqual([]);
      // Lines in declaration order, one per route.
      for (let i = 1; i < lines.length; i++) expect((lines[i] as { index: number }).index).toBeGreaterThan((lines[i - 1] as { index: number }).index);
      // The focus is on the route focused, or (scrolled away) on no line at all.
      expect([second, null]).toContain(await page.evaluate(focusedKey));
    }
    // Back at the top, the line is there again; focused anew, Alt+↓ moves that route.
    await app.routeRow(second).locator('button.route-select').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await page.waitForFunction((key) => (document.querySelector(`[data-testid="route-row"][data-route-key="${CSS.escape(key)}"] .route-index`)?.textContent ?? '') === '#3', second);
    expect(await page.evaluate(focusedKey)).toBe(second);
    expect(app.errors).toEqual([]);
    await page.close();
  });

  it('reorders by keyboard drag: Space on a handle picks the route up, arrows move it, Space drops it, Escape cancels', async () => {
    const web = await suite.startWeb({
      file: async (dir) => {
        const file = path.join(dir, 'api.yaml');
        await copyFile(fileURLToPath(new URL('../fixtures/openapi/users-api.yaml', import.meta.url)), file);
        return file;
      },
    });
    const { app, page } = await openApp(web.url);
    const before = await app.routeKeys();
    const first = before[0] as string;

    // Picked up and dropped two places down: it is third now. Each step is waited for in what a
    // screen reader hears (dnd-kit measures the lines first, and a drop takes the route the
    // announcement names).
    const heard = (text: string) => page.waitForFunction((t) => [...document.querySelectorAll('[id^="DndLiveRegion"]')].some((r) => r.textContent?.includes(t)), text, { timeout: 10_000 }).catch(async (e) => { throw new Error(`${String(e)} ${JSON.stringify(await page.evaluate(() => [...document.querySelectorAll('[id^="DndLiveRegion"], [id^="DndDescribedBy"]')].map((r) => r.id + ': ' + r.textContent)))}`); });
    const named = (key: string, place: number) => `${key} (#${place})`;
    // dnd-kit listens for the arrows from a timer set when the drag starts: one task later.
    const pickedUp = async (key: string, place: number) => {
      await heard(`${named(key, place)} is over ${named(key, place)}.`);
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    };
    await app.routeRow(first).getByTestId('drag-handle').focus();
    // The focused handle is described by how to do it.
    await expect.poll(() => page.evaluate(() => document.getElementById(document.activeElement?.getAttribute('aria-describedby') ?? '')?.textContent ?? '')).toContain('press Space on its handle');
    await page.keyboard.press('Space');
    // "Picked up …", at once followed by "… is over" itself.
    await pickedUp(first, 1);
    await page.keyboard.press('ArrowDown');
    await heard(`is over ${named(before[1] as string, 2)}.`);
    await page.keyboard.press('ArrowDown');
    await heard(`is over ${named(before[2] as string, 3)}.`);
    await page.keyboard.press('Space');
    await page.waitForFunction((key) => [...document.querySelectorAll('[data-testid="route-row"]')].map((r) => r.getAttribute('data-route-key')).indexOf(key) === 2, first);
    await app.caughtUp();
    const moved = await app.routeKeys();
    expect(moved).toEqual([before[1], before[2], first, ...before.slice(3)]);

    // Picked up, moved, and let go with Escape: nothing changes.
    await app.routeRow(first).getByTestId('drag-handle').focus();
    await page.keyboard.press('Space');
    await pickedUp(first, 3);
    await page.keyboard.press('ArrowUp');
    await heard(`is over ${named(moved[1] as string, 2)}.`);
    await page.keyboard.press('Escape');
    await heard('was cancelled');
    await page.waitForSelector('.route-item.dragging', { state: 'detached' });
    await app.caughtUp();
    expect(await app.routeKeys()).toEqual(moved);
    expect(app.errors).toEqual([]);
    await page.close();
  });

  it('drags a route by a handle pressed right after scrolling, when the lines were not yet sortable', async () => {
    const { app, page } = await openLongList();
    // Scrolled a little, then straight to a handle and pressed, as a touch or a quick hand does:
    // the handles that passed under the pointer while the list moved did not make it sortable.
    const list = page.getByTestId('route-list');
    await list.evaluate((el) => (el.scrollTop = 300));
    // The lines on screen under a point of the list (lines above and below the screen are rendered too).
    const box = await list.boundingBox();
    if (!box) throw new Error('list not laid out');
    const lineAt = (y: number) => page.evaluate(([x, at]) => document.elementFromPoint(x as number, at as number)?.closest('[data-testid="route-row"]')?.getAttribute('data-route-key') ?? null, [box.x + box.width / 2, y]);
    const moving = await lineAt(box.y + 105);
    const target = await lineAt(box.y + 165);
    if (!moving || !target || moving === target) throw new Error(`no two lines on screen: ${String(moving)}, ${String(target)}`);
    const handle = app.routeRow(moving).getByTestId('drag-handle');
    const from = await handle.boundingBox();
    const to = await app.routeRow(target).boundingBox();
    if (!from || !to) throw new Error('lines not laid out');
    // The list moves (2 px) the moment before the pointer arrives.
    await list.evaluate((el) => {
      el.scrollTop += 2;
      return new Promise((resolve) => el.addEventListener('scroll', resolve, { once: true }));
    });
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 2);
    expect(await handle.getAttribute('aria-describedby')).toBeNull();
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + 8, { steps: 4 });
    await page.mouse.move(from.x + from.width / 2, to.y + to.height / 2 + 2, { steps: 10 });
    await page.mouse.up();
    // It took the target's place; the route that was there moved up one.
    await page.waitForFunction(([m, t]) => {
      const all = [...document.querySelectorAll('[data-testid="route-row"]')].map((r) => r.getAttribute('data-route-key'));
      return all.indexOf(m as string) === all.indexOf(t as string) + 1;
    }, [moving, target]);
    expect(app.errors).toEqual([]);
    await page.close();
  });
});
