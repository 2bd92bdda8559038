import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentArgument } from './command-line';
import { isSafeExternalUrl, rendererLocation } from './renderer-location';

describe('the document on the command line', () => {
  it('skips the executable, the app folder and Chromium switches', () => {
    expect(documentArgument(['/usr/bin/electron', '.', '--no-sandbox', 'api.yaml'], false, '/home/u')).toBe(path.resolve('/home/u/api.yaml'));
    expect(documentArgument(['/opt/Routecraft/routecraft', '--allow-file-access', '/tmp/a.json'], true, '/')).toBe('/tmp/a.json');
    expect(documentArgument(['/opt/Routecraft/routecraft'], true, '/')).toBeUndefined();
    expect(documentArgument(['/usr/bin/electron', '.'], false, '/')).toBeUndefined();
  });
});

describe('renderer location', () => {
  it('trusts only the built index.html, or only the dev server origin', () => {
    const built = rendererLocation(undefined, '/app/out/renderer/index.html');
    expect(built.url).toBe('file:///app/out/renderer/index.html');
    expect(built.isApp('file:///app/out/renderer/index.html')).toBe(true);
    expect(built.isApp('file:///etc/passwd')).toBe(false);
    expect(built.isApp('https://example.com/')).toBe(false);
    const dev = rendererLocation('http://localhost:5173/', '/unused');
    expect(dev.isApp('http://localhost:5173/index.html')).toBe(true);
    expect(dev.isApp('http://localhost:5174/')).toBe(false);
  });

  it('hands only plain http(s) links to the system browser', () => {
    expect(isSafeExternalUrl('https://spec.openapis.org/oas/v3.1.0')).toBe(true);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('https://user:pw@example.com/')).toBe(false);
    expect(isSafeExternalUrl('not a url')).toBe(false);
  });
});
