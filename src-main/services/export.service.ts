import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { exportOpenApi, type ExportOptions, type ExportResult } from '../../shared/export/export-openapi';
import type { Diagnostic } from '../../shared/model/diagnostic';
import type { DocumentFormat } from '../../shared/document/source-document';
import { openDocument, type ApiDocument } from '../../shared/model/open-document';
import { confinedResolver } from './confined-ref-resolver';
import { RedoclyLintService, type DocumentLinter, type RedoclyLintOptions } from './redocly-lint.service';

export interface ExportFileOptions extends ExportOptions {
  /** Where the design lives: external `$ref`s resolve inside its folder (and nowhere else). */
  sourcePath?: string;
  /** Inline external `$ref`s with Redocly's bundler, so the result is one self-contained file. */
  bundle?: boolean;
  /** Write even when Redocly finds errors in the export. */
  force?: boolean;
}

export interface ExportFileResult {
  /** False when the export has lint errors and `force` was not given: nothing was written. */
  written: boolean;
  outPath: string;
  export: ExportResult;
  /** Redocly's recommended ruleset on the exported text, positioned in that text. */
  lint: Diagnostic[];
  errors: number;
  /** True when external references were inlined. */
  bundled: boolean;
}

/**
 * Lints an export's text with Redocly. The CLI lints in its own process (`inProcess`); the app on
 * its lint thread (`onLintThread`), which reads the text itself, so main neither runs Redocly nor
 * reads the export again.
 */
export interface ExportLinter {
  lintText(text: string, format: DocumentFormat, options: RedoclyLintOptions): Promise<Diagnostic[]>;
}

/** Lints in this process: the text is read into a document here. */
export function inProcess(linter: DocumentLinter = new RedoclyLintService()): ExportLinter {
  return { lintText: (text, format, options) => linter.lint(openDocument(text, { format }), options) };
}

/**
 * Exports a design as an OpenAPI file (issue 7): converts it (shared/export), bundles external
 * references on request, lints the result with Redocly, and writes it atomically. An export with
 * lint errors is not written unless forced (the UI asks; the CLI takes --force).
 */
export class ExportService {
  constructor(private readonly linter: ExportLinter = inProcess()) {}

  /**
   * The export and its lint findings, without writing anything (the export dialog's preview).
   * `outPath` is where it will be written: references to other files that remain (not bundled)
   * are checked from there.
   */
  async render(doc: ApiDocument, options: ExportFileOptions = {}, outPath?: string): Promise<{ export: ExportResult; lint: Diagnostic[]; bundled: boolean }> {
    const { doc: source, bundled } = options.bundle ? await bundleDocument(doc, options.sourcePath) : { doc, bundled: false };
    const result = exportOpenApi(source, options);
    const at = outPath ?? options.sourcePath;
    const lint = await this.linter.lintText(result.text, result.format, at !== undefined ? { filePath: at } : {});
    return { export: result, lint, bundled };
  }

  async exportToFile(doc: ApiDocument, outPath: string, options: ExportFileOptions = {}): Promise<ExportFileResult> {
    const { export: result, lint, bundled } = await this.render(doc, options, outPath);
    const errors = lint.filter((d) => d.severity === 'error').length;
    const written = errors === 0 || options.force === true;
    if (written) await writeFileAtomic(outPath, result.text);
    return { written, outPath, export: result, lint, errors, bundled };
  }
}

/**
 * Writes a file so that readers see the old content or the new, never a part (DESIGN §7): a
 * temporary file in the same folder, flushed to disk, then renamed over the target.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/** True when some `$ref` points outside the document (another file or a URL). */
export function hasExternalRefs(doc: ApiDocument): boolean {
  const stack = [doc.source.root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    if (node.kind === 'map') {
      for (const pair of node.pairs) {
        if (pair.key === '$ref' && pair.value.kind === 'scalar' && typeof pair.value.value === 'string' && !pair.value.value.startsWith('#')) return true;
        stack.push(pair.value);
      }
    } else if (node.kind === 'seq') stack.push(...node.items);
  }
  return false;
}

/**
 * The document with its external references inlined by Redocly's bundler. A document without any
 * is returned as it is, so its key order and formatting choices survive (the bundler reads into
 * plain objects, which put status codes in numeric order).
 */
export async function bundleDocument(doc: ApiDocument, sourcePath: string | undefined): Promise<{ doc: ApiDocument; bundled: boolean }> {
  if (!hasExternalRefs(doc)) return { doc, bundled: false };
  const redocly = await import('@redocly/openapi-core');
  const absoluteRef = path.resolve(sourcePath ?? 'routecraft-unsaved.yaml');
  const config = await redocly.createConfig({});
  const externalRefResolver = confinedResolver(redocly.BaseResolver, redocly.ResolveError, sourcePath !== undefined ? path.dirname(absoluteRef) : undefined);
  const { bundle, problems } = await redocly.bundleFromString({ source: doc.source.text, absoluteRef, config, externalRefResolver, dereference: false });
  const unresolved = problems.filter((p) => p.severity === 'error');
  if (unresolved.length > 0) throw new BundleError(unresolved.map((p) => p.message).join('; '));
  return { doc: openDocument(JSON.stringify(bundle.parsed), { format: 'json' }), bundled: true };
}

export class BundleError extends Error {}

