import fc from 'fast-check';
import fs from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, test } from 'vitest';
import { openDocument, type ApiDocument } from '../model/open-document';
import { command, toIntent, type Command } from '../testing/edit-commands';
import { expectedAfter } from '../testing/model-oracle';
import { summarize } from '../testing/model-summary';
import { applyIntent } from './apply-intent';
import { EditError } from './edit-error';
import { applyEdits } from './text-edit';

/**
 * Random sequences of visual edits on real documents. After every edit: the text re-read from
 * scratch gives exactly the model the edit left (ranges included), that model is what the edit
 * means (the oracle), and the inverse edits restore the previous bytes. After the sequence, undoing
 * everything gives back the original file byte for byte.
 */

const yaml = fs.readFileSync('fixtures/openapi/users-api.yaml', 'utf8');
const documents: Record<string, { text: string; fileName: string }> = {
  'users-api.yaml': { text: yaml, fileName: 'users-api.yaml' },
  'users-api.json': { text: fs.readFileSync('fixtures/openapi/users-api.json', 'utf8'), fileName: 'users-api.json' },
  'petstore.yaml': { text: fs.readFileSync('fixtures/openapi/petstore.yaml', 'utf8'), fileName: 'petstore.yaml' },
  'users-api, CRLF': { text: yaml.replace(/\n/g, '\r\n'), fileName: 'crlf.yaml' },
  'users-api, 4 spaces': { text: parseDocument(yaml).toString({ indent: 4 }), fileName: 'wide.yaml' },
  'compact JSON': { text: JSON.stringify(JSON.parse(fs.readFileSync('fixtures/openapi/users-api.json', 'utf8'))), fileName: 'min.json' },
};

export function checkSequence(source: { text: string; fileName: string }, commands: Command[]): void {
  let doc: ApiDocument = openDocument(source.text, { fileName: source.fileName });
  expect(doc.diagnostics).toEqual([]);
  const undo: { text: string; inverse: ReturnType<typeof applyIntent>['inverse'] }[] = [];
  for (const c of commands) {
    const intent = toIntent(doc.model, c);
    if (!intent) continue;
    const before = doc.source.text;
    const expected = expectedAfter(summarize(doc.model), intent);
    let result: ReturnType<typeof applyIntent>;
    try {
      result = applyIntent(doc, intent);
    } catch (e) {
      if (!(e instanceof EditError)) throw e;
      // Refused edits are fine when the oracle refuses them too, or when only the real document can
      // know (an order of operations a framework cannot express, a shape Routecraft leaves alone).
      if (expected) throw new Error(`${JSON.stringify(intent)} was refused: ${e.message}`);
      doc = openDocument(before, { fileName: source.fileName });
      continue;
    }
    const after = applyEdits(before, result.edits);
    const reread = openDocument(after, { fileName: source.fileName });
    expect(reread.diagnostics, JSON.stringify(intent)).toEqual([]);
    expect(result.document.source.text).toBe(after);
    expect(result.document.model, JSON.stringify(intent)).toEqual(reread.model);
    if (expected) expect(summarize(reread.model), JSON.stringify(intent)).toEqual(expected);
    else expect.fail(`${JSON.stringify(intent)} should have been refused`);
    expect(applyEdits(after, result.inverse)).toBe(before);
    undo.push({ text: after, inverse: result.inverse });
    doc = result.document;
  }
  let text = doc.source.text;
  for (const step of undo.reverse()) {
    expect(text).toBe(step.text);
    text = applyEdits(text, step.inverse);
  }
  expect(text).toBe(source.text);
}

describe('random edit sequences keep model, meaning and bytes', () => {
  for (const [name, source] of Object.entries(documents)) {
    test(name, () => {
      fc.assert(
        fc.property(fc.array(command, { minLength: 1, maxLength: 12 }), (commands) => checkSequence(source, commands)),
        { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 60) },
      );
    }, 600_000);
  }
});

test("random edit sequences on GitHub's REST description", () => {
  const source = { text: fs.readFileSync('node_modules/@octokit/openapi/generated/api.github.com.json', 'utf8'), fileName: 'api.github.com.json' };
  // Each step re-reads 13 MB from scratch to compare; a few short sequences keep this under a minute.
  fc.assert(
    fc.property(fc.array(command, { minLength: 1, maxLength: 4 }), (commands) => checkSequence(source, commands)),
    { numRuns: 3 },
  );
}, 120_000);
