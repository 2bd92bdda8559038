import path from 'node:path';
import type { Config, LocationObject, NormalizedProblem } from '@redocly/openapi-core';
import { encodePointer } from '../../shared/document/json-pointer';
import type { SourceRange } from '../../shared/document/line-index';
import { locatePath } from '../../shared/document/locate-pointer';
import { PairIndex } from '../../shared/document/pair-index';
import type { SNode } from '../../shared/document/source-tree';
import type { Diagnostic, DiagnosticTarget } from '../../shared/model/diagnostic';
import { isUnreadable, type ApiDocument } from '../../shared/model/open-document';
import { isHttpMethod, routeKey } from '../../shared/model/x-routecraft';
import { sortDiagnostics } from '../../shared/rules/run-rules';
import { confinedResolver } from './confined-ref-resolver';

export interface RedoclyLintOptions {
  /**
   * Where the document lives on disk. Relative `$ref`s to other files resolve inside its folder,
   * and nowhere else; without it only references inside the document resolve.
   */
  filePath?: string;
}

/** Lints a document with Redocly's findings mapped onto it, so they join Routecraft's own list (DESIGN §4). */
export interface DocumentLinter {
  lint(doc: ApiDocument, options?: RedoclyLintOptions): Promise<Diagnostic[]>;
}

/** The rule id of the finding left when Redocly itself fails on a document. */
export const REDOCLY_FAILED = 'redocly/lint-failed';

/**
 * Redocly's `recommended` ruleset (`@redocly/openapi-core`) on a document's current text, each
 * problem as a Diagnostic `redocly/<rule>` at the range of its location in our tree. Node only:
 * Redocly needs node:path and node:fs. Never throws on the document: an unreadable text gives no
 * findings (its `document/*` diagnostics say why), and a Redocly failure gives one `redocly/lint-failed`.
 * Remote references are never fetched and files outside the document's folder never read (DESIGN §7).
 */
export class RedoclyLintService implements DocumentLinter {
  private config: Promise<Config> | undefined;

  async lint(doc: ApiDocument, options: RedoclyLintOptions = {}): Promise<Diagnostic[]> {
    if (isUnreadable(doc)) return [];
    // Loaded on first use: `routecraft routes` and app start-up do not pay for Redocly.
    const redocly = await import('@redocly/openapi-core');
    const absoluteRef = options.filePath !== undefined ? path.resolve(options.filePath) : path.resolve(UNSAVED);
    let problems: NormalizedProblem[];
    try {
      this.config ??= redocly.createConfig({ extends: ['recommended'], rules: RULE_SEVERITIES });
      const config = await this.config;
      const externalRefResolver = confinedResolver(redocly.BaseResolver, redocly.ResolveError, options.filePath !== undefined ? path.dirname(absoluteRef) : undefined);
      problems = await redocly.lintFromString({ source: doc.source.text, absoluteRef, config, externalRefResolver });
    } catch (e) {
      return [{ rule: REDOCLY_FAILED, severity: 'warning', message: `Redocly could not lint this document: ${e instanceof Error ? e.message : String(e)}`, target: { pointer: '', range: doc.source.lines.range(0, 0) } }];
    }
    const lookups = new DocumentLookups(doc);
    const refs = new ExternalRefs(doc, absoluteRef, lookups);
    return sortDiagnostics(problems.filter((p) => !p.ignored).map((p) => toDiagnostic(doc, p, absoluteRef, lookups, refs)));
  }
}

/**
 * Redocly's `recommended` ruleset, with four of its errors made warnings: they are choices or
 * style, not mistakes — an API without security or `servers` (a design, a mock, an internal
 * service), an operation without a summary, a path ending in "/" (a framework's routing matters
 * there, and the trailing-slash rules say how). As errors they failed every new design and
 * blocked every export.
 */
const RULE_SEVERITIES = {
  'security-defined': 'warn',
  'operation-summary': 'warn',
  'no-empty-servers': 'warn',
  'no-path-trailing-slash': 'warn',
} as const;

/** The name a document without a file is linted under; no file is read there. */
const UNSAVED = '/routecraft-unsaved/openapi.yaml';

/**
 * Lookups into a document that does not change while Redocly's findings are mapped onto it: at
 * 10,000 routes there are 30,000 findings, and each looked its route up among all routes and its
 * path item among all of `paths`, one by one (2.2 s of a 3.5 s lint, profiled).
 */
export class DocumentLookups {
  private routeKeys: Set<string> | undefined;
  private readonly pairs = new PairIndex();

  constructor(private readonly doc: ApiDocument) {}

  hasRoute(key: string): boolean {
    this.routeKeys ??= new Set(this.doc.model.routes.map((r) => r.key));
    return this.routeKeys.has(key);
  }

  locate(path: readonly string[], onKey: boolean): ReturnType<typeof locatePath> {
    return locatePath(this.doc.source, path, { onKey, pairOf: this.pairs.get });
  }
}

export function toDiagnostic(doc: ApiDocument, problem: NormalizedProblem, rootRef: string, lookups = new DocumentLookups(doc), refs = new ExternalRefs(doc, rootRef, lookups)): Diagnostic {
  const suggest = problem.suggest.length > 0 ? ` Did you mean: ${problem.suggest.join(', ')}?` : '';
  const primary = problem.location[0];
  const inRoot = (l: LocationObject | undefined): boolean => l !== undefined && l.source.absoluteRef === rootRef;
  let target: DiagnosticTarget;
  let elsewhere = '';
  if (primary && inRoot(primary)) target = locate(doc, primary, lookups);
  else {
    // A problem inside a referenced file: shown where our document refers to it, naming the file.
    target = (problem.from && inRoot(problem.from) ? locate(doc, problem.from, lookups) : primary && refs.find(primary.source.absoluteRef)) ?? { pointer: '', range: doc.source.lines.range(0, 0) };
    if (primary) elsewhere = ` (in ${path.basename(primary.source.absoluteRef)}${primary.pointer !== undefined ? primary.pointer : ''})`;
  }
  return {
    rule: `redocly/${problem.ruleId}`,
    severity: problem.severity === 'error' ? 'error' : 'warning',
    message: `${problem.message}${elsewhere}${suggest}`,
    target,
  };
}

function locate(doc: ApiDocument, location: LocationObject, lookups: DocumentLookups): DiagnosticTarget {
  if (location.pointer === undefined) {
    const lines = doc.source.lines;
    const offset = (loc: { line: number; col: number }) => lines.lineStart(loc.line) + Math.max(0, loc.col - 1);
    const start = offset(location.start);
    const range: SourceRange = lines.range(start, location.end ? Math.max(start, offset(location.end)) : start);
    return { pointer: '', range };
  }
  const candidates = pointerPaths(location.pointer);
  let best = candidates[0] as string[];
  let located = lookups.locate(best, location.reportOnKey === true);
  for (const candidate of candidates.slice(1)) {
    const other = lookups.locate(candidate, location.reportOnKey === true);
    if (other.found.length > located.found.length) {
      best = candidate;
      located = other;
    }
  }
  return { pointer: encodePointer(best), range: located.range, ...modelElement(lookups, best) };
}

/**
 * Redocly's pointers escape `~` and `/` and may percent-encode (`#/paths/~1users~1{id}`); keys in the
 * document may themselves contain `%`. Both readings are tried; the one that exists wins.
 */
function pointerPaths(pointer: string): string[][] {
  const raw = pointer.replace(/^#/, '').split('/').slice(1).filter((s, i, all) => s !== '' || i < all.length - 1);
  const unescaped = raw.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const decoded = unescaped.map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  return decoded.some((s, i) => s !== unescaped[i]) ? [unescaped, decoded] : [unescaped];
}

/** The route, status and header a pointer under `paths` names, when the model has that route. */
function modelElement(lookups: DocumentLookups, at: string[]): Pick<DiagnosticTarget, 'routeKey' | 'status' | 'header'> {
  const [first, p, method, responses, status, headers, header] = at;
  if (first !== 'paths' || p === undefined || method === undefined || !isHttpMethod(method)) return {};
  const key = routeKey(method, p);
  if (!lookups.hasRoute(key)) return {};
  return {
    routeKey: key,
    ...(responses === 'responses' && status !== undefined ? { status } : {}),
    ...(responses === 'responses' && headers === 'headers' && header !== undefined ? { header } : {}),
  };
}

/** Where the document first refers to each other file (`$ref: ./item.yaml#/…`), found on first need. */
export class ExternalRefs {
  private byFile: Map<string, DiagnosticTarget> | undefined;

  constructor(
    private readonly doc: ApiDocument,
    private readonly rootRef: string,
    private readonly lookups = new DocumentLookups(doc),
  ) {}

  find(file: string): DiagnosticTarget | undefined {
    this.byFile ??= this.collect();
    return this.byFile.get(file);
  }

  private collect(): Map<string, DiagnosticTarget> {
    const out = new Map<string, DiagnosticTarget>();
    const folder = path.dirname(this.rootRef);
    const stack: { node: SNode | undefined; at: string[] }[] = [{ node: this.doc.source.root, at: [] }];
    // Iterative, and aliases are not followed: a deep or self-referencing tree cannot overflow it.
    while (stack.length > 0) {
      const { node, at } = stack.pop() as { node: SNode | undefined; at: string[] };
      if (node?.kind === 'map') {
        for (const pair of node.pairs) {
          const ref = pair.key === '$ref' && pair.value.kind === 'scalar' && typeof pair.value.value === 'string' ? pair.value.value : undefined;
          if (ref !== undefined && !ref.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
            const file = path.resolve(folder, decodeSafe(ref.split('#')[0] ?? ''));
            const seen = out.get(file)?.range?.start.offset;
            if (seen === undefined || seen > pair.keyStart) out.set(file, { pointer: encodePointer(at), range: this.doc.source.lines.range(pair.keyStart, pair.value.end), ...modelElement(this.lookups, at) });
          } else stack.push({ node: pair.value, at: [...at, pair.key] });
        }
      } else if (node?.kind === 'seq') node.items.forEach((item, i) => stack.push({ node: item, at: [...at, String(i)] }));
    }
    return out;
  }
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
