import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../cli';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rc-cli-stubs-'));

describe('routecraft stubs', () => {
  test('writes every file of the target into a new folder and lists them', async () => {
    for (const [target, file] of [
      ['fastapi', 'routers/users.py'],
      ['django-modern-rest', 'api/views.py'],
      ['express', 'src/routes/users.ts'],
    ] as const) {
      const out = path.join(tempDir(), 'stubs');
      const result = await run('stubs', 'fixtures/openapi/users-api.yaml', '--target', target, '--out', out);
      expect(result.code).toBe(0);
      expect(result.out).toContain(`for ${target} to ${out}`);
      expect(result.out).toContain(`  ${file}\n`);
      expect(fs.existsSync(path.join(out, file))).toBe(true);
    }
  });

  test('refuses a folder that is not empty unless --force', async () => {
    const out = tempDir();
    fs.writeFileSync(path.join(out, 'keep.txt'), 'mine');
    const refused = await run('stubs', 'fixtures/openapi/users-api.yaml', '--target', 'fastapi', '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('not empty; pass --force');
    expect(fs.readdirSync(out)).toEqual(['keep.txt']);
    expect((await run('stubs', 'fixtures/openapi/users-api.yaml', '--target', 'fastapi', '--out', out, '--force')).code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'keep.txt'), 'utf8')).toBe('mine');
    expect(fs.existsSync(path.join(out, 'main.py'))).toBe(true);
  });

  test('usage errors exit 2', async () => {
    expect((await run('stubs', 'fixtures/openapi/users-api.yaml', '--out', tempDir())).err).toContain('--target must be one of fastapi, django-modern-rest, express');
    expect((await run('stubs', 'fixtures/openapi/users-api.yaml', '--target', 'rails', '--out', tempDir())).code).toBe(2);
    expect((await run('stubs', 'fixtures/openapi/users-api.yaml', '--target', 'express')).code).toBe(2);
    const file = path.join(tempDir(), 'f');
    fs.writeFileSync(file, '');
    expect((await run('stubs', 'fixtures/openapi/users-api.yaml', '--target', 'express', '--out', file)).err).toContain('not a folder');
    expect((await run('stubs', '--help')).out).toContain('--target T');
  });
});
