// Bad input and load (issue 4): thousands of malformed requests on loopback, bounded in count and
// time, then a normal request must still get the right answer and memory must be back near where
// it was. Everything goes to 127.0.0.1 only.
import fs from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDocument } from '../../shared/model/open-document';
import { MockServer } from './mock-server.service';
import { rawExchange, statusOf } from './mock-test-support';

const ROUNDS = 3000;
const CONCURRENCY = 48;
const SLOW_CLIENTS = 24;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

let server: MockServer;
let port = 0;

beforeAll(async () => {
  const doc = openDocument(fs.readFileSync('fixtures/openapi/users-api.yaml', 'utf8'));
  server = new MockServer(doc, { port: 0, maxBodyBytes: 64 * 1024, headersTimeoutMs: 400, requestTimeoutMs: 800 });
  port = (await server.start()).port;
});

afterAll(async () => {
  await server.stop();
});

/** One malformed (or hostile) request of each kind, by number, and the answers it may get. */
function malformed(i: number): { bytes: string; expect: (number | 'dropped')[] } {
  const close = 'Connection: close\r\n';
  switch (i % 9) {
    case 0:
      return { bytes: `GARBAGE ${i} \u0000\r\n\r\n`, expect: [400] };
    case 1:
      return { bytes: `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'h'.repeat(20 * 1024)}\r\n\r\n`, expect: [431, 'dropped'] };
    case 2:
      return { bytes: `POST /api/users HTTP/1.1\r\nHost: x\r\n${close}Content-Type: application/json\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n`, expect: [413] };
    case 3:
      return { bytes: `POST /api/users HTTP/1.1\r\nHost: x\r\n${close}Transfer-Encoding: chunked\r\n\r\n11000\r\n${'b'.repeat(0x11000)}\r\n0\r\n\r\n`, expect: [413, 'dropped'] };
    case 4:
      return { bytes: `POST /api/users HTTP/1.1\r\nHost: x\r\n${close}Content-Type: application/json\r\nContent-Length: 8\r\n\r\n{"name":`, expect: [422] };
    case 5:
      return { bytes: `GET /api/users/%E9%zz%${i} HTTP/1.1\r\nHost: x\r\n${close}\r\n`, expect: [422] };
    case 6:
      return { bytes: `GET /api/../../etc/passwd/${i}/.. HTTP/1.1\r\nHost: x\r\n${close}\r\n`, expect: [404] };
    case 7:
      return { bytes: `GET /${'p/'.repeat(4500)} HTTP/1.1\r\nHost: x\r\n${close}\r\n`, expect: [414] };
    default:
      return { bytes: `GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n`, expect: [400] };
  }
}

async function flood(count: number, offset: number): Promise<Map<string, number>> {
  const outcomes = new Map<string, number>();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = offset + next++;
      const request = malformed(i);
      const answer = await rawExchange(port, request.bytes, 5000);
      const status = statusOf(answer.text) ?? 'dropped';
      const key = `${i % 9}:${status}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      if (!request.expect.includes(status)) throw new Error(`kind ${i % 9}: expected ${request.expect.join(' or ')}, got ${status}: ${answer.text.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return outcomes;
}

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

test(`${ROUNDS} malformed requests and ${SLOW_CLIENTS} slow clients: clear 4xx or dropped, then the server answers right and memory is back`, async () => {
  const started = performance.now();
  // Warm up: code paths compiled, the request log full (it keeps the last 500 events).
  await flood(1000, 0);
  const baseline = heapAfterGc();

  const slow = Array.from({ length: SLOW_CLIENTS }, (_, i) => rawExchange(port, `GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ${i}\r\n`, 5000));
  const outcomes = await flood(ROUNDS, 1000);
  const slowAnswers = await Promise.all(slow);
  for (const a of slowAnswers) {
    expect(a.timedOut).toBe(false);
    expect(String(statusOf(a.text) ?? 'closed')).toMatch(/^(408|closed)$/);
  }
  expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(ROUNDS);
  // Every connection of the flood is closed: none is left holding memory or a file descriptor.
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(server.connectionCount).toBe(0);

  const ok = await fetch(`http://127.0.0.1:${port}/api/users/1`);
  expect(ok.status).toBe(200);
  expect(await ok.json()).toEqual({ id: 1, name: 'Ada Lovelace' });
  const missing = await fetch(`http://127.0.0.1:${port}/api/users/abc`);
  expect(await missing.json()).toEqual({ detail: [{ loc: ['path', 'user_id'], msg: 'value is not a valid integer', type: 'type_error.integer' }] });

  const after = heapAfterGc();
  expect(server.log.size).toBe(500);
  // Near baseline: what a request leaves behind is bounded (the log's 500 events are in both).
  expect(after - baseline, `heap grew from ${(baseline / 2 ** 20).toFixed(1)} MiB to ${(after / 2 ** 20).toFixed(1)} MiB`).toBeLessThan(8 * 2 ** 20);
  expect(performance.now() - started).toBeLessThan(45_000);
}, 60_000);
