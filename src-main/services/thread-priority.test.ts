import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

/** This thread's nice value: field 19 of /proc/thread-self/stat (counted after the command's ") "). */
const niceOfThisThread = () => Number(readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]?.split(' ')[16]);

describe.runIf(process.platform === 'linux')('work nobody waits on runs at the lowest priority', () => {
  it("lowers the calling thread's priority and not its process's", async () => {
    const mainBefore = niceOfThisThread();
    // The probe is TypeScript: tsx's require hook compiles it in the worker, as the tests run.
    const probe = fileURLToPath(new URL('./thread-priority-probe.ts', import.meta.url));
    const worker = new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(probe)});`, { eval: true });
    const seen = await new Promise<{ before: number; lowered: boolean; after: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(seen.lowered).toBe(true);
    expect(seen.after).toBe(19);
    expect(seen.after).toBeGreaterThan(seen.before);
    expect(niceOfThisThread()).toBe(mainBefore);
  });
});
