import type { Diagnostic } from '../model/diagnostic';
import { isUnreadable, type ApiDocument } from '../model/open-document';
import { getProfile } from '../profiles/profiles';
import { RULES } from './registry';
import { checkAll, type RunRulesOptions } from './run-rules';
import { ValidatorState } from './validator-state';

/**
 * Validation that follows a document through its edits (DESIGN §3: tens of thousands of routes).
 * `run(doc)` returns exactly what `runRules(doc, options)` returns — the same findings, in the same
 * order, ranges included — but reuses its previous run: compiled patterns of unchanged routes, the
 * shadowing analysis of routes no change can reach, and which routes and groups each rule has to
 * look at. Findings themselves are always made afresh from the current document, so they can never
 * point at text that moved. One Validator per open document; give it the document after each edit.
 */
export class Validator {
  private state: ValidatorState | undefined;

  constructor(private readonly options: RunRulesOptions = {}) {}

  run(doc: ApiDocument): Diagnostic[] {
    // Nothing to check, and nothing to forget: what was kept serves again once the text reads.
    if (isUnreadable(doc)) return [];
    const profile = this.options.profile ?? getProfile(doc.model.profile);
    // Everything kept is compiled for one profile: another profile starts over.
    if (this.state?.profile !== profile) this.state = new ValidatorState(profile);
    const rules = this.options.rules ?? RULES;
    let ctx;
    try {
      ctx = this.state.refresh(doc, rules);
    } catch (e) {
      // A bug in the bookkeeping: what is kept may be half updated, so the next run starts over.
      this.state = undefined;
      throw e;
    }
    return checkAll(ctx, rules);
  }
}
