import { parseArgs } from 'node:util';
import type { Diagnostic } from '../../shared/model/diagnostic';
import { PROFILE_IDS, parseRouteKey, type ProfileId } from '../../shared/model/x-routecraft';
import { getProfile } from '../../shared/profiles/profiles';
import { runRules, sortDiagnostics } from '../../shared/rules/run-rules';
import { RedoclyLintService } from '../services/redocly-lint.service';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from './cli-io';
import { formatDiagnostic, readDocumentFile, unreadableErrors } from './read-document-file';

export const LINT_HELP = `Usage: routecraft lint FILE [--profile P] [--format text|json] [--no-redocly]

Checks the document the way its framework will behave (Routecraft's rules: route conflicts,
redirects without Location, bodies on 204/304, …) and with Redocly's recommended ruleset, and
prints one list in source order.

  --profile P     check as ${PROFILE_IDS.join(', ')}
                  (default: the document's x-routecraft.profile, else fastapi)
  --format text   file:line:col: severity rule message, one finding per line (default)
  --format json   an array of {rule, severity, message,
                  location: {pointer, line, column, method?, path?, status?, header?}}
  --no-redocly    Routecraft's rules only (Redocly takes seconds on very large documents)

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 unusable input.
`;

export async function lintCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { profile: { type: 'string' }, format: { type: 'string', default: 'text' }, 'no-redocly': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    io.out(LINT_HELP);
    return EXIT_OK;
  }
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0) throw new CliError(`lint takes one FILE\n\n${LINT_HELP}`);
  if (values.format !== 'text' && values.format !== 'json') throw new CliError(`--format must be text or json, not "${values.format}"`);
  const profileId = values.profile;
  if (profileId !== undefined && !(PROFILE_IDS as readonly string[]).includes(profileId)) throw new CliError(`--profile must be one of ${PROFILE_IDS.join(', ')}, not "${profileId}"`);

  const doc = await readDocumentFile(file);
  const unusable = unreadableErrors(doc);
  if (unusable.length > 0) {
    for (const d of unusable) io.err(formatDiagnostic(file, d) + '\n');
    return EXIT_USAGE;
  }
  const found = sortDiagnostics([
    ...doc.diagnostics,
    ...runRules(doc, profileId !== undefined ? { profile: getProfile(profileId as ProfileId) } : {}),
    ...(values['no-redocly'] ? [] : await new RedoclyLintService().lint(doc, { filePath: file })),
  ]);

  if (values.format === 'json') io.out(JSON.stringify(found.map(toJson), null, 2) + '\n');
  else {
    for (const d of found) io.out(formatDiagnostic(file, d) + '\n');
    if (found.length > 0) io.out(summary(found) + '\n');
  }
  return found.some((d) => d.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

function toJson(d: Diagnostic) {
  const route = d.target.routeKey !== undefined ? parseRouteKey(d.target.routeKey) : undefined;
  return {
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    location: {
      pointer: d.target.pointer,
      line: d.target.range?.start.line ?? 1,
      column: d.target.range?.start.column ?? 1,
      ...(route ? { method: route.method.toUpperCase(), path: route.path } : {}),
      ...(d.target.status !== undefined ? { status: d.target.status } : {}),
      ...(d.target.header !== undefined ? { header: d.target.header } : {}),
    },
  };
}

/** "2 errors, 1 warning", as compilers end their output. */
function summary(found: Diagnostic[]): string {
  const count = (severity: Diagnostic['severity'], word: string) => {
    const n = found.filter((d) => d.severity === severity).length;
    return n === 0 ? [] : [`${n} ${word}${n === 1 ? '' : 's'}`];
  };
  return [...count('error', 'error'), ...count('warning', 'warning'), ...count('info', 'note')].join(', ');
}
