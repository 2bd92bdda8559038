// `npm run bench [-- NAME]`: runs bench/*.bench.ts (or the one named) with tsx, one after the other.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.dirname(new URL(import.meta.url).pathname);
const only = process.argv[2];
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!only || f.startsWith(only)));
if (files.length === 0) {
  console.error(`no benchmark matches "${only}"`);
  process.exit(2);
}
for (const f of files) {
  console.log(`\n== ${f}`);
  execFileSync(process.execPath, ['--import', 'tsx', path.join(dir, f)], { stdio: 'inherit' });
}
