import { parseArgs } from 'node:util';
import { CliError, EXIT_OK, EXIT_USAGE, type CliIo } from './cli-io';
import { formatDiagnostic, readDocumentFile, unreadableErrors } from './read-document-file';

export const ROUTES_HELP = `Usage: routecraft routes FILE [--format text|json]

Prints the route table in declaration order (the order the framework tries routes in):
method, full path, operationId and controller.

  --format text   aligned columns (default)
  --format json   an array of {method, path, operationId, controller}
`;

export async function routesCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  if (values.help) {
    io.out(ROUTES_HELP);
    return EXIT_OK;
  }
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0) throw new CliError(`routes takes one FILE\n\n${ROUTES_HELP}`);
  if (values.format !== 'text' && values.format !== 'json') throw new CliError(`--format must be text or json, not "${values.format}"`);
  const doc = await readDocumentFile(file);
  const errors = unreadableErrors(doc);
  if (errors.length > 0) {
    for (const d of errors) io.err(formatDiagnostic(file, d) + '\n');
    return EXIT_USAGE;
  }
  const rows = doc.model.routes.map((r) => ({ method: r.method.toUpperCase(), path: r.path, operationId: r.operationId ?? null, controller: r.controller }));
  if (values.format === 'json') {
    io.out(JSON.stringify(rows, null, 2) + '\n');
    return EXIT_OK;
  }
  const table = [['Method', 'Path', 'Operation', 'Controller'], ...rows.map((r) => [r.method, r.path, r.operationId ?? '-', r.controller ?? '-'])];
  const widths = table[0]?.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length))) ?? [];
  for (const row of table) io.out(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ') + '\n');
  return EXIT_OK;
}
