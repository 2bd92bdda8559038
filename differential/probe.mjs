#!/usr/bin/env node
// A hand-written route table through the real frameworks and through matchRequest: the
// reproductions in FINDINGS.md are runs of this.
//
//   node differential/probe.mjs [--profile P]... ROUTE... -- REQUEST...
//
// ROUTE:   'METHOD [prefix]localPath [=status]', e.g. 'GET [/api]/users/{id:int}', 'POST /users =201'.
//          A new controller starts wherever the [prefix] changes (none: prefix '').
//          {id} a str param; {id|integer} typed (integer, number, string, uuid) but no convertor,
//          i.e. FastAPI's annotation; {id:int} a convertor (int, float, str, uuid, slug, path;
//          the type follows it); {id|integer:str} both; {rest:path} a catch-all.
// REQUEST: 'METHOD /raw/path?query', sent as is.
// --profile: fastapi, django-modern-rest, express (repeatable; default all three).
// --brief:   the frameworks' answers only, one line per request and framework, routes as #n.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const here = path.dirname(fileURLToPath(import.meta.url));
/** @type {typeof import('./differential.ts')} */
const differential = await tsImport(path.join(here, 'differential.ts'), import.meta.url);
/** @type {typeof import('../shared/testing/route-table-generator.ts')} */
const generator = await tsImport(path.join(here, '../shared/testing/route-table-generator.ts'), import.meta.url);

const { values, positionals } = parseArgs({ options: { profile: { type: 'string', multiple: true }, brief: { type: 'boolean', default: false } }, allowPositionals: true });
const separator = process.argv.indexOf('--');
if (separator < 0 || positionals.length === 0) {
  console.error("usage: node differential/probe.mjs [--profile P]... 'GET [/api]/users/{id:int}' ... -- 'GET /api/users/abc' ...");
  process.exit(2);
}
const requestCount = process.argv.length - separator - 1;
const routeSpecs = positionals.slice(0, positionals.length - requestCount);
const requests = positionals.slice(positionals.length - requestCount).map((spec) => {
  const match = /^([A-Za-z]+)\s+(\S+)$/.exec(spec);
  if (!match) throw new Error(`request ${JSON.stringify(spec)}: expected 'METHOD /path'`);
  return { method: /** @type {string} */ (match[1]).toUpperCase(), path: /** @type {string} */ (match[2]) };
});

const CONVERTOR_TYPES = /** @type {Record<string, string>} */ ({ int: 'integer', float: 'number', uuid: 'uuid' });
/** @type {{ name: string, prefix: string }[]} */
const controllers = [];
const routes = routeSpecs.map((spec) => {
  const match = /^([A-Za-z]+)\s+(?:\[([^\]]*)\])?(\S*)(?:\s+=(\d{3}))?$/.exec(spec);
  if (!match) throw new Error(`route ${JSON.stringify(spec)}: expected 'METHOD [prefix]/local/path =status'`);
  const [, method = '', prefix = '', template = '', status] = match;
  if (controllers.at(-1)?.prefix !== prefix || controllers.length === 0) controllers.push({ name: `C${controllers.length + 1}`, prefix });
  /** @type {{ name: string, type: any, convertor: string | null }[]} */
  const params = [];
  const localPath = template.replace(/\{([A-Za-z_]\w*)(?:\|(\w+))?(?::(\w+))?\}/g, (_, name, type, convertor) => {
    params.push({ name, type: type ?? CONVERTOR_TYPES[convertor] ?? 'string', convertor: convertor ?? null });
    return `{${name}}`;
  });
  return { controller: controllers.length - 1, method: method.toUpperCase(), localPath, params, defaultStatus: Number(status ?? 200) };
});

const profiles = values.profile ?? differential.HARNESS_PROFILES;
/** @type {Map<string, string[]>} request → one line per profile (--brief) */
const brief = new Map(requests.map((r) => [`${r.method} ${r.path}`, []]));
for (const profile of profiles) {
  if (!differential.isHarnessProfile(profile)) throw new Error(`no harness for ${profile}`);
  const document = generator.renderTable({ title: 'probe', profile, controllers, routes });
  const testCase = differential.caseFromDocument(profile, 0, document, requests);
  const [answers = []] = await differential.runHarness(profile, [testCase]);
  const framework = differential.HARNESSES[profile].framework;
  if (values.brief) {
    requests.forEach((request, i) => brief.get(`${request.method} ${request.path}`)?.push(`${framework.padEnd(8)} ${briefAnswer(answers[i], testCase.table)}`));
    continue;
  }
  console.log(`${profile}:`);
  console.log(differential.formatTable(testCase.table));
  requests.forEach((request, i) => {
    const answer = /** @type {import('./differential.ts').Answer} */ (answers[i]);
    const { answer: matcher } = differential.matcherAnswer(testCase, request);
    const kinds = differential.differences(answer, matcher);
    console.log(`  ${request.method} ${request.path}`);
    console.log(`    ${framework.padEnd(8)} ${differential.formatAnswer(answer, testCase.table)}`);
    console.log(`    ${'matcher'.padEnd(8)} ${kinds.length === 0 ? 'agrees' : `${differential.formatAnswer(matcher, testCase.table)}   (differs in: ${kinds.join(', ')})`}`);
  });
  console.log('');
}
if (values.brief) {
  for (const [request, lines] of brief) console.log(`${request}\n${lines.map((l) => `    ${l}`).join('\n')}`);
}

/**
 * @param {import('./differential.ts').Answer | undefined} answer
 * @param {import('../shared/testing/harness-table.ts').HarnessRoute[]} table
 */
function briefAnswer(answer, table) {
  if (!answer) return 'no answer';
  if (answer.error !== undefined) return `refused the table: ${answer.error}`;
  const parts = [String(answer.status)];
  if (answer.route !== null) parts.push(`#${table.findIndex((r) => r.id === answer.route) + 1} ${answer.route}`);
  if (answer.location !== null) parts.push(`Location: ${answer.location}`);
  if (answer.allow !== null) parts.push(`Allow: ${answer.allow}`);
  return parts.join('  ');
}
