import { parseArgs } from 'node:util';
import { ExportError } from '../../shared/export/export-openapi';
import { TARGET_VERSIONS, type TargetVersion } from '../../shared/export/convert-openapi';
import { PROFILE_IDS, type ProfileId } from '../../shared/model/x-routecraft';
import { BundleError, ExportService } from '../services/export.service';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from './cli-io';
import { formatDiagnostic, readDocumentFile, unreadableErrors } from './read-document-file';

export const EXPORT_HELP = `Usage: routecraft export FILE --openapi OUT [options]

Writes the design as an OpenAPI file for docs and clients. The export is linted with Redocly's
recommended rules first; with errors it is not written unless --force is given.

  --openapi OUT         the file to write (atomically: a temporary file, then renamed)
  --version V           3.0, 3.1 or 3.2 (default 3.1, or the framework's with --as-framework)
  --format F            yaml or json (default: from OUT's extension, else the design's format)
  --bundle              inline references to other files (Redocly's bundler)
  --strip-extensions    leave out the x-routecraft… design vocabulary, for publishing
  --as-framework        document what the framework adds by itself (FastAPI's 422, …) and use
                        its OpenAPI version; the framework is the design's profile or --profile
  --profile P           ${PROFILE_IDS.join(', ')}
  --force               write even when the export has lint errors

What the target version cannot express is listed as warnings on stderr.
Exit codes: 0 written, 1 not written (lint errors without --force), 2 unusable input.
`;

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      openapi: { type: 'string' },
      version: { type: 'string' },
      format: { type: 'string' },
      bundle: { type: 'boolean', default: false },
      'strip-extensions': { type: 'boolean', default: false },
      'as-framework': { type: 'boolean', default: false },
      profile: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    io.out(EXPORT_HELP);
    return EXIT_OK;
  }
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0) throw new CliError(`export takes one FILE\n\n${EXPORT_HELP}`);
  const out = values.openapi;
  if (!out) throw new CliError(`export needs --openapi OUT\n\n${EXPORT_HELP}`);
  const version = values.version;
  if (version !== undefined && !(TARGET_VERSIONS as readonly string[]).includes(version)) throw new CliError(`--version must be ${TARGET_VERSIONS.join(', ')}, not "${version}"`);
  const format = values.format ?? (/\.json$/i.test(out) ? 'json' : /\.ya?ml$/i.test(out) ? 'yaml' : undefined);
  if (format !== undefined && format !== 'yaml' && format !== 'json') throw new CliError(`--format must be yaml or json, not "${format}"`);
  const profile = values.profile;
  if (profile !== undefined && !(PROFILE_IDS as readonly string[]).includes(profile)) throw new CliError(`--profile must be one of ${PROFILE_IDS.join(', ')}, not "${profile}"`);

  const doc = await readDocumentFile(file);
  const unusable = unreadableErrors(doc);
  if (unusable.length > 0) {
    for (const d of unusable) io.err(formatDiagnostic(file, d) + '\n');
    return EXIT_USAGE;
  }
  let result;
  try {
    result = await new ExportService().exportToFile(doc, out, {
      sourcePath: file,
      ...(version !== undefined ? { version: version as TargetVersion } : {}),
      ...(format !== undefined ? { format } : {}),
      bundle: values.bundle,
      stripExtensions: values['strip-extensions'],
      asFramework: values['as-framework'] ? ((profile as ProfileId | undefined) ?? true) : false,
      force: values.force,
    });
  } catch (e) {
    if (e instanceof ExportError || e instanceof BundleError) throw new CliError(`${file}: ${e.message}`);
    throw e;
  }
  for (const w of result.export.warnings) io.err(`${file}: warning export/not-expressible ${w.pointer || '/'}: ${w.message}\n`);
  for (const d of result.lint) io.err(formatDiagnostic(out, d) + '\n');
  const what = `OpenAPI ${result.export.openapi}, ${result.export.format.toUpperCase()}${result.bundled ? ', bundled' : ''}`;
  if (!result.written) {
    io.err(`routecraft: ${out} not written: Redocly found ${result.errors} error(s) in the export; fix them or pass --force\n`);
    return EXIT_FINDINGS;
  }
  io.out(`wrote ${out} (${what})${result.errors > 0 ? ` despite ${result.errors} lint error(s)` : ''}\n`);
  return EXIT_OK;
}
