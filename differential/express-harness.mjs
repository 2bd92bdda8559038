#!/usr/bin/env node
// Runs route tables through a real Express 5 app and prints what it answers. Same protocol as
// fastapi_harness.py:
//   stdin:  {"cases": [{"routes": [HarnessRoute...], "requests": [{"method", "path"}...]}]}
//   stdout: {"cases": [[{"status", "route", "location", "allow"}...]...]}
//
// One app per case: one express.Router() per controller mounted with app.use(prefix, router), in
// declaration order; `{x}` becomes `:x`, a catch-all (convertor `path`) the Express 5 wildcard
// `*x`. Express has no types: the schema type changes nothing. The route that answered comes from
// an `x-route` header the handler sets (HEAD and 204 have no body).
//
// Each app listens on 127.0.0.1, port 0, and gets the requests through node:http with the raw
// path as the request target, so `//a`, `..` and `%2F` reach Express untouched.

import express from 'express';
import http from 'node:http';

const TEMPLATE_PARAM = /\{([^{}]+)\}/g;

/** @param {{ localPath: string, params: { name: string, convertor: string | null }[] }} route */
function expressPath(route) {
  const params = new Map(route.params.map((p) => [p.name, p]));
  return route.localPath.replace(TEMPLATE_PARAM, (_, name) => (params.get(name)?.convertor === 'path' ? `*${name}` : `:${name}`));
}

/** @param {any[]} routes */
function buildApp(routes) {
  const app = express();
  // Only silences finalhandler's stack traces for the 400s of undecodable params (`%E9`).
  app.set('env', 'test');
  /** @type {{ key: string, prefix: string, router: import('express').Router }[]} */
  const routers = [];
  for (const route of routes) {
    const key = `${route.controller}\u0000${route.prefix}`;
    if (routers.at(-1)?.key !== key) routers.push({ key, prefix: route.prefix, router: express.Router() });
    const { router } = /** @type {{ router: any }} */ (routers.at(-1));
    router[route.method.toLowerCase()](expressPath(route), (/** @type {any} */ req, /** @type {any} */ res) => {
      res.set('x-route', route.id).status(route.defaultStatus).json({ route: route.id });
    });
  }
  for (const { prefix, router } of routers) {
    if (prefix === '') app.use(router);
    else app.use(prefix, router);
  }
  return app;
}

/** `http://127.0.0.1:1234/a?b` → `/a?b`; a relative Location stays as it is. */
function pathAndQuery(/** @type {string | undefined} */ location) {
  if (location === undefined) return null;
  const match = /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?\/\/[^/?#]*/.exec(location);
  return match ? location.slice(match[0].length) : location;
}

/**
 * @param {http.Agent} agent
 * @param {number} port
 * @param {{ method: string, path: string }} request
 */
function send(agent, port, request) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: request.method, path: request.path, agent }, (res) => {
      res.resume();
      res.on('end', () => {
        const header = (/** @type {string} */ name) => {
          const value = res.headers[name];
          return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        };
        resolve({ status: res.statusCode, route: header('x-route'), location: pathAndQuery(header('location') ?? undefined), allow: header('allow') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** @param {{ routes: any[], requests: { method: string, path: string }[] }} testCase */
async function runCase(testCase) {
  let app;
  try {
    app = buildApp(testCase.routes);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return testCase.requests.map(() => ({ status: null, route: null, location: null, allow: null, error: message }));
  }
  const server = http.createServer(app);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const answers = [];
    for (const request of testCase.requests) answers.push(await send(agent, port, request));
    return answers;
  } finally {
    agent.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(() => resolve(undefined)));
  }
}

async function main() {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const { cases } = JSON.parse(input);
  const results = [];
  for (const testCase of cases) results.push(await runCase(testCase));
  process.stdout.write(`${JSON.stringify({ cases: results })}\n`);
}

await main();
