import { describe, expect, test } from 'vitest';
import { suggestLocation } from './location-example';

const routes = [
  { method: 'get', path: '/api/users' },
  { method: 'post', path: '/api/users' },
  { method: 'get', path: '/api/users/{user_id}' },
  { method: 'get', path: '/api/users/me' },
  { method: 'get', path: '/health' },
];

describe('suggested Location', () => {
  test('201: the new resource', () => {
    expect(suggestLocation({ method: 'post', path: '/api/users' }, routes, '201')).toBe('/api/users/42');
    expect(suggestLocation({ method: 'put', path: '/api/users/{user_id}' }, routes, '201')).toBe('/api/users/42');
  });

  test('a redirect: the closest other GET route, never itself', () => {
    expect(suggestLocation({ method: 'get', path: '/api/users/{user_id}' }, routes, '302')).toBe('/api/users/me');
    expect(suggestLocation({ method: 'get', path: '/api/users' }, routes, '301')).toBe('/api/users/42');
    expect(suggestLocation({ method: 'get', path: '/old' }, routes, '308')).toBe('/');
    expect(suggestLocation({ method: 'get', path: '/' }, [], '302')).toBe('/home');
  });

  test('303 after a POST: the created resource', () => {
    expect(suggestLocation({ method: 'post', path: '/api/users' }, routes, '303')).toBe('/api/users/42');
  });
});
