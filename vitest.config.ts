import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'src-main/**/*.test.ts', 'src-renderer/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        test: {
          // Drives the built renderer (out/renderer) in Debian Chromium: `npm run build` first.
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.spec.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: CI machines have 2 cores.
          fileParallelism: false,
        },
      },
      {
        test: {
          // matchRequest against the real FastAPI, Django and Express (differential/FINDINGS.md):
          // needs /usr/bin/python3 with python3-fastapi and python3-django (.ci/run installs them).
          name: 'differential',
          environment: 'node',
          include: ['differential/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
