import { operationDuplicateOperationIdRule } from './operation-duplicate-operation-id.rule';
import { responseBodyNotAllowedRule } from './response-body-not-allowed.rule';
import { responseCreatedMissingLocationRule } from './response-created-missing-location.rule';
import { responseDefaultStatusUndeclaredRule } from './response-default-status-undeclared.rule';
import { responseInvalidStatusRule } from './response-invalid-status.rule';
import { responseNoSuccessRule } from './response-no-success.rule';
import { responseRedirectMissingLocationRule } from './response-redirect-missing-location.rule';
import type { Rule } from './rule';
import { routeAmbiguousTemplateRule } from './route-ambiguous-template.rule';
import { routeCaseCollisionRule } from './route-case-collision.rule';
import { routeCatchAllNotLastRule } from './route-catch-all-not-last.rule';
import { routeDuplicateRule } from './route-duplicate.rule';
import { routePathParamUndeclaredRule } from './route-path-param-undeclared.rule';
import { routePathParamUnusedRule } from './route-path-param-unused.rule';
import { routePrefixDoubledRule } from './route-prefix-doubled.rule';
import { routePartiallyShadowedRule } from './route-partially-shadowed.rule';
import { routeShadowedRule } from './route-shadowed.rule';
import { routeTrailingSlashMixRule } from './route-trailing-slash-mix.rule';

/** Every rule `runRules` runs by default: one file per rule (`<category>-<name>.rule.ts`), listed here. */
export const RULES: readonly Rule[] = [
  routeShadowedRule,
  routePartiallyShadowedRule,
  routeDuplicateRule,
  routeAmbiguousTemplateRule,
  routePrefixDoubledRule,
  routeTrailingSlashMixRule,
  routeCaseCollisionRule,
  routePathParamUndeclaredRule,
  routePathParamUnusedRule,
  routeCatchAllNotLastRule,
  responseRedirectMissingLocationRule,
  responseCreatedMissingLocationRule,
  responseBodyNotAllowedRule,
  responseInvalidStatusRule,
  responseDefaultStatusUndeclaredRule,
  responseNoSuccessRule,
  operationDuplicateOperationIdRule,
];
