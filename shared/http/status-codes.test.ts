import { describe, expect, test } from 'vitest';
import { STATUS_KEY, bestMatch, compareStatus, noBodyReason, PICKABLE_STATUSES, searchStatuses, statusFacts, statusLabel } from './status-codes';

describe('status facts', () => {
  test('names, classes and what a status implies', () => {
    expect(statusFacts('302')).toMatchObject({ name: 'Found', class: '3', noBody: false, location: 'required' });
    expect(statusFacts('304')).toMatchObject({ name: 'Not Modified', noBody: true, location: null });
    expect(statusFacts('201')).toMatchObject({ name: 'Created', noBody: false, location: 'expected' });
    expect(statusFacts('204')).toMatchObject({ noBody: true, location: null });
    expect(statusFacts('101')).toMatchObject({ class: '1', noBody: true });
    expect(statusFacts('3XX')).toMatchObject({ class: '3', noBody: false, location: null, name: 'Any 3xx status' });
    expect(statusFacts('default')).toMatchObject({ class: 'other', location: null });
    expect(statusFacts('299')).toMatchObject({ class: '2', name: '' });
  });

  test('labels', () => {
    expect(statusLabel('302')).toBe('302 Found');
    expect(statusLabel('2XX')).toBe('2XX (any 2xx status)');
    expect(statusLabel('default')).toBe('default (any other status)');
    expect(statusLabel('299')).toBe('299');
  });

  test('every pickable status is a valid response key, listed once', () => {
    const statuses = PICKABLE_STATUSES.map((s) => s.status);
    expect(new Set(statuses).size).toBe(statuses.length);
    for (const s of statuses) expect(STATUS_KEY.test(s)).toBe(true);
    expect(statuses).toContain('418');
    expect(statuses).toContain('5XX');
    expect(statuses[statuses.length - 1]).toBe('default');
  });

  test('order: numeric, ranges after their codes, default last', () => {
    expect(['default', '404', '2XX', '200', '201', '500', '4XX'].sort(compareStatus)).toEqual(['200', '201', '2XX', '404', '4XX', '500', 'default']);
  });

  test('why a response has no body', () => {
    expect(noBodyReason('204')).toBe('A 204 response has no body: “No Content” means exactly that.');
    expect(noBodyReason('304')).toContain('cached copy');
    expect(noBodyReason('103')).toContain('informational');
    expect(noBodyReason('200', 'head')).toContain('HEAD');
    expect(noBodyReason('200', 'get')).toBeNull();
    expect(noBodyReason('2XX')).toBeNull();
  });
});

describe('searching statuses', () => {
  const statuses = (q: string) => searchStatuses(q).map((m) => m.status);
  const best = (q: string) => bestMatch(searchStatuses(q))?.status;

  test('by number', () => {
    expect(statuses('302')).toEqual(['302']);
    expect(statuses('30')).toEqual(['300', '301', '302', '303', '304', '305', '307', '308']);
    expect(statuses('3')).toContain('3XX');
    expect(best('404')).toBe('404');
  });

  test('by name, the closest name first', () => {
    expect(statuses('found')).toEqual(['302', '404']);
    expect(best('found')).toBe('302');
    expect(best('not found')).toBe('404');
    expect(best('created')).toBe('201');
    expect(best('Teapot')).toBe('418');
    expect(best('201 cr')).toBe('201');
  });

  test('ranges and default', () => {
    expect(best('2xx')).toBe('2XX');
    expect(statuses('2XX')).toEqual(searchStatuses('2xx').map((m) => m.status));
    expect(statuses('2xx').every((s) => s.startsWith('2'))).toBe(true);
    expect(best('default')).toBe('default');
  });

  test('by what a status implies', () => {
    expect(statuses('location')).toEqual(expect.arrayContaining(['201', '301', '302', '303', '307', '308']));
  });

  test('a valid code that is not registered is offered too', () => {
    expect(statuses('299')).toEqual(['299']);
    expect(statuses('600')).toEqual([]);
    expect(statuses('zzz')).toEqual([]);
  });

  test('an empty query lists everything in picker order', () => {
    const all = searchStatuses('');
    expect(all.length).toBe(PICKABLE_STATUSES.length);
    expect(all.map((m) => m.status)).toEqual(all.map((m) => m.status).sort(compareStatus));
  });

  test('the best match skips what cannot be picked', () => {
    expect(bestMatch(searchStatuses('found'), (m) => m.status !== '302')?.status).toBe('404');
  });
});
