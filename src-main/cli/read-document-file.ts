import { readFile, stat } from 'node:fs/promises';
import { DEFAULT_MAX_BYTES } from '../../shared/document/source-document';
import type { Diagnostic } from '../../shared/model/diagnostic';
import { openDocument, type ApiDocument } from '../../shared/model/open-document';
import { CliError } from './cli-io';

/** Reads a document for a command; a file that cannot be read gives a CliError with the reason. */
export async function readDocumentFile(file: string, maxBytes = DEFAULT_MAX_BYTES): Promise<ApiDocument> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new CliError(`${file}: is a folder, not an OpenAPI document`);
    size = info.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${file}: ${describeFsError(e)}`);
  }
  if (size > maxBytes) throw new CliError(`${file}: the file is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${(maxBytes / 1024 / 1024).toFixed(0)} MB`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new CliError(`${file}: ${describeFsError(e)}`);
  }
  return openDocument(text, { fileName: file, maxLength: maxBytes });
}

function describeFsError(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder, not an OpenAPI document';
  return e instanceof Error ? e.message : String(e);
}

/** `file:line:col: severity rule message`, as compilers print it. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  const at = d.target.range ? `${d.target.range.start.line}:${d.target.range.start.column}` : '1:1';
  return `${file}:${at}: ${d.severity} ${d.rule} ${d.message}`;
}

/** Unusable input: the document has errors reading it (syntax, version, shape). */
export function unreadableErrors(doc: ApiDocument): Diagnostic[] {
  return doc.diagnostics.filter((d) => d.severity === 'error' && d.rule.startsWith('document/'));
}
