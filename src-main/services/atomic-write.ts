import { randomBytes } from 'node:crypto';
import { open, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

// DESIGN §7: a save never leaves a half-written file. The bytes go to a temporary file in the
// same folder (so the rename cannot cross file systems), are flushed to disk, and the temporary
// file is renamed over the target: a reader, or the next start after a crash, sees the old
// content or the new, never a mix. The folder is flushed too, so the rename itself survives a
// power cut where the platform allows it.

const TEMP_SUFFIX = '.routecraft-tmp';

/** `.api.yaml.<pid>.<random>.routecraft-tmp` beside `api.yaml`. */
function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

export interface AtomicWriteOptions {
  /** File mode for a new file; an existing file keeps its own. */
  mode?: number;
}

export async function writeFileAtomic(file: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  // Write through a symbolic link to the file it names, rather than replacing the link.
  const target = await realpath(file).catch(() => path.resolve(file));
  const existingMode = await stat(target).then(
    (info) => info.mode & 0o7777,
    () => undefined,
  );
  const temp = tempPathFor(target);
  const handle = await open(temp, 'wx', options.mode ?? 0o644);
  try {
    try {
      await handle.writeFile(bytes);
      if (existingMode !== undefined) await handle.chmod(existingMode).catch(() => undefined);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(path.dirname(target));
}

/** Windows refuses a rename while another program (an indexer, an antivirus) holds the file briefly. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (process.platform !== 'win32' || attempt >= 10 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
    }
  }
}

async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return; // folders cannot be opened for flushing there
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on a folder; the file's own data is already on disk.
  }
}

/**
 * Removes temporary files that a process killed during a save left beside `file` (or, with
 * `everyFile`, anywhere in that folder). Only files of processes that no longer run: another
 * Routecraft may be saving this very moment.
 */
export async function removeStaleTempFiles(file: string, everyFile = false): Promise<void> {
  const dir = everyFile ? path.resolve(file) : path.dirname(path.resolve(file));
  const prefix = everyFile ? '.' : `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;
    const pid = Number(/\.(\d+)\.[0-9a-f]+\.routecraft-tmp$/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || isRunning(pid)) continue;
    await rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
}

export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
