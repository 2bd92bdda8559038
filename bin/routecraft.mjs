#!/usr/bin/env node
// The `routecraft` command. It runs the CLI as built by `npm run build` (out/main/cli.js).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('routecraft: the CLI is not built yet; run `npm run build` in the Routecraft folder first.\n');
  process.exit(2);
}
await import(built);
