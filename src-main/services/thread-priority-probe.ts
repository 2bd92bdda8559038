import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { runInBackground } from './thread-priority';

// Run as a worker thread by thread-priority.test.ts: reports this thread's nice value before and
// after runInBackground (field 19 of /proc/thread-self/stat, counted after the command's ") ").

const nice = () => Number(readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]?.split(' ')[16]);
const before = nice();
const lowered = runInBackground();
parentPort?.postMessage({ before, lowered, after: nice() });
