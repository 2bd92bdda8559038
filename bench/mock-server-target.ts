// A server for mock-server.bench.ts to load, in its own process so the load generator does not
// share its event loop:
//   node --import tsx bench/mock-server-target.ts mock FILE   the Routecraft mock server on FILE
//   node --import tsx bench/mock-server-target.ts bare        node:http answering a fixed JSON body
// Prints one JSON line {port, listeningMs, rss} once listening (listeningMs: from reading FILE to
// listening, in this process); answers each "rss" line on stdin with {rss} and each "cpu" line with
// {cpu} (microseconds of CPU used so far); exits when stdin closes.
import fs from 'node:fs';
import http from 'node:http';
import readline from 'node:readline';
import { openDocument } from '../shared/model/open-document';
import { MockServer } from '../src-main/services/mock-server.service';

const [kind, file] = process.argv.slice(2);
const started = performance.now();
let port: number;
let stop: () => Promise<void>;

if (kind === 'mock' && file) {
  const server = new MockServer(openDocument(fs.readFileSync(file, 'utf8'), { fileName: file }), { port: 0 });
  server.detachDocument();
  port = (await server.start()).port;
  stop = () => server.stop();
} else if (kind === 'bare') {
  const body = JSON.stringify({ id: 1, name: 'fixed' });
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  stop = () => new Promise((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
} else {
  process.stderr.write('usage: mock-server-target.ts mock FILE | bare\n');
  process.exit(2);
}

process.stdout.write(`${JSON.stringify({ port, listeningMs: performance.now() - started, rss: process.memoryUsage().rss })}\n`);
const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line.trim() === 'rss') process.stdout.write(`${JSON.stringify({ rss: process.memoryUsage().rss })}\n`);
  if (line.trim() === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.stdout.write(`${JSON.stringify({ cpu: user + system })}\n`);
  }
});
lines.on('close', () => {
  void stop().then(() => process.exit(0));
});
