// The live mock server under load (issue 4): throughput and p50/p99 latency at 10, 1,000 and 10,000
// routes (syntheticApi), for the first- and the last-declared route, next to a bare node:http server
// answering a fixed JSON body and to Stoplight Prism on the same document, all in this run; then the
// time to listening at 1,000 routes and the resident memory at 10,000 routes.
//
//   npm run bench -- mock-server            (BENCH_SECONDS=N per measurement, default 5)
//   ROUTECRAFT_OUT=DIR npm run bench -- mock-server   the CLI built into DIR (electron-vite --outDir DIR)
//
// Loopback only. Each server runs in its own process (bench/mock-server-target.ts) and autocannon
// loads it from this one, so on a 2-core machine each has a core. Prism comes from the npm registry
// through `npm exec` (cached after the first run); figures for it are skipped, with the reason, if
// it cannot start.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openDocument } from '../shared/model/open-document';
import { syntheticApi } from '../shared/testing/synthetic-api';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(HERE);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const SIZES = [10, 1000, 10_000];
const PRISM = '@stoplight/prism-cli@5.16.0';
/** A build elsewhere than out/ (a private one, beside someone else's): its CLI is run directly, not through bin/. */
const OUT = process.env.ROUTECRAFT_OUT ? path.resolve(process.env.ROUTECRAFT_OUT) : undefined;

interface Target {
  port: number;
  listeningMs: number;
  rss(): Promise<number>;
  /** CPU microseconds the server process has used, when it can tell. */
  cpu(): Promise<number | undefined>;
  stop(): Promise<void>;
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  /** Server CPU per request, in microseconds: independent of how busy the machine is. */
  cpuPerRequest: number | undefined;
  bad: number;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-mock-bench-'));
const rows: string[][] = [['routes', 'server', 'route', 'req/s', 'p50 ms', 'p99 ms', 'mean ms', 'CPU µs/req', 'non-2xx/errors']];
const notes: string[] = [];

function documentFile(n: number): { file: string; first: Req; last: Req } {
  const text = syntheticApi(n);
  const file = path.join(dir, `api-${n}.json`);
  fs.writeFileSync(file, text);
  const routes = openDocument(text).model.routes;
  const req = (r: (typeof routes)[number]): Req => ({ method: r.method.toUpperCase(), path: r.path.replace(/\{[^}]+\}/g, '1'), key: `#${routes.indexOf(r) + 1} ${r.key}` });
  const first = routes[0] as (typeof routes)[number];
  // The last-declared route that answers like the first (same method, status and body), so the
  // two differ only in where they are in the table.
  const last = routes.findLast((r) => r.method === first.method && r.path.split('/').length === first.path.split('/').length && r.defaultStatus === first.defaultStatus) ?? first;
  return { file, first: req(first), last: req(last) };
}

interface Req {
  method: string;
  path: string;
  key: string;
}

async function startTarget(args: string[]): Promise<Target> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'mock-server-target.ts'), ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout });
  const next = () => new Promise<Record<string, number>>((resolve, reject) => {
    lines.once('line', (l) => resolve(JSON.parse(l) as Record<string, number>));
    child.once('exit', (code) => reject(new Error(`target ${args.join(' ')} exited with ${String(code)}`)));
  });
  const ready = await next();
  return {
    port: ready.port as number,
    listeningMs: ready.listeningMs as number,
    async rss() {
      child.stdin.write('rss\n');
      return (await next()).rss as number;
    },
    async cpu() {
      child.stdin.write('cpu\n');
      return (await next()).cpu;
    },
    stop: () => stopChild(child, () => child.stdin.end()),
  };
}

/** `routecraft mock FILE --port 0 --log off` from the build (out/main/cli.js): the product as users run it. */
async function startCli(file: string): Promise<Target> {
  const started = performance.now();
  const entry = OUT ? path.join(OUT, 'main/cli.js') : path.join(ROOT, 'bin/routecraft.mjs');
  const child = spawn(process.execPath, [entry, 'mock', file, '--port', '0', '--log', 'off'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`routecraft mock exited with ${String(code)}: ${out}`)));
  });
  const listeningMs = performance.now() - started;
  const pid = child.pid as number;
  return {
    port,
    listeningMs,
    rss: async () => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) * 1024,
    async cpu() {
      // utime and stime, fields 14 and 15 of /proc/PID/stat, in clock ticks (USER_HZ, 100 on Linux).
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) * 10_000;
    },
    stop: () => stopChild(child, () => child.kill('SIGTERM')),
  };
}

async function startPrism(file: string): Promise<Target> {
  const port = await freePort();
  // A process group of its own: `npm exec` starts Prism as its child, and both must go at the end.
  // `-v error`: Prism logs every request at info level, which would slow it down.
  const child = spawn('npm', ['exec', '--yes', `--package=${PRISM}`, '--', 'prism', 'mock', '-p', String(port), '-h', '127.0.0.1', '-v', 'error', file], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const started = performance.now();
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const stop = () => stopChild(child, () => process.kill(-(child.pid as number), 'SIGTERM'));
  // Prism says nothing at `-v error` once listening: ask until it answers.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Prism exited with ${String(child.exitCode)}:\n${output.replace(/npm warn.*\n/g, '').slice(-2000)}`);
    if (performance.now() - started > 120_000) {
      await stop();
      throw new Error(`Prism did not answer within 120 s:\n${output.replace(/npm warn.*\n/g, '').slice(-2000)}`);
    }
    const up = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { port, listeningMs: performance.now() - started, rss: async () => 0, cpu: async () => undefined, stop };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function stopChild(child: ChildProcess, ask: () => void): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    ask();
  });
}

async function load(target: Target, req: Req, seconds = SECONDS): Promise<Load> {
  const url = `http://127.0.0.1:${target.port}${req.path}`;
  // A warm-up, so the JIT and the connections are ready before measuring.
  await autocannon({ url, method: req.method as autocannon.Request['method'], connections: CONNECTIONS, duration: 2 });
  const cpuBefore = await target.cpu();
  const r = await autocannon({ url, method: req.method as autocannon.Request['method'], connections: CONNECTIONS, duration: seconds });
  const cpuAfter = await target.cpu();
  const cpuPerRequest = cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / r.requests.total : undefined;
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, mean: r.latency.average, cpuPerRequest, bad: r.non2xx + r.errors + r.timeouts };
}

function median(loads: Load[]): Load {
  return [...loads].sort((a, b) => a.rps - b.rps)[Math.floor(loads.length / 2)] as Load;
}

function row(routes: number | string, server: string, route: string, l: Load): void {
  rows.push([String(routes), server, route, Math.round(l.rps).toLocaleString('en-US'), String(l.p50), String(l.p99), l.mean.toFixed(2), l.cpuPerRequest === undefined ? '-' : l.cpuPerRequest.toFixed(0), String(l.bad)]);
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

console.log(`node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(2)}; ${CONNECTIONS} connections, ${SECONDS} s per measurement (after 2 s of warm-up), loopback; latencies from autocannon (whole milliseconds)`);

// Kept running: at 1,000 routes it is measured in turns with the mock, so both see the same machine.
const bare = await startTarget(['bare']);
const BARE_REQ: Req = { method: 'GET', path: '/', key: 'GET /' };
let bareLoad = await load(bare, BARE_REQ);

const results = new Map<string, Load>();
let prismReason: string | undefined;
let rss10k: { start: number; during: number; after: number } | undefined;
let listening1k = 0;
const built = path.join(OUT ?? path.join(ROOT, 'out'), 'main/cli.js');
// The CLI loads each command from a chunk of its own (out/main/chunks/mock-command-*.js).
const chunks = path.join(path.dirname(built), 'chunks');
const useCli = fs.existsSync(built) && fs.existsSync(chunks) && fs.readdirSync(chunks).some((f) => f.startsWith('mock-command') && fs.readFileSync(path.join(chunks, f), 'utf8').includes('--log must be text, json or off'));
console.log(useCli ? `routecraft mock: the built CLI (${path.relative(ROOT, built)}), --log off` : 'routecraft mock: not built (npm run build), so run from source through tsx, which is slower');
for (const n of SIZES) {
  const { file, first, last } = documentFile(n);
  const mock = useCli ? await startCli(file) : await startTarget(['mock', file]);
  if (n === 1000) listening1k = mock.listeningMs;
  // Read once the server has settled: the CLI collects the parse's garbage right after listening.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssStart = await mock.rss();
  if (n === 1000) {
    // The ratio to bare node:http: three turns each, medians (the machine may be busy).
    const mocks: Load[] = [];
    const bares: Load[] = [bareLoad];
    for (let turn = 0; turn < 3; turn++) {
      mocks.push(await load(mock, first));
      if (turn < 2) bares.push(await load(bare, BARE_REQ));
    }
    bareLoad = median(bares);
    row('-', 'node:http, fixed JSON', 'median of 3 turns', bareLoad);
    results.set('1000 first', median(mocks));
    row(n, 'routecraft mock', `first: ${first.key} (median of 3 turns)`, median(mocks));
  } else if (n === 10_000) {
    // First and last in turns, medians: measured one after the other, the pair compared the
    // machine's load at two moments as much as the routes (one run read 145% for equal costs).
    const firsts: Load[] = [];
    const lasts: Load[] = [];
    for (let turn = 0; turn < 3; turn++) {
      firsts.push(await load(mock, first));
      lasts.push(await load(mock, last));
    }
    results.set(`${n} first`, median(firsts));
    row(n, 'routecraft mock', `first: ${first.key} (median of 3 turns)`, median(firsts));
    results.set(`${n} last`, median(lasts));
    row(n, 'routecraft mock', `last: ${last.key} (median of 3 turns)`, median(lasts));
  } else {
    const l = await load(mock, first);
    results.set(`${n} first`, l);
    row(n, 'routecraft mock', `first: ${first.key}`, l);
  }
  if (n !== 10_000) {
    const l = await load(mock, last);
    results.set(`${n} last`, l);
    row(n, 'routecraft mock', `last: ${last.key}`, l);
  }
  if (n === 10_000) {
    const during = await mock.rss();
    // And once idle: the CLI gives back what a burst of requests grew after 2 s without requests.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    rss10k = { start: rssStart, during, after: await mock.rss() };
  }
  await mock.stop();

  if (prismReason === undefined && n <= 1000) {
    try {
      const prism = await startPrism(file);
      const l = await load(prism, first);
      results.set(`${n} prism`, l);
      row(n, 'Stoplight Prism 5.16.0', `first: ${first.key}`, l);
      if (n === 1000) notes.push(`Prism listening after ${(prism.listeningMs / 1000).toFixed(1)} s at 1,000 routes (npm exec included)`);
      await prism.stop();
    } catch (e) {
      prismReason = e instanceof Error ? e.message : String(e);
    }
  }
}

await bare.stop();

// The command a user runs: the built CLI, from process start to the "listening on" line.
let cliMs: number | undefined;
if (useCli) {
  const { file } = documentFile(1000);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const cli = await startCli(file);
    times.push(cli.listeningMs);
    await cli.stop();
  }
  cliMs = times.sort((a, b) => a - b)[2];
}

const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
for (const r of rows) console.log(r.map((c, i) => (i >= 3 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  '));
console.log('');
const get = (k: string) => results.get(k)?.rps ?? NaN;
const cpu = (k: string) => results.get(k)?.cpuPerRequest ?? NaN;
console.log(`mock / bare node:http at 1,000 routes (first route): ${((get('1000 first') / bareLoad.rps) * 100).toFixed(0)}% of the throughput; server CPU per request ${cpu('1000 first').toFixed(0)} µs vs ${(bareLoad.cpuPerRequest ?? NaN).toFixed(0)} µs, i.e. ${(((bareLoad.cpuPerRequest ?? NaN) / cpu('1000 first')) * 100).toFixed(0)}% of bare's requests per CPU second (goal ≥ 50%)`);
console.log(`last / first route at 10,000 routes: ${((get('10000 last') / get('10000 first')) * 100).toFixed(0)}% of the throughput, CPU per request ${cpu('10000 last').toFixed(0)} µs vs ${cpu('10000 first').toFixed(0)} µs (goal within 10%)`);
if (prismReason === undefined) console.log(`mock / Prism at 1,000 routes (first route): ${(get('1000 first') / get('1000 prism')).toFixed(1)}× (goal ≥ 20×)`);
else console.log(`Prism: not measured: ${prismReason}`);
console.log(`time to listening at 1,000 routes: ${cliMs !== undefined ? `${cliMs.toFixed(0)} ms for \`routecraft mock\` from process start to "listening on" (built CLI, median of 5)` : `${listening1k.toFixed(0)} ms in the server process (read, parse, model, routing table, listen; tsx)`} (goal ≤ 300 ms)`);
if (rss10k) console.log(`RSS at 10,000 routes: ${mb(rss10k.start)} after start, ${mb(rss10k.during)} right after the load runs, ${mb(rss10k.after)} 3 s later, idle (goal < 150 MB)`);
for (const n of notes) console.log(n);
fs.rmSync(dir, { recursive: true, force: true });
