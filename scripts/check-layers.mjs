#!/usr/bin/env node
// Checks the import rules between layers (DESIGN §5), so they are kept by CI and not by memory:
//   shared/        pure: no electron, no Node builtins, no React/DOM libraries, nothing outside shared/
//                  (its *.test.ts files run under Node and may use Node builtins, nothing else)
//   src-renderer/  browser only: no electron, no Node builtins, nothing from src-main/
//   electron       imported only under src-main/electron/
// Usage: node scripts/check-layers.mjs [root]   (exit 1 and one file:line:col line per violation)
//
// Imports are read from a real parse (oxc, through Vite's parseSync), so `import(…)`, `require(…)`,
// `export … from`, `import x = require(…)` and `import('…').T` types are all seen, and strings or
// comments that merely look like imports are not.

import { readdir, readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseSync } from 'vite';

const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'out', 'dist', 'coverage', 'test-results', '.git']);
/** Top-level folders that are scanned; config files at the root are scanned too. */
const SCANNED_DIRS = ['shared', 'src-main', 'src-renderer', 'e2e', 'scripts', 'bench'];

const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));
/** Libraries that assume a browser page or a UI; the pure core must not depend on them. */
const UI_LIBRARIES = ['react', 'react-dom', 'scheduler', 'monaco-editor', '@monaco-editor/react'];

/**
 * @typedef {{ file: string, line: number, column: number, specifier: string, rule: string, message: string }} Violation
 * @typedef {{ file: string, specifier: string }} ImportSite
 */

/** @param {string} specifier */
function isNodeBuiltin(specifier) {
  // `fs/promises` and the like are subpaths of a builtin.
  return specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0] ?? specifier);
}

/** @param {string} specifier @param {string} name */
function isPackage(specifier, name) {
  return specifier === name || specifier.startsWith(`${name}/`);
}

/** @param {string} file posix path relative to root @param {string} dir */
function isUnder(file, dir) {
  return file === dir || file.startsWith(`${dir}/`);
}

/**
 * The root-relative posix path a relative specifier points to, or null for a package.
 * @param {ImportSite} site
 */
function resolveRelative({ file, specifier }) {
  if (!specifier.startsWith('.')) return null;
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
}

/**
 * The rule an import breaks, or null.
 * @param {ImportSite} site
 * @returns {{ rule: string, message: string } | null}
 */
export function ruleBroken(site) {
  const { file, specifier } = site;
  const target = resolveRelative(site);
  const isTest = /\.test\.[cm]?[jt]sx?$/.test(file);

  if (isPackage(specifier, 'electron') && !isUnder(file, 'src-main/electron')) {
    return {
      rule: 'layers/electron-only-in-src-main-electron',
      message: `'${specifier}' may only be imported under src-main/electron/; put the Electron-free logic in a service and wire it there`,
    };
  }

  if (isUnder(file, 'shared')) {
    if (isNodeBuiltin(specifier) && !isTest) {
      return {
        rule: 'layers/shared-no-node',
        message: `shared/ must stay pure and cannot import the Node builtin '${specifier}'; do the I/O in src-main/ and pass data in`,
      };
    }
    if (UI_LIBRARIES.some((name) => isPackage(specifier, name))) {
      return {
        rule: 'layers/shared-no-ui',
        message: `shared/ must stay pure and cannot import the UI library '${specifier}'; UI code belongs in src-renderer/`,
      };
    }
    if (target !== null && !isUnder(target, 'shared')) {
      return {
        rule: 'layers/shared-self-contained',
        message: `shared/ cannot import '${specifier}' (${target}) from outside shared/; other layers depend on shared/, never the reverse`,
      };
    }
  }

  if (isUnder(file, 'src-renderer')) {
    if (isNodeBuiltin(specifier)) {
      return {
        rule: 'layers/renderer-no-node',
        message: `src-renderer/ runs in a browser and cannot import the Node builtin '${specifier}'; ask main through the contract in shared/`,
      };
    }
    if (target !== null && isUnder(target, 'src-main')) {
      return {
        rule: 'layers/renderer-no-main',
        message: `src-renderer/ cannot import '${specifier}' (${target}) from src-main/; talk to main through the contract in shared/`,
      };
    }
  }

  if (isUnder(file, 'src-main') && target !== null && isUnder(target, 'src-renderer')) {
    return {
      rule: 'layers/main-no-renderer',
      message: `src-main/ cannot import '${specifier}' (${target}) from src-renderer/; share it through shared/`,
    };
  }

  return null;
}

/**
 * Every module specifier in a source text, with its offset.
 * @param {string} file
 * @param {string} source
 * @returns {{ specifier: string, offset: number }[]}
 */
export function findImports(file, source) {
  const { program, errors } = parseSync(file, source);
  if (errors.length > 0 && program.body.length === 0) {
    throw new Error(`${file}: cannot parse: ${errors[0]?.message ?? 'unknown error'}`);
  }
  /** @type {{ specifier: string, offset: number }[]} */
  const found = [];
  /** @param {unknown} node */
  const literal = (node) => {
    const n = /** @type {{ type?: string, value?: unknown, start?: number } | null} */ (node);
    if (n && n.type === 'Literal' && typeof n.value === 'string' && typeof n.start === 'number') {
      found.push({ specifier: n.value, offset: n.start });
    }
  };
  /** @param {unknown} node */
  const visit = (node) => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const n = /** @type {Record<string, any>} */ (node);
    switch (n['type']) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
      case 'ExportNamedDeclaration':
      case 'ImportExpression':
      case 'TSImportType': // `type T = import('x').T`
        literal(n['source']);
        break;
      case 'TSExternalModuleReference': // `import x = require('x')`
        literal(n['expression']);
        break;
      case 'CallExpression':
        if (n['callee']?.type === 'Identifier' && n['callee'].name === 'require') literal(n['arguments']?.[0]);
        break;
    }
    for (const key in n) {
      if (key !== 'type' && key !== 'start' && key !== 'end') visit(n[key]);
    }
  };
  visit(program);
  return found;
}

/** @param {string} source @param {number} offset */
function lineAndColumn(source, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Source files to check, as root-relative posix paths.
 * @param {string} root
 */
async function listSourceFiles(root) {
  /** @type {string[]} */
  const files = [];
  /** @param {string} rel */
  const walk = async (rel) => {
    let entries;
    try {
      entries = await readdir(path.join(root, rel), { withFileTypes: true });
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) await walk(child);
      } else if (SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.push(child);
      }
    }
  };
  for (const dir of SCANNED_DIRS) await walk(dir);
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (entry.isFile() && SOURCE_FILE.test(entry.name)) files.push(entry.name);
  }
  return files.sort();
}

/**
 * @param {string} root
 * @returns {Promise<{ violations: Violation[], filesChecked: number }>}
 */
export async function checkLayers(root) {
  const files = await listSourceFiles(root);
  /** @type {Violation[]} */
  const violations = [];
  for (const file of files) {
    const source = await readFile(path.join(root, file), 'utf8');
    for (const { specifier, offset } of findImports(file, source)) {
      const broken = ruleBroken({ file, specifier });
      if (broken) violations.push({ file, specifier, ...lineAndColumn(source, offset), ...broken });
    }
  }
  return { violations, filesChecked: files.length };
}

/** @param {Violation} v */
export function formatViolation(v) {
  return `${v.file}:${v.line}:${v.column}: ${v.rule}: ${v.message}`;
}

async function main() {
  const root = path.resolve(process.argv[2] ?? '.');
  const { violations, filesChecked } = await checkLayers(root);
  for (const v of violations) console.error(formatViolation(v));
  if (violations.length > 0) {
    console.error(`layers: ${violations.length} violation(s) in ${filesChecked} files (rules: DESIGN.md §5)`);
    process.exitCode = 1;
  } else {
    console.log(`layers: ok (${filesChecked} files)`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
