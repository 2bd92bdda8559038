import fs from 'node:fs';
import path from 'node:path';

/**
 * Calls `onChange` (debounced) when the file may have changed on disk. The folder is watched,
 * not the file: editors and `git checkout` often replace a file (write elsewhere, rename over),
 * which a watch on the file itself stops seeing. The caller compares contents, so a spurious
 * call costs one read.
 */
export function watchFile(file: string, onChange: () => void, debounceMs = 100): { close(): void } {
  const base = path.basename(file);
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const schedule = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  let watcher: fs.FSWatcher | undefined;
  try {
    watcher = fs.watch(path.dirname(file), { persistent: false }, (_event, name) => {
      if (name === null || name === base) schedule();
    });
    watcher.on('error', () => undefined);
  } catch {
    // No watch (the folder vanished, or too many watches): the service's periodic check still runs.
  }
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
