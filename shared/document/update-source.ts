import { applyEdits, editSpan, type TextEdit } from '../edit/text-edit';
import { parseJsonValueAt } from './json-source';
import { LineIndex } from './line-index';
import { readSource, type SourceDocument } from './source-document';
import { shiftNode, type SMap, type SNode, type SPair, type SSeq } from './source-tree';

/**
 * The document after `edits`. JSON documents are re-read only inside the smallest collection that
 * contains the change, and the rest of the tree is shifted in place: a one-line edit in a 13 MB
 * document must not cost a full parse. YAML is re-read whole (indentation gives it no safe local
 * boundary, and YAML documents that size are rare).
 *
 * The previous document's tree is reused and changed: after this call only the result is valid.
 */
export function updateSource(doc: SourceDocument, edits: readonly TextEdit[]): SourceDocument {
  if (edits.length === 0) return doc;
  const text = applyEdits(doc.text, edits);
  if (doc.format !== 'json' || !doc.root || doc.problems.length > 0) return readSource(text, { format: doc.format });
  const span = editSpan(edits);
  const delta = text.length - doc.text.length;
  const chain = containingChain(doc.root, span.start, span.end);
  const target = chain[chain.length - 1];
  if (!target) return readSource(text, { format: 'json' });
  let reparsed: { node: SNode; end: number };
  try {
    // Read the new collection from a small string made of old pieces: the full new text stays an
    // unflattened concatenation until something needs it.
    const base = target.node.start;
    const piece = applyEdits(doc.text.slice(base, target.node.end), edits.map((e) => ({ ...e, offset: e.offset - base })));
    reparsed = parseJsonValueAt(piece, 0, base);
  } catch {
    return readSource(text, { format: 'json' });
  }
  if (reparsed.end !== target.node.end + delta || hasDuplicateKeys(reparsed.node)) return readSource(text, { format: 'json' });
  // Shift everything after the change, then swap the re-read collection in.
  for (let i = 0; i < chain.length - 1; i++) {
    const { node, index } = chain[i] as Link;
    shiftAfter(node, index, delta);
    node.end += delta;
  }
  const parentLink = chain[chain.length - 2];
  let root = doc.root;
  if (!parentLink) root = reparsed.node;
  else if (parentLink.node.kind === 'map') (parentLink.node.pairs[parentLink.index] as SPair).value = reparsed.node;
  else parentLink.node.items[parentLink.index] = reparsed.node;
  const lines = new LineIndex(text, doc.lines, edits, doc.text);
  return { text, format: 'json', root, problems: [], style: doc.style, lines };
}

interface Link {
  node: SMap | SSeq;
  /** The child the chain continues into (unused for the last link). */
  index: number;
}

/** Root-to-leaf chain of collections that strictly contain [start, end). */
function containingChain(root: SNode, start: number, end: number): Link[] {
  const chain: Link[] = [];
  let node: SNode | undefined = root;
  while (node && (node.kind === 'map' || node.kind === 'seq') && node.start < start && end < node.end) {
    const link: Link = { node, index: -1 };
    chain.push(link);
    const children: readonly { start: number; end: number }[] = node.kind === 'map' ? node.pairs.map((p) => ({ start: p.keyStart, end: p.value.end })) : node.items;
    const i = findContaining(children, start, end);
    if (i === -1) break;
    link.index = i;
    node = node.kind === 'map' ? node.pairs[i]?.value : node.items[i];
    if (!node || !(node.start < start && end < node.end)) break;
  }
  // The last link is the collection to re-read; its child index is not used.
  return chain;
}

function findContaining(children: readonly { start: number; end: number }[], start: number, end: number): number {
  let lo = 0;
  let hi = children.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = children[mid] as { start: number; end: number };
    if (c.end < start) lo = mid + 1;
    else if (c.start > end) hi = mid - 1;
    else return c.start <= start && end <= c.end ? mid : -1;
  }
  return -1;
}

function shiftAfter(node: SMap | SSeq, index: number, delta: number): void {
  if (node.kind === 'map') {
    const pairs = node.pairs;
    for (let i = index + 1; i < pairs.length; i++) (pairs[i] as SPair).shift(delta);
  } else {
    const items = node.items;
    for (let i = index + 1; i < items.length; i++) shiftNode(items[i] as SNode, delta);
  }
}

function hasDuplicateKeys(node: SNode): boolean {
  if (node.kind === 'map') {
    const seen = new Set<string>();
    for (const p of node.pairs) {
      if (seen.has(p.key) || hasDuplicateKeys(p.value)) return true;
      seen.add(p.key);
    }
  } else if (node.kind === 'seq') {
    for (const item of node.items) if (hasDuplicateKeys(item)) return true;
  }
  return false;
}
