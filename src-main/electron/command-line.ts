import path from 'node:path';

/**
 * The document named on the command line, absolute, or undefined. `argv` is Electron's
 * process.argv: the executable, then (when not packaged) the app's folder, then the user's
 * arguments mixed with Chromium's switches, which all start with a dash.
 */
export function documentArgument(argv: readonly string[], isPackaged: boolean, cwd: string): string | undefined {
  const args = argv.slice(isPackaged ? 1 : 2);
  const file = args.find((arg) => !arg.startsWith('-') && arg.trim() !== '');
  return file === undefined ? undefined : path.resolve(cwd, file);
}
