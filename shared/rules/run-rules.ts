import type { Diagnostic } from '../model/diagnostic';
import { isUnreadable, type ApiDocument } from '../model/open-document';
import type { Profile } from '../profiles/profile';
import { getProfile } from '../profiles/profiles';
import { RULES } from './registry';
import type { Rule, RuleContext } from './rule';
import { createRuleContext } from './rule-context';

export interface RunRulesOptions {
  /** The profile to check against; default: the document's own (`x-routecraft.profile`). */
  profile?: Profile;
  /** The rules to run; default: every registered rule. */
  rules?: readonly Rule[];
}

/** The rule id of the finding a rule that crashed leaves instead of its findings. */
export const RULE_FAILED = 'internal/rule-failed';

/**
 * Runs the rules on a document and returns their findings in source order. A document that could
 * not be read has no model to check: its `document/*` diagnostics already say why. A rule that
 * throws is a bug; it costs that rule's findings, never the others' (DESIGN §7). This is a full run
 * that reads every route; a Validator (validator.ts) gives the same answer reusing its last run.
 */
export function runRules(doc: ApiDocument, options: RunRulesOptions = {}): Diagnostic[] {
  if (isUnreadable(doc)) return [];
  return checkAll(createRuleContext(doc, options.profile ?? getProfile(doc.model.profile)), options.rules ?? RULES);
}

/** Every rule on one context, findings sorted (a Validator's runs share this with runRules). */
export function checkAll(ctx: RuleContext, rules: readonly Rule[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    try {
      out.push(...rule.check(ctx));
    } catch (e) {
      out.push({
        rule: RULE_FAILED,
        severity: 'warning',
        message: `The rule ${rule.id} failed on this document (${e instanceof Error ? e.message : String(e)}); its findings are missing. This is a bug in Routecraft.`,
        target: { pointer: '' },
      });
    }
  }
  return sortDiagnostics(out);
}

/** Source order (what an editor's problem list shows), then rule, then message: a stable order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const pa = a.target.range?.start.offset ?? 0;
  const pb = b.target.range?.start.offset ?? 0;
  if (pa !== pb) return pa - pb;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
