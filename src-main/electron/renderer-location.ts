import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where the window loads the renderer from, and the test of whether a URL is the app itself (for
 * the IPC sender check and navigation): the built index.html, or electron-vite's dev server.
 */
export function rendererLocation(devServerUrl: string | undefined, builtIndexHtml: string): { url: string; isApp(url: string): boolean } {
  if (devServerUrl !== undefined) {
    const origin = new URL(devServerUrl).origin;
    return { url: devServerUrl, isApp: (url) => safeOrigin(url) === origin };
  }
  const index = path.resolve(builtIndexHtml);
  return {
    url: pathToFileURL(index).href,
    isApp: (url) => {
      try {
        const parsed = new URL(url);
        return parsed.protocol === 'file:' && path.resolve(fileURLToPath(parsed)) === index;
      } catch {
        return false;
      }
    },
  };
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Links the app may hand to the system browser: http(s) only, no credentials in them. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
