import type { HeaderSpec, ResponseSpec, Route } from '../model/api-model';
import type { Diagnostic, Fix, Severity } from '../model/diagnostic';
import type { RuleContext } from './rule';
import { headerTarget, locationHeader, refTarget, responseTarget } from './rule-support';

/**
 * The shared half of `response/redirect-missing-location` and `response/created-missing-location`:
 * the finding on a response without a usable `Location`, and the fix that adds one.
 */
export function missingLocation(ctx: RuleContext, rule: string, severity: Severity, route: Route, response: ResponseSpec, header: HeaderSpec | undefined, why: string): Diagnostic {
  const what = header ? `documents \`${header.name}\` but does not mark it required` : 'has no `Location` header';
  const shared = response.ref ?? header?.ref;
  const sharedNote = shared !== undefined ? ` The ${response.ref !== undefined ? 'response' : 'header'} is shared (\`${shared}\`): fix it there.` : '';
  const fix = shared === undefined && ctx.editable(route, header ? header.pointer : `${response.pointer}/headers`) ? locationFix(ctx, route, response, header) : undefined;
  const related = shared !== undefined ? refTarget(ctx.doc.source, shared) : undefined;
  return {
    rule,
    severity,
    message: `The ${response.status} response of ${ctx.label(route)} ${what}: ${why}.${sharedNote}`,
    target: header ? headerTarget(ctx, route, response, header) : responseTarget(ctx, route, response),
    ...(related ? { related: [related] } : {}),
    ...(fix ? { fixes: [fix] } : {}),
  };
}

function locationFix(ctx: RuleContext, route: Route, response: ResponseSpec, header: HeaderSpec | undefined): Fix {
  const full = locationHeader(ctx, route, response.status);
  if (!header) {
    return { title: 'Add a required `Location` header', intent: { op: 'setHeader', route: route.key, status: response.status, name: 'Location', header: full } };
  }
  // An existing header keeps what it has: only `required`, and a schema or example it lacks.
  return {
    title: `Mark \`${header.name}\` required`,
    intent: {
      op: 'setHeader',
      route: route.key,
      status: response.status,
      name: header.name,
      header: { required: true, ...(header.schema === undefined ? { schema: full.schema } : {}), ...(header.example === undefined ? { example: full.example } : {}) },
    },
  };
}
