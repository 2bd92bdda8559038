import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateStubs, STUB_TARGETS, type StubTarget } from '../../shared/codegen/generate-stubs';
import { writeFileAtomic } from '../services/export.service';
import { CliError, EXIT_OK, EXIT_USAGE, type CliIo } from './cli-io';
import { formatDiagnostic, readDocumentFile, unreadableErrors } from './read-document-file';

export const STUBS_HELP = `Usage: routecraft stubs FILE --target T --out DIR [--force]

Generates server stub code for the design: routes in the designed order, typed parameters, the
default status of each route, every other status documented, handlers returning the examples.

  --target T   ${STUB_TARGETS.join(', ')}
  --out DIR    the folder to write the project into (created when missing)
  --force      write into a folder that is not empty (files with the same names are replaced)

What the framework cannot express is listed as warnings on stderr.
Exit codes: 0 written, 2 unusable input or a non-empty DIR without --force.
`;

export async function stubsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { target: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    io.out(STUBS_HELP);
    return EXIT_OK;
  }
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0) throw new CliError(`stubs takes one FILE\n\n${STUBS_HELP}`);
  const target = values.target;
  if (target === undefined || !(STUB_TARGETS as readonly string[]).includes(target)) throw new CliError(`--target must be one of ${STUB_TARGETS.join(', ')}${target === undefined ? '' : `, not "${target}"`}`);
  const out = values.out;
  if (!out) throw new CliError(`stubs needs --out DIR\n\n${STUBS_HELP}`);

  const doc = await readDocumentFile(file);
  const unusable = unreadableErrors(doc);
  if (unusable.length > 0) {
    for (const d of unusable) io.err(formatDiagnostic(file, d) + '\n');
    return EXIT_USAGE;
  }
  await checkOutDir(out, values.force);
  const result = generateStubs(doc, target as StubTarget);
  const root = path.resolve(out);
  for (const [relative, contents] of result.files) {
    const dest = path.resolve(root, relative);
    // Generated paths are made of sanitised names; this keeps it so whatever changes there.
    if (path.relative(root, dest).startsWith('..') || path.isAbsolute(path.relative(root, dest))) throw new Error(`refusing to write outside ${out}: ${relative}`);
    await mkdir(path.dirname(dest), { recursive: true });
    await writeFileAtomic(dest, contents);
  }
  for (const w of result.warnings) io.err(`${file}: warning stubs/not-expressible ${w}\n`);
  io.out(`wrote ${result.files.size} files for ${target} to ${out}\n`);
  for (const relative of result.files.keys()) io.out(`  ${relative}\n`);
  return EXIT_OK;
}

async function checkOutDir(dir: string, force: boolean): Promise<void> {
  let info;
  try {
    info = await stat(dir);
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return;
    throw new CliError(`${dir}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!info.isDirectory()) throw new CliError(`${dir}: exists and is not a folder`);
  if (!force && (await readdir(dir)).length > 0) throw new CliError(`${dir}: the folder is not empty; pass --force to write into it`, EXIT_USAGE);
}
