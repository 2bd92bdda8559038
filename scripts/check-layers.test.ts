import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLayers, findImports } from './check-layers.mjs';

const SCRIPT = fileURLToPath(new URL('./check-layers.mjs', import.meta.url));
const roots: string[] = [];

/** Writes a throwaway repository tree: relative path → file text. */
async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'routecraft-layers-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

function runCli(root: string) {
  const result = spawnSync(process.execPath, [SCRIPT, root], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

const CLEAN_TREE = {
  'shared/model/route.ts': "import { parse } from 'yaml';\nimport type { X } from './x';\nexport const p = parse;\n",
  'shared/model/route.test.ts': "import { readFileSync } from 'node:fs';\nimport { it } from 'vitest';\n",
  'src-main/services/store.ts': "import { writeFile } from 'node:fs/promises';\nimport { p } from '../../shared/model/route';\n",
  'src-main/electron/main.ts': "import { app } from 'electron';\nimport { writeFile } from 'node:fs';\n",
  'src-renderer/app.tsx': "import { useState } from 'react';\nimport type { AppInfo } from '../shared/contract/app-info';\n// import fs from 'node:fs' is only a comment\nconst s = \"require('electron')\";\nexport const App = () => <p>{s}</p>;\n",
  'electron.config.ts': "import { defineConfig } from 'electron-vite';\n",
};

describe('check-layers', () => {
  it('passes a tree that keeps the layers apart', async () => {
    const root = await tree(CLEAN_TREE);
    expect((await checkLayers(root)).violations).toEqual([]);
    const cli = runCli(root);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/^layers: ok \(6 files\)/);
  });

  it('reports each violation with file:line:column, the rule and why', async () => {
    const root = await tree({
      ...CLEAN_TREE,
      'shared/model/leaky.ts': [
        "import { parse } from 'yaml';",
        "import { readFile } from 'node:fs/promises';",
        "export { join } from 'path';",
        "import { useState } from 'react';",
        "import { store } from '../../src-main/services/store';",
        "const { ipcRenderer } = require('electron');",
        "export const later = () => import('http');",
      ].join('\n'),
      'src-renderer/panel.tsx': "\nimport { shell } from 'electron';\nimport os from 'os';\nimport { x } from '../src-main/services/store';\n",
      'src-main/services/window.ts': "import type { BrowserWindow } from 'electron/main';\n",
      'e2e/app.spec.ts': "import { app } from 'electron';\n",
    });

    const cli = runCli(root);
    expect(cli.status).toBe(1);
    const lines = cli.stderr.trim().split('\n');
    expect(lines).toEqual([
      "e2e/app.spec.ts:1:21: layers/electron-only-in-src-main-electron: 'electron' may only be imported under src-main/electron/; put the Electron-free logic in a service and wire it there",
      "shared/model/leaky.ts:2:26: layers/shared-no-node: shared/ must stay pure and cannot import the Node builtin 'node:fs/promises'; do the I/O in src-main/ and pass data in",
      "shared/model/leaky.ts:3:22: layers/shared-no-node: shared/ must stay pure and cannot import the Node builtin 'path'; do the I/O in src-main/ and pass data in",
      "shared/model/leaky.ts:4:26: layers/shared-no-ui: shared/ must stay pure and cannot import the UI library 'react'; UI code belongs in src-renderer/",
      "shared/model/leaky.ts:5:23: layers/shared-self-contained: shared/ cannot import '../../src-main/services/store' (src-main/services/store) from outside shared/; other layers depend on shared/, never the reverse",
      "shared/model/leaky.ts:6:33: layers/electron-only-in-src-main-electron: 'electron' may only be imported under src-main/electron/; put the Electron-free logic in a service and wire it there",
      "shared/model/leaky.ts:7:35: layers/shared-no-node: shared/ must stay pure and cannot import the Node builtin 'http'; do the I/O in src-main/ and pass data in",
      "src-main/services/window.ts:1:36: layers/electron-only-in-src-main-electron: 'electron/main' may only be imported under src-main/electron/; put the Electron-free logic in a service and wire it there",
      "src-renderer/panel.tsx:2:23: layers/electron-only-in-src-main-electron: 'electron' may only be imported under src-main/electron/; put the Electron-free logic in a service and wire it there",
      "src-renderer/panel.tsx:3:16: layers/renderer-no-node: src-renderer/ runs in a browser and cannot import the Node builtin 'os'; ask main through the contract in shared/",
      "src-renderer/panel.tsx:4:19: layers/renderer-no-main: src-renderer/ cannot import '../src-main/services/store' (src-main/services/store) from src-main/; talk to main through the contract in shared/",
      'layers: 11 violation(s) in 10 files (rules: DESIGN.md §5)',
    ]);
  });

  it('finds every import form, and none in comments or strings', () => {
    const source = [
      "import a from 'a';",
      "import 'b';",
      "export * from 'c';",
      "import d = require('d');",
      "type E = import('e').E;",
      "const f = await import('f');",
      "// import g from 'g'",
      "const h = \"import h from 'h'\";",
    ].join('\n');
    expect(findImports('x.ts', source).map((i) => i.specifier)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});
