// The mock server against real FastAPI, both over HTTP on 127.0.0.1 (DESIGN §2, §6; issue 4):
// generated route tables (the matcher's differential cases) are served by FastAPI apps behind
// uvicorn (fastapi_uvicorn_server.py) and by MockServer under the fastapi profile; every request goes
// to both as raw bytes of the same request target. Status, Location (path and query), Allow, the
// route that answered, and for 404, 405 and 422 the error body, must agree. The mock's 404 body may
// add `closestRoutes` and nothing else.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDocument } from '../shared/model/open-document';
import { MockServer } from '../src-main/services/mock-server.service';
import { buildCases, differences, formatTable, matcherAnswer, type Answer, type DifferentialCase } from './differential';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The matcher's differential seeds (matcher.differential.test.ts): the same tables, now over HTTP. */
const SEEDS = Array.from({ length: 100 }, (_, i) => i + 1);

interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request with the target exactly as given (no URL normalisation, unlike fetch). */
function send(agent: http.Agent, port: number, method: string, target: string): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: target, agent, headers: { accept: '*/*' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`${method} ${target}: no answer in 10 s`)));
    req.on('error', reject);
    req.end();
  });
}

/** `http://127.0.0.1:8000/a?b` → `/a?b`, as the matcher's differential compares it. */
function pathAndQuery(location: string | undefined): string | null {
  if (location === undefined) return null;
  const m = /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?\/\/[^/?#]*/.exec(location);
  return m ? location.slice(m[0].length) : location;
}

function header(h: http.IncomingHttpHeaders, name: string): string | null {
  const v = h[name];
  return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
}

let uvicorn: ChildProcessWithoutNullStreams | undefined;
let cases: DifferentialCase[] = [];
let ports: (number | null)[] = [];
let refused: (string | null)[] = [];

beforeAll(async () => {
  cases = buildCases('fastapi', SEEDS);
  const child = spawn('/usr/bin/python3', [path.join(HERE, 'fastapi_uvicorn_server.py')], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, PYTHONHASHSEED: '0' } });
  uvicorn = child;
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const ready = new Promise<{ ports: (number | null)[]; errors: (string | null)[] }>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.indexOf('\n');
      if (line >= 0) resolve(JSON.parse(out.slice(0, line)) as { ports: (number | null)[]; errors: (string | null)[] });
    });
    child.once('exit', (code) => reject(new Error(`uvicorn launcher exited with ${String(code)} before listening:\n${stderr.slice(-4000)}`)));
    child.once('error', reject);
  });
  // stdin stays open: the launcher stops when it closes.
  child.stdin.write(JSON.stringify({ cases: cases.map((c) => ({ routes: c.table })) }) + '\n');
  ({ ports, errors: refused } = await ready);
});

afterAll(async () => {
  if (!uvicorn || uvicorn.exitCode !== null) return;
  const exited = new Promise((resolve) => uvicorn?.once('exit', resolve));
  uvicorn.stdin.end();
  const kill = setTimeout(() => uvicorn?.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(kill);
});

interface Compared {
  testCase: DifferentialCase;
  request: DifferentialCase['requests'][number];
  real: HttpAnswer;
  ours: HttpAnswer;
  framework: Answer;
  mock: Answer;
  /** What matchRequest says without any HTTP in between. */
  matcher: Answer;
}

/** Sends every request of every case to FastAPI and to a MockServer for the case, one case at a time. */
async function compareAll(): Promise<Compared[]> {
  const out: Compared[] = [];
  for (const [i, testCase] of cases.entries()) {
    const fastapiPort = ports[i];
    if (typeof fastapiPort !== 'number') continue;
    const mock = new MockServer(openDocument(testCase.document), { port: 0, profile: 'fastapi' });
    const { port: mockPort } = await mock.start();
    const agents = [new http.Agent({ keepAlive: true, maxSockets: 1 }), new http.Agent({ keepAlive: true, maxSockets: 1 })] as const;
    try {
      for (const request of testCase.requests) {
        const real = await send(agents[0], fastapiPort, request.method, request.path);
        const ours = await send(agents[1], mockPort, request.method, request.path);
        const framework: Answer = { status: real.status, route: header(real.headers, 'x-route'), location: pathAndQuery(header(real.headers, 'location') ?? undefined), allow: header(real.headers, 'allow') };
        // The route the mock answered with is in its request log.
        const mockAnswer: Answer = { status: ours.status, route: mock.log.entries().at(-1)?.route ?? null, location: pathAndQuery(header(ours.headers, 'location') ?? undefined), allow: header(ours.headers, 'allow') };
        out.push({ testCase, request, real, ours, framework, mock: mockAnswer, matcher: matcherAnswer(testCase, request).answer });
      }
    } finally {
      for (const a of agents) a.destroy();
      await mock.stop();
    }
  }
  return out;
}

/** FastAPI names the route only where its handler or error handler ran (x-route). */
function routeComparable(framework: Answer, other: Answer): Answer {
  return framework.route === null ? { ...other, route: null } : other;
}

function report(c: Compared, kinds: string[], extra?: string): string {
  return [
    `── seed ${c.testCase.seed}: ${c.request.method} ${c.request.path}  differs in: ${kinds.join(', ')}`,
    `   FastAPI  ${c.real.status} route=${c.framework.route} location=${c.framework.location} allow=${c.framework.allow} body=${c.real.body.slice(0, 300)}`,
    `   mock     ${c.ours.status} route=${c.mock.route} location=${c.mock.location} allow=${c.mock.allow} body=${c.ours.body.slice(0, 300)}`,
    ...(extra ? [`   ${extra}`] : []),
    formatTable(c.testCase.table),
  ].join('\n');
}

describe('mock server (fastapi profile) vs FastAPI behind uvicorn, over HTTP', () => {
  let compared: Compared[] = [];

  beforeAll(async () => {
    compared = await compareAll();
  });

  test('FastAPI serves every generated table, and every request is compared', () => {
    expect(refused.filter((e) => e !== null)).toEqual([]);
    expect(ports.every((p) => typeof p === 'number')).toBe(true);
    expect(compared.length).toBe(cases.reduce((n, c) => n + c.requests.length, 0));
  });

  test('over HTTP the mock answers exactly what matchRequest says (no second matcher, nothing lost on the wire)', () => {
    const failures = compared.flatMap((c) => {
      const kinds = differences(c.matcher, c.mock);
      return kinds.length > 0 ? [report(c, kinds, `matchRequest: ${c.matcher.status} route=${c.matcher.route} location=${c.matcher.location} allow=${c.matcher.allow}`)] : [];
    });
    expect(failures.length, `${failures.length} of ${compared.length} requests differ from matchRequest:\n${failures.slice(0, 8).join('\n')}`).toBe(0);
  });

  test('every request gets the same status, Location, Allow, route and error body as from FastAPI', () => {
    let inherited = 0;
    const failures = compared.flatMap((c) => {
      const kinds: string[] = differences(c.framework, routeComparable(c.framework, c.mock));
      const bodyProblem = c.request.method === 'HEAD' ? null : errorBodyDifference(c.real, c.ours);
      if (bodyProblem) kinds.push('body');
      if (kinds.length === 0) return [];
      const matcherToo = differences(c.framework, routeComparable(c.framework, c.matcher)).length > 0;
      if (matcherToo) inherited++;
      return [report(c, kinds, [bodyProblem, matcherToo ? 'matchRequest itself disagrees with FastAPI here (differential/matcher.differential.test.ts)' : null].filter(Boolean).join('; '))];
    });
    expect(failures.length, `${failures.length} of ${compared.length} requests disagree (${inherited} of them because matchRequest does):\n${failures.slice(0, 8).join('\n')}`).toBe(0);
  });
});

/** For 404, 405 and 422: the same JSON body, except the 404's `closestRoutes`. */
function errorBodyDifference(real: HttpAnswer, ours: HttpAnswer): string | null {
  if (![404, 405, 422].includes(real.status) || real.status !== ours.status) return null;
  if (header(ours.headers, 'content-type') !== header(real.headers, 'content-type')) return `content-type ${header(real.headers, 'content-type')} vs ${header(ours.headers, 'content-type')}`;
  let theirs: unknown;
  let mine: unknown;
  try {
    theirs = JSON.parse(real.body);
    mine = JSON.parse(ours.body);
  } catch {
    return 'a body is not JSON';
  }
  if (real.status === 404 && typeof mine === 'object' && mine !== null) {
    const { closestRoutes, ...rest } = mine as Record<string, unknown>;
    if (!Array.isArray(closestRoutes)) return '404 without closestRoutes';
    mine = rest;
  }
  return JSON.stringify(mine) === JSON.stringify(theirs) ? null : `body ${JSON.stringify(theirs)} vs ${JSON.stringify(mine)}`;
}
