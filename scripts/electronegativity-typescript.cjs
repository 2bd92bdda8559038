// Preloaded into Electronegativity's process by scripts/electronegativity.mjs (node --require).
//
// Why: @doyensec/electronegativity 1.10.3 parses TypeScript with @typescript-eslint/typescript-estree
// 4.x, which needs TypeScript's JS API of the 4.x era. It depends on typescript ~4.2.4 itself (npm
// installs that under its own node_modules), but typescript-estree is hoisted to the top level, where
// `require('typescript')` finds this project's TypeScript 7 (the native port: no JS API) and the
// scanner crashes at start-up. npm's overrides cannot move a peer dependency, so the requests of
// those two packages are pointed at the TypeScript that Electronegativity ships with.

const Module = require('node:module');
const path = require('node:path');

const scanner = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const ownTypescript = path.join(scanner, 'node_modules', 'typescript');
const askers = /[\\/]node_modules[\\/](@typescript-eslint[\\/]typescript-estree|tsutils)[\\/]/;

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if ((request === 'typescript' || request.startsWith('typescript/')) && parent && askers.test(parent.filename ?? '')) {
    return resolve.call(this, ownTypescript + request.slice('typescript'.length), parent, ...rest);
  }
  return resolve.call(this, request, parent, ...rest);
};
