import fc from 'fast-check';
import fs from 'node:fs';
import { expect, test } from 'vitest';
import { applyIntent } from '../edit/apply-intent';
import { EditError } from '../edit/edit-error';
import type { TextEdit } from '../edit/text-edit';
import { isUnreadable, openDocument, type ApiDocument } from '../model/open-document';
import { updateDocument } from '../model/update-document';
import { PROFILE_IDS } from '../model/x-routecraft';
import { getProfile } from '../profiles/profiles';
import { command, toIntent } from '../testing/edit-commands';
import { generateCase } from '../testing/route-table-generator';
import { syntheticApi } from '../testing/synthetic-api';
import { runRules, type RunRulesOptions } from './run-rules';
import { Validator } from './validator';

/**
 * A Validator that follows a document through random edits says, after every step, exactly what a
 * full run says: the same findings, in the same order, ranges and fixes included. The steps are the
 * visual editor's edits (on fixtures, on the differential tests' dense route tables where routes
 * shadow each other, on a generated API), their undo as typed text edits (the incremental model
 * update), re-reading the text from scratch (every route a new object), and a detour through a text
 * that does not parse. This is also what finds a rule filter that leaves out a route with a finding:
 * the full run hands every route to every rule.
 */

const fixtures = [...['users-api.yaml', 'users-api.json', 'petstore.yaml'].map((f) => `fixtures/openapi/${f}`), ...fs.readdirSync('fixtures/rules').map((f) => `fixtures/rules/${f}`)];
const sources = [
  ...fixtures.map((file) => ({ fileName: file, text: fs.readFileSync(file, 'utf8') })),
  ...Array.from({ length: 24 }, (_, i) => ({ fileName: `table-${i}.yaml`, text: generateCase(i + 1, PROFILE_IDS[i % PROFILE_IDS.length] ?? 'fastapi').document })),
  { fileName: 'synthetic.json', text: syntheticApi(80) },
];

const step = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('edit' as const), command }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reread' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unreadable' as const) }) },
);

function same(validator: Validator, doc: ApiDocument, options: RunRulesOptions, what: string): void {
  expect(validator.run(doc), what).toStrictEqual(runRules(doc, options));
}

test('a Validator finds what runRules finds after every edit', () => {
  fc.assert(
    fc.property(fc.nat(sources.length - 1), fc.constantFrom(undefined, ...PROFILE_IDS), fc.array(step, { minLength: 1, maxLength: 14 }), (which, profile, steps) => {
      const source = sources[which] as { fileName: string; text: string };
      const options: RunRulesOptions = profile ? { profile: getProfile(profile) } : {};
      const validator = new Validator(options);
      let doc = openDocument(source.text, { fileName: source.fileName });
      same(validator, doc, options, 'opened');
      const undo: TextEdit[][] = [];
      for (const s of steps) {
        if (s.kind === 'edit') {
          const intent = toIntent(doc.model, s.command);
          if (!intent) continue;
          try {
            const result = applyIntent(doc, intent);
            doc = result.document;
            undo.push(result.inverse);
          } catch (e) {
            if (!(e instanceof EditError)) throw e;
            doc = openDocument(doc.source.text, { fileName: source.fileName });
            undo.length = 0;
          }
          same(validator, doc, options, JSON.stringify(intent));
        } else if (s.kind === 'undo') {
          const inverse = undo.pop();
          if (!inverse) continue;
          doc = updateDocument(doc, inverse);
          same(validator, doc, options, 'undo');
        } else if (s.kind === 'reread') {
          doc = openDocument(doc.source.text, { fileName: source.fileName });
          same(validator, doc, options, 'reread');
        } else {
          const text = doc.source.text;
          const broken = openDocument(`${text}\n{[`, { fileName: source.fileName });
          expect(isUnreadable(broken)).toBe(true);
          expect(validator.run(broken)).toEqual([]);
          doc = openDocument(text, { fileName: source.fileName });
          same(validator, doc, options, 'readable again');
        }
      }
    }),
    { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 100) },
  );
}, 600_000);
