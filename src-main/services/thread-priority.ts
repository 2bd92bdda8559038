import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The lowest priority a thread can have (nice 19). */
const BACKGROUND = 19;

/**
 * Lowers the calling thread's scheduling priority, and only its own: for work nobody waits on
 * (Redocly's lint of a large document takes seconds). On two cores it took CPU from the window
 * while the user scrolled or typed; at the lowest priority it gets what they leave.
 *
 * Linux only: there `setpriority` given a thread's id acts on that thread, found through
 * `/proc/thread-self`. Elsewhere Node can set a priority only for the whole process (main, which
 * serves the window), so nothing changes. Returns whether the priority was lowered.
 */
export function runInBackground(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    // "PID/task/TID"
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, BACKGROUND);
    return true;
  } catch {
    // No /proc, or not allowed: the work runs at the usual priority.
    return false;
  }
}
