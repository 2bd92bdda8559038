import type { DocumentFormat } from '../document/source-document';
import type { ApiDocument } from '../model/open-document';
import type { ProfileId } from '../model/x-routecraft';
import { getProfile } from '../profiles/profiles';
import { convertDocument, VERSION_FIELD, type ExportWarning, type TargetVersion } from './convert-openapi';
import { emitJson } from './emit-json';
import { emitYaml } from './emit-yaml';
import { fromNode, isMap, type OMap } from './ordered-value';

export type { ExportWarning, TargetVersion } from './convert-openapi';

export interface ExportOptions {
  /** 3.1 unless `asFramework` names a framework that documents another version. */
  version?: TargetVersion;
  /** Defaults to the document's own format. */
  format?: DocumentFormat;
  /** Leave out every `x-routecraft…` extension (for publishing). */
  stripExtensions?: boolean;
  /**
   * Document the API as the framework would: add what it documents by itself and use its OpenAPI
   * version. `true` means the document's profile.
   */
  asFramework?: boolean | ProfileId;
}

export interface ExportResult {
  text: string;
  format: DocumentFormat;
  version: TargetVersion;
  /** The `openapi` field written, e.g. "3.1.0". */
  openapi: string;
  /** What the target could not express, each with where it was (JSON pointer into the source). */
  warnings: ExportWarning[];
}

export class ExportError extends Error {}

/**
 * The document as OpenAPI `version`, YAML or JSON (DESIGN §1: the design's own file stays as it
 * is; this writes a new one). Pure and deterministic: the same document and options give the
 * same bytes.
 */
export function exportOpenApi(doc: ApiDocument, options: ExportOptions = {}): ExportResult {
  const root = fromNode(doc.source.root);
  if (!isMap(root) || doc.model.version === null) throw new ExportError('The document cannot be read as OpenAPI 3.x: fix the problems shown first.');
  return exportTree(root, { ...options, format: options.format ?? doc.source.format, profile: doc.model.profile });
}

/** Same, from a tree already converted to ordered values (it is changed in place). */
export function exportTree(root: OMap, options: ExportOptions & { profile: ProfileId }): ExportResult {
  const frameworkId = options.asFramework === true ? options.profile : options.asFramework || undefined;
  const framework = frameworkId ? getProfile(frameworkId) : undefined;
  const frameworkVersion = framework ? (framework.openapiVersion.slice(0, 3) as TargetVersion) : undefined;
  const version = options.version ?? frameworkVersion ?? '3.1';
  const openapi = framework && version === frameworkVersion ? framework.openapiVersion : VERSION_FIELD[version];
  const warnings = convertDocument(root, { target: version, stripExtensions: options.stripExtensions === true, ...(framework ? { framework } : {}), versionField: openapi });
  const format = options.format ?? 'yaml';
  const text = format === 'json' ? emitJson(root) : emitYaml(root);
  return { text, format, version, openapi, warnings };
}
