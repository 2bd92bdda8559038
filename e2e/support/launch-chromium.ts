import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export interface LaunchedChromium {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's chromium (no browser is ever downloaded here); CHROMIUM_PATH overrides it. */
export function chromiumPath(): string {
  const executable = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  try {
    accessSync(executable, constants.X_OK);
  } catch {
    // Fail, never skip: a green run without the browser would prove nothing.
    throw new Error(
      `Chromium not found or not executable at ${executable}. ` +
        'Install it with `apt-get install -y chromium` (what .ci/run does) or set CHROMIUM_PATH.',
    );
  }
  return executable;
}

/** A fresh headless Chromium with its own throwaway profile, removed again by close(). */
export async function launchChromium(): Promise<LaunchedChromium> {
  const executablePath = chromiumPath();
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'routecraft-e2e-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    return {
      context,
      close: async () => {
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
