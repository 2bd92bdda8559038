import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  main: {
    // The CLI is built with main: same Node target, same externalized dependencies.
    define: { __ROUTECRAFT_VERSION__: JSON.stringify(pkg.version) },
    build: {
      rolldownOptions: { input: { index: 'src-main/electron/main.ts', cli: 'src-main/cli-main.ts' } },
    },
  },
  preload: {
    build: {
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
