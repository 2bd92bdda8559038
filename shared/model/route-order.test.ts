import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyIntent } from '../edit/apply-intent';
import { EditError } from '../edit/edit-error';
import { command, toIntent } from '../testing/edit-commands';
import { syntheticApi } from '../testing/synthetic-api';
import { openDocument, type ApiDocument } from './open-document';
import { effectiveOrder, orderList } from './route-order';
import { updateDocument } from './update-document';
import { normalRouteKey } from './x-routecraft';

/** Lists as designers leave them: paths order with a few places changed, far moves, repeats, strangers. */
const listEdit = fc.oneof(
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), by: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('repeat' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('stranger' as const), at: fc.nat(), key: fc.constantFrom('GET /nowhere', 'PATCH /r0', 'not a key', 'get /r1') }),
);

test('the declaration order is the listed routes in list order, then the rest in paths order', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 60 }), fc.array(fc.boolean(), { maxLength: 60 }), fc.array(listEdit, { maxLength: 8 }), (count, posts, edits) => {
      const paths: Record<string, unknown> = {};
      const natural: string[] = [];
      for (let i = 0; i < count; i++) {
        const item: Record<string, unknown> = { get: { responses: { '200': { description: 'OK' } } } };
        natural.push(`GET /r${i}`);
        if (posts[i]) {
          item['post'] = { responses: { '201': { description: 'Created' } } };
          natural.push(`POST /r${i}`);
        }
        paths[`/r${i}`] = item;
      }
      const list = [...natural];
      for (const e of edits) {
        const n = list.length;
        if (n === 0) break;
        if (e.kind === 'swap') {
          const a = e.at % n;
          const b = Math.min(n - 1, a + e.by);
          [list[a], list[b]] = [list[b] as string, list[a] as string];
        } else if (e.kind === 'move') list.splice(e.to % n, 0, ...list.splice(e.from % n, 1));
        else if (e.kind === 'drop') list.splice(e.at % n, 1);
        else if (e.kind === 'repeat') list.splice(e.to % n, 0, list[e.from % n] as string);
        else list.splice(e.at % n, 0, e.key);
      }
      const doc = openDocument(JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, 'x-routecraft': { order: list }, paths }), { fileName: 'api.json' });
      const normal = list.map((k) => normalRouteKey(k)).filter((k): k is string => k !== undefined);
      expect(doc.model.routes.map((r) => r.key)).toEqual(effectiveOrder(natural, normal));
    }),
    { numRuns: 400 },
  );
});

/** The list as a fresh read of the text gives it (nothing kept from earlier reads). */
function freshList(doc: ApiDocument): string[] | undefined {
  return orderList(openDocument(doc.source.text, { format: doc.source.format }).source);
}

describe('the order list kept between edits is the list the text holds', () => {
  test('after random visual edits and typed edits inside the list', () => {
    const text = syntheticApi(40);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(command.map((c) => ({ visual: c })), fc.record({ typed: fc.nat(1000), char: fc.constantFrom('x', '"', ',', ' ', 'GET /a') })), { minLength: 1, maxLength: 10 }),
        (steps) => {
          let doc = openDocument(text, { fileName: 'synthetic.json' });
          expect(orderList(doc.source)).toEqual(freshList(doc));
          for (const step of steps) {
            if ('visual' in step) {
              const intent = toIntent(doc.model, step.visual);
              if (!intent) continue;
              try {
                doc = applyIntent(doc, intent).document;
              } catch (e) {
                if (!(e instanceof EditError)) throw e;
                doc = openDocument(doc.source.text, { fileName: 'synthetic.json' });
              }
            } else {
              // A character typed somewhere inside the list's text (the code view), good or bad.
              const list = doc.source.text.indexOf('"order"');
              if (list === -1) continue;
              const end = doc.source.text.indexOf(']', list);
              const at = list + 1 + (step.typed % Math.max(1, end - list));
              doc = updateDocument(doc, [{ offset: at, length: 0, text: step.char }]);
            }
            expect(orderList(doc.source)).toEqual(freshList(doc));
            // The model's order is the one a fresh read gives.
            if (!doc.source.problems.length) expect(doc.model.routes.map((r) => r.key)).toEqual(openDocument(doc.source.text, { fileName: 'synthetic.json' }).model.routes.map((r) => r.key));
          }
        },
      ),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 60) },
    );
  }, 120_000);
});
