import { describe, expect, test } from 'vitest';
import { RequestLog, previewOf, type LogRecord, type MockLogEvent } from './request-log';

function event(id: number): MockLogEvent {
  return { id, time: '', method: 'GET', path: `/${id}`, status: 200, durationMs: 0, route: null, operationId: null, source: '', trace: [], requestHeaders: {}, responseHeaders: [], requestBody: null, responseBody: null, problems: [] };
}

describe('RequestLog', () => {
  test('keeps the last events, oldest first, and tells subscribers about each', () => {
    const log = new RequestLog(3);
    const seen: number[] = [];
    const stop = log.subscribe((e) => seen.push(e.id));
    for (let i = 1; i <= 5; i++) log.push(event(i));
    expect(log.entries().map((e) => e.id)).toEqual([3, 4, 5]);
    expect(log.size).toBe(3);
    stop();
    log.push(event(6));
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    log.clear();
    expect(log.entries()).toEqual([]);
  });

  test('a listener that throws is dropped; the others go on', () => {
    const log = new RequestLog(2);
    const seen: number[] = [];
    log.subscribe(() => {
      throw new Error('broken UI');
    });
    log.subscribe((e) => seen.push(e.id));
    log.push(event(1));
    log.push(event(2));
    expect(seen).toEqual([1, 2]);
  });

  test('a record is built into its event only when read, once; the count goes on past the capacity', () => {
    const log = new RequestLog(2);
    const built: number[] = [];
    const record = (id: number): LogRecord => {
      let e: MockLogEvent | undefined;
      return {
        event: () => {
          if (!e) {
            built.push(id);
            e = event(id);
          }
          return e;
        },
      };
    };
    for (let i = 1; i <= 3; i++) log.push(record(i));
    expect(built).toEqual([]);
    expect(log.total).toBe(3);
    const first = log.entries();
    expect(first.map((e) => e.id)).toEqual([2, 3]);
    expect(log.entries()[0]).toBe(first[0]);
    expect(built).toEqual([2, 3]);
    const seen: MockLogEvent[] = [];
    log.subscribe((e) => seen.push(e));
    log.push(record(4));
    log.push(event(5));
    expect(seen.map((e) => e.id)).toEqual([4, 5]);
    expect(log.entries()[0]).toBe(seen[0]);
    expect(built).toEqual([2, 3, 4]);
    expect(log.total).toBe(5);
  });

  test('body previews are capped', () => {
    expect(previewOf('abcdef', 6, 4)).toEqual({ text: 'abcd', bytes: 6, truncated: true });
    expect(previewOf('ab', 2, 4)).toEqual({ text: 'ab', bytes: 2, truncated: false });
    expect(previewOf(null, 0, 4)).toBeNull();
  });
});
