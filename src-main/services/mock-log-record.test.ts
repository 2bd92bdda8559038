import v8 from 'node:v8';
import vm from 'node:vm';
import { expect, test } from 'vitest';
import { RequestLog } from '../../shared/mock/request-log';
import { MockLogRecord } from './mock-log-record';

test('the log keeps previews of big request bodies, not the bodies', async () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const log = new RequestLog(500);
  gc();
  // Heap and external: Node keeps a string read from a buffer of about 1 MB or more off the heap.
  const used = () => process.memoryUsage().heapUsed + process.memoryUsage().external;
  const before = used();
  for (let i = 0; i < 200; i++) {
    // A 1 MiB body of its own per request (the default body cap), as a client may send.
    // Read from a buffer, as the server reads a request: a flat string of its own.
    const body = Buffer.alloc(1024 * 1024, `{"n":${i},"pad":"xxxxxxxx`).toString('latin1');
    log.push(new MockLogRecord(i, Date.now(), 1, 'POST', '/items', 201, 'route', undefined, { 'content-type': 'application/json' }, body, body.length, [], 2048, undefined));
  }
  // External memory goes back once collected, a task later.
  for (let round = 0; round < 3; round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const grown = used() - before;
  // 200 bodies would be 200 MB; 200 previews of 2,048 characters are well under 10 MB.
  expect(grown).toBeLessThan(20 * 1024 * 1024);
  const event = log.entries().at(-1);
  expect(event?.requestBody?.truncated).toBe(true);
  expect(event?.requestBody?.bytes).toBeGreaterThan(1_000_000);
  expect(event?.requestBody?.text).toHaveLength(2048);
  expect(event?.requestBody?.text.startsWith('{"n":199,"pad":"xxx')).toBe(true);
});
