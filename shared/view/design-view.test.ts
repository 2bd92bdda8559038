import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../model/diagnostic';
import { openDocument } from '../model/open-document';
import { runRules } from '../rules/run-rules';
import { buildDesignView, withExtraProblems } from './design-view';

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
});
