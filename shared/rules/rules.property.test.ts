import fc from 'fast-check';
import fs from 'node:fs';
import { expect, test } from 'vitest';
import { applyIntent } from '../edit/apply-intent';
import { EditError } from '../edit/edit-error';
import { openDocument, type ApiDocument } from '../model/open-document';
import { PROFILE_IDS } from '../model/x-routecraft';
import { getProfile } from '../profiles/profiles';
import { command, toIntent } from '../testing/edit-commands';
import { RULE_FAILED, runRules } from './run-rules';

/**
 * Rules on whatever the visual editor can make of real documents and of the rule fixtures: they
 * never throw, every finding points inside the text, and every fix they offer applies (a fix is
 * offered only where applyIntent can make it).
 */
const files = [...['users-api.yaml', 'users-api.json', 'petstore.yaml'].map((f) => `fixtures/openapi/${f}`), ...fs.readdirSync('fixtures/rules').map((f) => `fixtures/rules/${f}`)];
const sources = files.map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));

function check(doc: ApiDocument): void {
  for (const id of PROFILE_IDS) {
    const found = runRules(doc, { profile: getProfile(id) });
    for (const d of found) {
      expect(d.rule).not.toBe(RULE_FAILED);
      const end = d.target.range?.end.offset ?? 0;
      expect(end).toBeLessThanOrEqual(doc.source.text.length);
      for (const fix of d.fixes ?? []) {
        try {
          applyIntent(openDocument(doc.source.text, { format: doc.source.format }), fix.intent);
        } catch (e) {
          throw new Error(`${id}: "${fix.title}" for ${d.message} failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
        }
      }
    }
  }
}

test('rules never throw, and their fixes apply, on random edits of the fixtures', () => {
  fc.assert(
    fc.property(fc.nat(sources.length - 1), fc.array(command, { minLength: 1, maxLength: 10 }), (which, commands) => {
      const source = sources[which] as { file: string; text: string };
      let doc = openDocument(source.text, { fileName: source.file });
      check(doc);
      for (const c of commands) {
        const intent = toIntent(doc.model, c);
        if (!intent) continue;
        try {
          doc = applyIntent(doc, intent).document;
        } catch (e) {
          if (!(e instanceof EditError)) throw e;
          doc = openDocument(doc.source.text, { fileName: source.file });
          continue;
        }
        check(doc);
      }
    }),
    { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 80) },
  );
}, 600_000);
