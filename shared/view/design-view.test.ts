import fs from 'node:fs';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../model/diagnostic';
import type { EditIntent } from '../edit/edit-intent';
import { openDocument } from '../model/open-document';
import { applyIntent } from '../edit/apply-intent';
import { runRules } from '../rules/run-rules';
import { syntheticApi } from '../testing/synthetic-api';
import { buildDesignView, extraProblems, withExtraProblems } from './design-view';

const doc = openDocument(fs.readFileSync('fixtures/openapi/users-api.yaml', 'utf8'), { fileName: 'api.yaml' });
const diagnostics = [...doc.diagnostics, ...runRules(doc)];
const view = buildDesignView({ sessionId: 's', revision: 3, readable: true }, doc.model, diagnostics);

describe('the design view', () => {
  it('has a row per route in declaration order, with its problems counted on it and its controller', () => {
    expect(view.routes.map((r) => r.key)).toEqual(doc.model.routes.map((r) => r.key));
    expect(view.routes.map((r) => r.index)).toEqual(doc.model.routes.map((_, i) => i + 1));
    const shadowed = diagnostics.filter((d) => d.rule === 'route/shadowed');
    expect(shadowed.length).toBeGreaterThan(0);
    const key = shadowed[0]?.target.routeKey as string;
    const row = view.routes.find((r) => r.key === key);
    expect(row?.problems.error).toBeGreaterThan(0);
    const controller = view.controllers.find((c) => c.name === row?.controller);
    expect(controller?.problems.error).toBeGreaterThanOrEqual(row?.problems.error ?? 0);
    expect(view.counts.error + view.counts.warning + view.counts.info).toBe(diagnostics.length);
    expect(new Set(view.problems.map((p) => p.id)).size).toBe(view.problems.length);
    // Each route's text range, for the code view.
    for (const i of view.routes.keys()) {
      expect(view.routeRanges[2 * i]).toBe(doc.model.routes[i]?.range.start.offset);
      expect(view.routeRanges[2 * i + 1]).toBe(doc.model.routes[i]?.range.end.offset);
    }
  });

  it("lists each route's offsets as read afresh after edits that only moved it, JSON and YAML", () => {
    const json = syntheticApi(40);
    for (const [text, fileName] of [
      [json, 'api.json'],
      [stringify(JSON.parse(json)), 'api.yaml'],
    ] as const) {
      let current = openDocument(text, { fileName });
      // Renames near the top move every route after them; the view reads offsets before anything
      // else asks a route for its range.
      for (const [i, at] of [0, 0, 7, 0, 39, 3].entries()) {
        const route = current.model.routes[at];
        if (!route) throw new Error(`no route ${at}`);
        current = applyIntent(current, { op: 'updateRoute', route: route.key, path: `${route.path}x${i}` }).document;
        const offsets = buildDesignView({ sessionId: 's', revision: i, readable: true }, current.model, []).routeRanges;
        const fresh = openDocument(current.source.text, { fileName }).model.routes;
        expect([...offsets]).toEqual(fresh.flatMap((r) => [r.range.start.offset, r.range.end.offset]));
        expect(current.model.routes.map((r) => r.range)).toEqual(fresh.map((r) => r.range));
      }
    }
  });

  it('joins findings from elsewhere into the same list, counts and badges', () => {
    const route = view.routes[0];
    if (!route) throw new Error('no route');
    const extra: Diagnostic[] = [
      { rule: 'redocly/operation-summary', severity: 'warning', message: 'Operation object should contain `summary` field.', target: { pointer: '/paths/x', routeKey: route.key } },
      { rule: 'redocly/info-license', severity: 'warning', message: 'Info object should contain `license` field.', target: { pointer: '/info' } },
    ];
    const joined = withExtraProblems(view, extra);
    expect(joined.problems.length).toBe(view.problems.length + 2);
    expect(joined.counts.warning).toBe(view.counts.warning + 2);
    expect(joined.routes[0]?.problems.warning).toBe(route.problems.warning + 1);
    expect(joined.routes[1]).toBe(view.routes[1]); // untouched rows are the same objects
    const controller = joined.controllers.find((c) => c.name === (route.controller ?? ''));
    const before = view.controllers.find((c) => c.name === (route.controller ?? ''));
    expect(controller?.problems.warning).toBe((before?.problems.warning ?? 0) + 1);
    expect(withExtraProblems(view, [])).toBe(view);
  });

  it('joins findings counted once into each view that follows, as joining them afresh would', () => {
    const [first, second] = view.routes;
    if (!first || !second) throw new Error('too few routes');
    const shadowed = view.problems.find((p) => p.rule === 'route/shadowed');
    if (!shadowed) throw new Error('no finding to collide with');
    const extra: Diagnostic[] = [
      { rule: 'redocly/operation-summary', severity: 'warning', message: 'No summary.', target: { pointer: first.key, routeKey: first.key } },
      { rule: 'redocly/operation-summary', severity: 'warning', message: 'No summary.', target: { pointer: first.key, routeKey: first.key } },
      { rule: 'redocly/operation-4xx', severity: 'warning', message: 'No 4xx.', target: { pointer: '/x', routeKey: second.key } },
    ];
    const prepared = extraProblems(extra);
    const joined = withExtraProblems(view, prepared);
    expect(joined).toEqual(withExtraProblems(view, extra));
    // The next view (an edit changed the first row only): the other rows stay the objects they were.
    const next = { ...view, routes: [{ ...first, path: `${first.path}x` }, ...view.routes.slice(1)] };
    const again = withExtraProblems(next, prepared);
    expect(again).toEqual(withExtraProblems(next, extra));
    expect(again.routes[1]).toBe(joined.routes[1]);
    expect(again.routes[0]?.path).toBe(`${first.path}x`);
    // A finding with the id of one of the view's own is numbered after it, as a fresh join numbers it.
    const clash: Diagnostic[] = [{ ...shadowed, message: 'the same rule on the same element, from elsewhere' }];
    const clashed = withExtraProblems(view, extraProblems(clash));
    expect(clashed).toEqual(withExtraProblems(view, clash));
    expect(new Set(clashed.problems.map((p) => p.id)).size).toBe(clashed.problems.length);
    expect(clashed.problems.at(-1)?.id.startsWith(`${shadowed.id}#`)).toBe(true);
  });

  it('keeps the rows of routes an edit only moved, and makes the same view as from scratch', () => {
    let json = openDocument(fs.readFileSync('fixtures/openapi/users-api.json', 'utf8'), { fileName: 'api.json' });
    const first = buildDesignView({ sessionId: 's', revision: 0, readable: true }, json.model, [...json.diagnostics, ...runRules(json)]);
    const previous = { routes: json.model.routes, rows: first.routes };
    const renamed = json.model.routes[1];
    if (!renamed) throw new Error('too few routes');
    json = applyIntent(json, { op: 'updateRoute', route: renamed.key, path: `${renamed.path}x` }).document;
    const diagnostics = [...json.diagnostics, ...runRules(json)];
    const kept = buildDesignView({ sessionId: 's', revision: 1, readable: true }, json.model, diagnostics, previous);
    expect(kept).toEqual(buildDesignView({ sessionId: 's', revision: 1, readable: true }, json.model, diagnostics));
    // Routes after the renamed one moved in the text (their ranges are copies): their rows stay.
    const reused = kept.routes.filter((row, i) => row === first.routes[i]);
    expect(reused.length).toBeGreaterThan(0);
    expect(kept.routes.find((r) => r.path === `${renamed.path}x`)).not.toBe(first.routes[1]);
  });

  it('gives each route an id that stays through renames and moves, and a new one to a new route', () => {
    let doc = openDocument(fs.readFileSync('fixtures/openapi/users-api.json', 'utf8'), { fileName: 'api.json' });
    let view = buildDesignView({ sessionId: 's', revision: 0, readable: true }, doc.model, []);
    const idOf = (v: typeof view, operationId: string | undefined) => v.routes.find((r) => r.operationId === operationId)?.id;
    expect(doc.model.routes.every((r) => r.operationId !== undefined)).toBe(true);
    const step = (intent: EditIntent) => {
      const before = view;
      const routes = doc.model.routes;
      doc = applyIntent(doc, intent).document;
      view = buildDesignView({ sessionId: 's', revision: before.revision + 1, readable: true }, doc.model, [], { routes, rows: before.routes });
      expect(new Set(view.routes.map((r) => r.id)).size).toBe(view.routes.length);
      return before;
    };
    const [a, b] = doc.model.routes;
    if (!a || !b) throw new Error('too few routes');
    let before = step({ op: 'updateRoute', route: b.key, path: `${b.path}x` });
    expect(idOf(view, b.operationId)).toBe(idOf(before, b.operationId));
    before = step({ op: 'moveRoute', route: `${b.method.toUpperCase()} ${b.path}x`, to: 0 });
    expect(view.routes[0]?.operationId).toBe(b.operationId);
    for (const r of before.routes) expect(idOf(view, r.operationId)).toBe(r.id);
    before = step({ op: 'addRoute', method: 'get', path: '/brand-new', operationId: 'brandNew', index: 1 });
    expect(idOf(view, 'brandNew')).toBeGreaterThan(Math.max(...before.routes.map((r) => r.id)));
    for (const r of before.routes) expect(idOf(view, r.operationId)).toBe(r.id);
    before = step({ op: 'deleteRoute', route: a.key });
    for (const r of view.routes) expect(r.id).toBe(before.routes.find((o) => o.operationId === r.operationId)?.id);
  });
});
