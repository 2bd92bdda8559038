import { parseArgs } from 'node:util';
import { matchRequest } from '../../shared/matching/match-request';
import { PROFILE_IDS, type ProfileId } from '../../shared/model/x-routecraft';
import { getProfile } from '../../shared/profiles/profiles';
import { CliError, EXIT_OK, EXIT_USAGE, type CliIo } from './cli-io';
import { formatDiagnostic, readDocumentFile, unreadableErrors } from './read-document-file';

export const PROBE_HELP = `Usage: routecraft probe FILE [--profile P] METHOD PATH [METHOD PATH ...]

Tells which route answers each request under the target framework's rules, without sending
anything: one JSON line per request with {method, path, status, operationId, location, allow, trace}.
PATH may carry a query string and percent-encoding, as a real request would.

  --profile P   ${PROFILE_IDS.join(' | ')} (default: the document's x-routecraft.profile, else fastapi)
`;

export async function probeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { profile: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  if (values.help) {
    io.out(PROBE_HELP);
    return EXIT_OK;
  }
  const [file, ...pairs] = positionals;
  if (!file || pairs.length === 0 || pairs.length % 2 !== 0) throw new CliError(`probe takes FILE and METHOD PATH pairs\n\n${PROBE_HELP}`);
  if (values.profile !== undefined && !(PROFILE_IDS as readonly string[]).includes(values.profile)) throw new CliError(`unknown profile "${values.profile}": use ${PROFILE_IDS.join(', ')}`);
  const doc = await readDocumentFile(file);
  const errors = unreadableErrors(doc);
  if (errors.length > 0) {
    for (const d of errors) io.err(formatDiagnostic(file, d) + '\n');
    return EXIT_USAGE;
  }
  const profile = getProfile((values.profile as ProfileId | undefined) ?? doc.model.profile);
  for (let i = 0; i < pairs.length; i += 2) {
    const method = (pairs[i] as string).toUpperCase();
    const path = pairs[i + 1] as string;
    if (!/^[A-Z]+$/.test(method)) throw new CliError(`"${pairs[i]}" is not an HTTP method`);
    if (!path.startsWith('/')) throw new CliError(`"${path}" is not a request path (it starts with "/")`);
    const r = matchRequest(doc.model, profile, { method, path });
    io.out(JSON.stringify({ method, path, status: r.status, operationId: r.route?.operationId ?? (r.route ? r.route.key : null), location: r.location, allow: r.allow, trace: r.trace }) + '\n');
  }
  return EXIT_OK;
}
