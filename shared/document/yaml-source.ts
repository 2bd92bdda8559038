import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Node as YNode } from 'yaml';
import type { ParseProblem } from './parse-problem';
import { SPair, type SAlias, type SMap, type SNode, type SScalar, type SSeq } from './source-tree';
import { MAX_DEPTH } from './json-source';

export interface YamlParse {
  root: SNode | undefined;
  problems: ParseProblem[];
  /** Set when the text uses aliases (`*name`): a change at an anchor then shows wherever it is used. */
  aliases?: true;
}

/**
 * Reads YAML through the `yaml` package and converts its AST into the format-neutral tree.
 * `depth`: how deep the text's root sits in a larger document (a part read again on its own).
 */
export function parseYaml(text: string, depth = 0): YamlParse {
  // Repeated keys are found while converting: yaml's own check compares each key with every
  // earlier one, 1.5 of the 4 s it takes to read a 10,000-route document.
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, strict: false });
  const problems: ParseProblem[] = doc.errors.map((e) => ({
    code: e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : e.code === 'MULTIPLE_DOCS' ? 'multiple-documents' : 'syntax',
    message: firstLine(e.message),
    offset: e.pos[0],
    length: Math.max(0, e.pos[1] - e.pos[0]),
  }));
  if (problems.length > 0) return { root: undefined, problems };
  if (doc.contents === null) {
    return { root: undefined, problems: [{ code: 'empty', message: 'The document is empty.', offset: 0, length: 0 }] };
  }
  const converter = new Converter(text);
  try {
    const root = converter.node(doc.contents as YNode, depth);
    converter.resolveAliases();
    return { root, problems: converter.duplicates, ...(converter.hasAliases ? { aliases: true as const } : {}) };
  } catch (e) {
    if (e instanceof TooDeep) return { root: undefined, problems: [{ code: 'too-deep', message: `Nesting deeper than ${MAX_DEPTH} levels`, offset: e.offset, length: 1 }] };
    throw e;
  }
}

class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('too deep');
  }
}

function firstLine(message: string): string {
  // yaml's messages repeat the source excerpt after the first line; we show our own location.
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

class Converter {
  private readonly byYNode = new Map<YNode, SNode>();
  private readonly aliases: { alias: SAlias; source: YNode }[] = [];
  private readonly anchors = new Map<string, YNode>();
  /** Keys repeated in a mapping, as yaml's `uniqueKeys` reported them: equal scalar values. */
  readonly duplicates: ParseProblem[] = [];

  constructor(private readonly text: string) {}

  node(n: YNode | null, depth: number, emptyAt = 0): SNode {
    if (depth > MAX_DEPTH) throw new TooDeep(n?.range?.[0] ?? emptyAt);
    if (n === null) return { kind: 'scalar', start: emptyAt, end: emptyAt, value: null };
    if (n.anchor) this.anchors.set(n.anchor, n);
    const [start = emptyAt, valueEnd = start] = n.range ?? [];
    let out: SNode;
    if (isMap(n)) {
      const pairs: SPair[] = [];
      const seen = new Set<unknown>();
      for (const p of n.items) {
        if (!isPair(p)) continue;
        const k = p.key as YNode | null;
        const same = isScalar(k) ? k.value : k === null ? null : undefined;
        if (same !== undefined) {
          if (seen.has(same)) this.duplicates.push({ code: 'duplicate-key', message: 'Map keys must be unique', offset: k?.range?.[0] ?? start, length: Math.max(0, (k?.range?.[1] ?? start) - (k?.range?.[0] ?? start)) });
          seen.add(same);
        }
        const keyStart = k?.range?.[0] ?? start;
        const keyEnd = k?.range?.[1] ?? keyStart;
        const key = isScalar(k) ? String(k.value) : this.text.slice(keyStart, keyEnd);
        const after = this.afterColon(keyEnd);
        pairs.push(new SPair(key, keyStart, keyEnd, this.node(p.value as YNode | null, depth + 1, after)));
      }
      out = { kind: 'map', start, end: n.flow ? valueEnd : this.blockEnd(start, pairs.at(-1)?.value, pairs.at(-1)?.keyEnd), flow: !!n.flow, pairs } satisfies SMap;
    } else if (isSeq(n)) {
      const items = n.items.map((item) => this.node(item as YNode | null, depth + 1, start));
      out = { kind: 'seq', start, end: n.flow ? valueEnd : this.blockEnd(start, items.at(-1)), flow: !!n.flow, items } satisfies SSeq;
    } else if (isAlias(n)) {
      const alias: SAlias = { kind: 'alias', start, end: valueEnd, target: undefined };
      this.aliases.push({ alias, source: n });
      out = alias;
    } else if (isScalar(n)) {
      const v = n.value;
      const value = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
      const block = n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED';
      // Block scalars' ranges run over their trailing line breaks (and the next line's indentation):
      // the node ends where its text does.
      out = { kind: 'scalar', start, end: trimEnd(this.text, start, valueEnd), value, ...(block ? { block } : {}) } satisfies SScalar;
    } else {
      out = { kind: 'scalar', start, end: valueEnd, value: null };
    }
    this.byYNode.set(n, out);
    return out;
  }

  get hasAliases(): boolean {
    return this.aliases.length > 0;
  }

  resolveAliases(): void {
    for (const { alias, source } of this.aliases) {
      if (!isAlias(source)) continue;
      const target = this.anchors.get(source.source);
      alias.target = target ? this.byYNode.get(target) : undefined;
    }
  }

  /** Where an empty value (`key:`) sits: right after the colon, so setting it is an insertion. */
  private afterColon(keyEnd: number): number {
    const colon = this.text.indexOf(':', keyEnd);
    const nl = this.text.indexOf('\n', keyEnd);
    if (colon === -1 || (nl !== -1 && colon > nl)) return keyEnd;
    return colon + 1;
  }

  /** A block collection ends where its last child's content ends, never at trailing comments. */
  private blockEnd(start: number, last: SNode | undefined, lastKeyEnd?: number): number {
    if (!last) return lastKeyEnd ?? start;
    if (last.kind === 'scalar' && last.start === last.end && lastKeyEnd !== undefined) return Math.max(lastKeyEnd + 1, last.end);
    return last.end;
  }
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1] ?? '')) e--;
  return e;
}
