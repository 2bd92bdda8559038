import type { AppInfo } from '../../shared/contract/app-info';

// A sandboxed preload cannot reach `app`, so main hands name and version over
// on the renderer's command line (webPreferences.additionalArguments). That
// keeps appInfo synchronous and needs no IPC channel.

const PREFIX = '--routecraft-app-info=';

export function encodeAppInfoArg(info: AppInfo): string {
  return PREFIX + encodeURIComponent(JSON.stringify(info));
}

export function decodeAppInfoArg(argv: readonly string[]): AppInfo {
  const arg = argv.find((a) => a.startsWith(PREFIX));
  if (arg === undefined) throw new Error(`missing ${PREFIX}… argument`);
  const value: unknown = JSON.parse(decodeURIComponent(arg.slice(PREFIX.length)));
  if (!isAppInfo(value)) throw new Error(`malformed ${PREFIX}… argument`);
  return { name: value.name, version: value.version, platform: value.platform };
}

function isAppInfo(value: unknown): value is AppInfo {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && typeof v.version === 'string' && typeof v.platform === 'string';
}
