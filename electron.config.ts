import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  main: {
    // The CLI and browser mode (`npm run web`) are built with main: same Node target, same
    // externalized dependencies, and the same services.
    define: { __ROUTECRAFT_VERSION__: JSON.stringify(pkg.version) },
    build: {
      // yaml is bundled: loaded from node_modules it is ~80 files that Node resolves one by one
      // (~90 ms of `routecraft mock`'s start, for JSON documents too).
      externalizeDeps: { exclude: ['yaml'] },
      rolldownOptions: {
        input: {
          index: 'src-main/electron/main.ts',
          cli: 'src-main/cli-main.ts',
          web: 'src-main/web/web-main.ts',
          // Redocly's lint runs on a worker thread (services/background-linter.ts looks for it here).
          'redocly-lint-worker': 'src-main/services/redocly-lint.worker.ts',
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': everything else it uses (the contract's
      // channel list, zod) is bundled into it.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: 'src-main/electron/preload.ts' },
        // package.json is "type": "module", which would make the preload ESM;
        // a sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react()],
    build: {
      // electron-vite leaves the renderer unminified by default.
      minify: true,
      rolldownOptions: { input: { index: 'src-renderer/index.html' } },
    },
  },
});
