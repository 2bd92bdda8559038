import { describe, expect, it } from 'vitest';
import { decodeAppInfoArg, encodeAppInfoArg } from './app-info-args';

describe('app info command-line argument', () => {
  it('round-trips names with spaces, quotes and equals signs', () => {
    const info = { name: 'Route "craft" = 1', version: '0.1.0', platform: 'linux' };
    expect(decodeAppInfoArg(['--enable-foo', encodeAppInfoArg(info), '--x'])).toEqual(info);
  });

  it('fails loudly when main did not pass it', () => {
    expect(() => decodeAppInfoArg(['--enable-foo'])).toThrow(/missing --routecraft-app-info/);
  });

  it('rejects a value of the wrong shape', () => {
    const arg = '--routecraft-app-info=' + encodeURIComponent(JSON.stringify({ name: 1 }));
    expect(() => decodeAppInfoArg([arg])).toThrow(/malformed/);
  });
});
