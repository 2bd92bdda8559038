// The visual designer in Debian's Chromium, browser mode (issue 6):
// - the renderer's initial JavaScript (what loads before Monaco), gzipped;
// - opening GitHub's REST description (13 MB) through Open…: until the sidebar shows its routes
//   and the problems are in (main reads and parses it, the renderer's worker parses it again);
// - a keystroke in the path field of a 10,000-route document until the sidebar shows the renamed
//   route and the problems are recomputed for that text (p50 / p95 / max over the keystrokes);
//   the design worker applies the edit at once and main confirms it, so main's time is not in it;
// - scrolling that sidebar from top to bottom: long tasks (> 50 ms) seen meanwhile; and with the
//   wheel, the pointer resting on the drag handles (long tasks, and how busy the UI thread was).
//
//   npm run build && npm run bench -- designer      (ROUTECRAFT_OUT=dir for another build folder;
//   BENCH_KEYSTROKES=N keystrokes, default 40; BENCH_ONLY=size,github,10k to run some parts)
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/launch-chromium';
import { startWebMode } from '../e2e/support/web-mode';
import { syntheticApi } from '../shared/testing/synthetic-api';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const OUT = process.env['ROUTECRAFT_OUT'] ?? path.join(ROOT, 'out');
const GITHUB = path.join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json');
const KEYSTROKES = Number(process.env['BENCH_KEYSTROKES'] ?? 40);

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

async function initialJavaScript(): Promise<void> {
  const dir = path.join(OUT, 'renderer');
  const html = await readFile(path.join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const bytes = await readFile(path.join(dir, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  console.log(`initial JavaScript (index.html's scripts and preloads, before Monaco): ${files.length} files, ${(raw / 1024).toFixed(0)} kB raw, ${(gz / 1024).toFixed(0)} kB gzipped`);
  const assets = (await import('node:fs')).readdirSync(path.join(dir, 'assets'));
  const worker = assets.find((a) => a.startsWith('design.worker'));
  if (worker) {
    const bytes = await readFile(path.join(dir, 'assets', worker));
    console.log(`  the design worker (loaded at start too, off the UI thread): ${(bytes.length / 1024).toFixed(0)} kB raw, ${(gzipSync(bytes).length / 1024).toFixed(0)} kB gzipped`);
  }
}

/** Waits until the view shows the text main has (sidebar and problems caught up). */
async function caughtUp(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset['docRevision'] !== '' && document.body.dataset['docRevision'] === document.body.dataset['viewRevision'], null, { polling: 'raf', timeout: 120_000 });
}

async function openGitHub(): Promise<void> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const web = await startWebMode();
    const file = path.join(web.dir, 'api.github.com.json');
    await copyFile(GITHUB, file);
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      await page.goto(web.url);
      await page.waitForSelector('body[data-app-ready="true"]');
      await page.getByTestId('toolbar-open').click();
      await page.getByTestId('path-input').fill(file);
      const started = Date.now();
      await page.getByTestId('path-submit').click();
      await page.locator('[data-testid="route-row"]').first().waitFor({ timeout: 120_000 });
      const rows = Date.now() - started;
      await caughtUp(page);
      runs.push(Date.now() - started);
      if (i === 0) console.log(`  run 1: routes in the sidebar after ${rows} ms`);
    } finally {
      await browser.close();
      await web.stop();
    }
  }
  runs.sort((a, b) => a - b);
  console.log(`open GitHub's description (Open… → sidebar and problems shown), 3 runs: median ${quantile(runs, 0.5)} ms (${runs.join(', ')} ms)`);
}

async function tenThousandRoutes(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'routecraft-bench-'));
  const file = path.join(dir, 'synthetic-10k.json'); // syntheticApi writes JSON
  await writeFile(file, syntheticApi(10_000));
  const web = await startWebMode({ file: async () => file });
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(web.url);
    await page.locator('[data-testid="route-row"]').first().waitFor({ timeout: 120_000 });
    await caughtUp(page);
    await page.locator('[data-testid="route-row"] button.route-select').first().click();
    await page.getByTestId('route-editor').waitFor();
    await caughtUp(page);
    const path0 = await page.getByTestId('route-path').inputValue();
    await page.getByTestId('route-path').click();
    await page.keyboard.press('End');
    const times: number[] = [];
    const parts: string[] = [];
    let typed = path0;
    for (let i = 0; i < KEYSTROKES; i++) {
      const ch = String.fromCharCode(97 + (i % 26));
      typed += ch;
      const key = `GET ${typed}`;
      await page.evaluate(() => {
        (window as unknown as { benchStart: number }).benchStart = performance.now();
      });
      await page.keyboard.press(ch);
      const ms = await page.waitForFunction(
        (k) => {
          const row = document.querySelector(`[data-testid="route-row"][data-route-key="${CSS.escape(k)}"]`);
          // The row shows the new path and the view is no older than main's text: the sidebar and
          // the problems are those of the text with this keystroke (predicted by the worker, or
          // confirmed by main).
          const b = document.body.dataset;
          if (!row || Number(b['viewRevision']) < Number(b['docRevision'])) return false;
          return performance.now() - (window as unknown as { benchStart: number }).benchStart;
        },
        key,
        { polling: 'raf', timeout: 30_000 },
      ).catch(async (e: unknown) => {
        const seen = await page.evaluate(() => ({ ...document.body.dataset, banners: [...document.querySelectorAll('.banner')].map((b) => b.textContent), input: (document.querySelector('[data-testid="route-path"]') as HTMLInputElement | null)?.value, rows: [...document.querySelectorAll('[data-testid="route-row"]')].slice(0, 3).map((r) => r.getAttribute('data-route-key')) }));
        throw new Error(`keystroke ${i + 1} (${key}) never showed: ${String(e)}\n${JSON.stringify(seen)}`);
      });
      times.push((await ms.jsonValue()) as number);
      parts.push(await page.evaluate(() => document.body.dataset['workerTimings'] ?? ''));
    }
    if (process.env['BENCH_DETAIL']) {
      const slowest = times.map((t, i) => ({ t, i, parts: parts[i] })).sort((a, b) => b.t - a.t).slice(0, 6);
      for (const s of slowest) console.log(`  slow keystroke #${s.i + 1}, ${s.t.toFixed(0)} ms: ${s.parts}`);
    }
    times.sort((a, b) => a - b);
    // Where the time goes (the design worker's share and the hand-over to the UI), medians.
    const numbers = (label: string) => parts.map((p) => Number(new RegExp(`${label} ([\\d.]+)`).exec(p)?.[1] ?? NaN)).filter((n) => !Number.isNaN(n)).sort((a, b) => a - b);
    console.log(`  medians per keystroke: model update ${quantile(numbers('model'), 0.5)} ms, rules ${quantile(numbers('rules'), 0.5)} ms, view ${quantile(numbers('view'), 0.5)} ms, worker → UI ${quantile(numbers('handover'), 0.5)} ms`);
    console.log(`10,000 routes: keystroke in the path field → sidebar shows the renamed route and problems are recomputed, ${times.length} keystrokes: p50 ${quantile(times, 0.5).toFixed(0)} ms, p95 ${quantile(times, 0.95).toFixed(0)} ms, max ${(times.at(-1) ?? NaN).toFixed(0)} ms`);

    // Scroll the sidebar top to bottom a step per frame, counting long tasks: right after the
    // typing (Redocly's findings for the new text may land meanwhile), then again when idle.
    for (const when of ['right after typing', 'idle']) {
      if (when === 'idle') await page.waitForTimeout(8000);
      await page.evaluate(`document.querySelector('[data-testid="route-list"]').scrollTop = 0`);
      // A string, not a function: the bench runs through tsx, whose helpers a page does not have.
      const scroll = (await page.evaluate(`(async () => {
        const scroller = document.querySelector('[data-testid="route-list"]');
        const long = [];
        const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) long.push(e.duration); });
        observer.observe({ type: 'longtask', buffered: false });
        const started = performance.now();
        let frames = 0;
        await new Promise((resolve) => {
          const step = () => {
            scroller.scrollTop += 600;
            frames++;
            if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1 || frames > 2000) resolve();
            else requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        });
        await new Promise((r) => setTimeout(r, 200));
        observer.disconnect();
        return { frames, ms: performance.now() - started, long, height: scroller.scrollHeight };
      })()`)) as { frames: number; ms: number; long: number[]; height: number };
      const worst = scroll.long.length ? Math.max(...scroll.long).toFixed(0) : '0';
      console.log(
        `10,000 routes: scrolled the sidebar top to bottom, ${when} (${(scroll.height / 1000).toFixed(0)}k px, ${scroll.frames} frames, ${(scroll.ms / 1000).toFixed(1)} s): ${scroll.long.length} long tasks over 50 ms (worst ${worst} ms)`,
      );
    }

    // And with the wheel, the pointer resting on the drag handles' column after reaching a handle
    // (which makes the lines sortable until the list scrolls): 400 steps of 400 px, one per frame.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const busy = async () => ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
    await page.evaluate(`document.querySelector('[data-testid="route-list"]').scrollTop = 0`);
    const handle = await page.locator('[data-testid="drag-handle"]').nth(2).boundingBox();
    if (!handle) throw new Error('no drag handle on screen');
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.waitForTimeout(500);
    await page.evaluate(`(() => { window.benchLong = []; window.benchObserver = new PerformanceObserver((l) => { for (const e of l.getEntries()) window.benchLong.push(e.duration); }); window.benchObserver.observe({ type: 'longtask', buffered: false }); })()`);
    const before = await busy();
    const wheelStarted = Date.now();
    for (let i = 0; i < 400; i++) {
      await page.mouse.wheel(0, 400);
      await page.evaluate('new Promise((r) => requestAnimationFrame(r))');
    }
    const wheelBusy = (await busy()) - before;
    const wheelLong = (await page.evaluate('window.benchLong')) as number[];
    console.log(
      `10,000 routes: wheel-scrolled the sidebar (400 × 400 px, pointer on the handles, ${((Date.now() - wheelStarted) / 1000).toFixed(1)} s): ${wheelLong.length} long tasks over 50 ms (worst ${wheelLong.length ? Math.max(...wheelLong).toFixed(0) : '0'} ms), UI thread busy ${(wheelBusy * 1000).toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    await web.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

// BENCH_ONLY=size,github,10k (the default: all three) runs some of them.
const only = (process.env['BENCH_ONLY'] ?? 'size,github,10k').split(',');
if (only.includes('size')) await initialJavaScript();
if (only.includes('github')) await openGitHub();
if (only.includes('10k')) await tenThousandRoutes();
