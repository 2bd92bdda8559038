import { describe, expect, test } from 'vitest';
import { DocumentSession } from '../document-session';
import type { EditIntent } from '../edit/edit-intent';
import type { Diagnostic } from '../model/diagnostic';
import type { ProfileId } from '../model/x-routecraft';
import { getProfile } from '../profiles/profiles';
import { RULES } from './registry';
import type { Rule } from './rule';
import { RULE_FAILED, runRules, type RunRulesOptions } from './run-rules';
import { Validator } from './validator';

const api = (paths: string, extra = '') => `openapi: 3.1.0\ninfo: {title: t, version: '1'}\n${extra}paths:\n${paths}`;
const op = (method: string, extra = '') => `    ${method}:\n${extra}      responses:\n        '200': {description: OK}\n`;
const item = (path: string, ...ops: string[]) => `  ${path}:\n${ops.join('')}`;
const idParam = (name: string) => `      parameters:\n        - {name: ${name}, in: path, required: true, schema: {type: string}}\n`;

/** A session and a Validator following it; every run is checked against a full run. */
function follow(text: string, options: RunRulesOptions = {}) {
  const session = new DocumentSession(text, { fileName: 'api.yaml' });
  const validator = new Validator(options);
  const check = () => {
    const found = validator.run(session.document);
    expect(found).toStrictEqual(runRules(session.document, options));
    return found;
  };
  return {
    session,
    check,
    apply: (intent: EditIntent) => {
      session.apply(intent);
      return check();
    },
  };
}

const rules = (found: Diagnostic[]) => found.map((d) => `${d.rule} ${d.target.routeKey ?? ''}`);
const shadowing = (found: Diagnostic[]) => found.filter((d) => d.rule === 'route/shadowed').map((d) => d.message);

describe('Validator: the shadowing analysis follows edits', () => {
  const text = api(item('/users/{user_id}', op('get', idParam('user_id'))) + item('/items/me', op('get')) + item('/orders', op('get')));

  test('a route renamed so that an earlier route now takes its requests', () => {
    const v = follow(text);
    expect(shadowing(v.check())).toEqual([]);
    const found = v.apply({ op: 'updateRoute', route: 'GET /items/me', path: '/users/me' });
    expect(shadowing(found)).toEqual(['`GET /users/{user_id}` (#1) takes every request of `GET /users/me` (#2); move #2 above #1. `GET /users/me` goes to #1.']);
  });

  test('the earlier route renamed away: the later one is reachable again', () => {
    const v = follow(text);
    v.apply({ op: 'updateRoute', route: 'GET /items/me', path: '/users/me' });
    const found = v.apply({ op: 'updateRoute', route: 'GET /users/{user_id}', path: '/people/{user_id}' });
    expect(shadowing(found)).toEqual([]);
  });

  test('a route moved above the route that took its requests, and back', () => {
    const v = follow(text);
    v.apply({ op: 'updateRoute', route: 'GET /items/me', path: '/users/me' });
    expect(shadowing(v.apply({ op: 'moveRoute', route: 'GET /users/me', to: 0 }))).toEqual([]);
    expect(shadowing(v.apply({ op: 'moveRoute', route: 'GET /users/me', to: 2 }))).toEqual(['`GET /users/{user_id}` (#1) takes every request of `GET /users/me` (#3); move #3 above #1. `GET /users/me` goes to #1.']);
  });

  test('a route added and deleted between the two renumbers the message', () => {
    const v = follow(text);
    v.apply({ op: 'updateRoute', route: 'GET /items/me', path: '/users/me' });
    expect(shadowing(v.apply({ op: 'addRoute', method: 'get', path: '/health', controller: null, index: 0 }))).toEqual([
      '`GET /users/{user_id}` (#2) takes every request of `GET /users/me` (#3); move #3 above #2. `GET /users/me` goes to #2.',
    ]);
    expect(shadowing(v.apply({ op: 'deleteRoute', route: 'GET /health' }))).toHaveLength(1);
  });
});

describe('Validator: what the document says beyond one route', () => {
  test('the profile changed in x-routecraft: everything is judged anew', () => {
    const v = follow(api(item('/users', op('get')) + item('/Users', op('get'))));
    expect(v.check().map((d) => [d.rule, d.severity])).toEqual([['route/case-collision', 'warning']]);
    expect(v.apply({ op: 'setProfile', profile: 'express' }).map((d) => [d.rule, d.severity])).toEqual([['route/case-collision', 'error']]);
    expect(v.apply({ op: 'setProfile', profile: 'fastapi' }).map((d) => [d.rule, d.severity])).toEqual([['route/case-collision', 'warning']]);
  });

  test('under a profile given as an option, the document’s own does not matter', () => {
    const options = { profile: getProfile('express' satisfies ProfileId) };
    const v = follow(api(item('/users', op('get')) + item('/Users', op('get'))), options);
    expect(v.check().map((d) => d.severity)).toEqual(['error']);
    expect(v.apply({ op: 'setProfile', profile: 'django-modern-rest' }).map((d) => d.severity)).toEqual(['error']);
  });

  test('an operationId repeated by an edit elsewhere, and made unique again', () => {
    const v = follow(api(item('/a', op('get', '      operationId: list\n')) + item('/b', op('get', '      operationId: other\n'))));
    expect(rules(v.apply({ op: 'updateRoute', route: 'GET /b', operationId: 'list' }))).toEqual(['operation/duplicate-operation-id GET /b']);
    expect(v.apply({ op: 'updateRoute', route: 'GET /a', operationId: 'first' })).toEqual([]);
  });

  test('an edit above a finding moves its range, lines included', () => {
    const v = follow(api(item('/a', op('get')) + item('/b', `    get:\n      responses:\n        '302': {description: Moved}\n`)));
    const before = v.check();
    expect(rules(before)).toEqual(['response/redirect-missing-location GET /b']);
    const after = v.apply({ op: 'addResponse', route: 'GET /a', status: '404', response: { description: 'Not found' } });
    expect(after[0]?.target.range?.start.line).toBeGreaterThan(before[0]?.target.range?.start.line ?? Infinity);
  });

  test('a document that stops reading and reads again', () => {
    const v = follow(api(item('/users/{user_id}', op('get', idParam('user_id'))) + item('/users/me', op('get'))));
    expect(shadowing(v.check())).toHaveLength(1);
    const text = v.session.text;
    v.session.applyText([{ offset: text.length, length: 0, text: '\n{[' }]);
    expect(v.check()).toEqual([]);
    v.session.applyText([{ offset: text.length, length: 3, text: '' }]);
    expect(shadowing(v.check())).toHaveLength(1);
    // And an edit after that is still followed.
    expect(shadowing(v.apply({ op: 'moveRoute', route: 'GET /users/me', to: 0 }))).toEqual([]);
  });

  test('typing in the code view and undoing it', () => {
    const v = follow(api(item('/users/{user_id}', op('get', idParam('user_id'))) + item('/users/me', op('get'))));
    const text = v.session.text;
    const at = text.indexOf('/users/me');
    v.session.applyText([{ offset: at, length: '/users/me'.length, text: '/usersme' }]);
    expect(shadowing(v.check())).toEqual([]);
    v.session.undo();
    expect(shadowing(v.check())).toHaveLength(1);
  });
});

describe('Validator: rules of its caller', () => {
  test('a rule reading the model directly, and one that throws, behave as in runRules', () => {
    const counting: Rule = {
      id: 'test/count',
      severity: 'info',
      description: 'Counts routes.',
      check: (ctx) => [{ rule: 'test/count', severity: 'info', message: `${ctx.model.routes.length} routes`, target: { pointer: '' } }],
    };
    const broken: Rule = {
      id: 'test/broken',
      severity: 'error',
      description: 'Throws.',
      check: () => {
        throw new Error('boom');
      },
    };
    const v = follow(api(item('/a', op('get'))), { rules: [counting, broken, ...RULES] });
    expect(v.check().map((d) => d.rule)).toEqual([RULE_FAILED, 'test/count']);
    expect(v.apply({ op: 'addRoute', method: 'get', path: '/b', controller: null }).map((d) => d.message)).toContain('2 routes');
  });
});
