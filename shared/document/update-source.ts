import { applyEdits, sortEdits, type TextEdit } from '../edit/text-edit';
import { locateSite, memberCount, type EditSite } from './edit-site';
import { parseJsonValueAt } from './json-source';
import { LineIndex } from './line-index';
import { PieceText, type TextLike } from './piece-text';
import { readSource, textOf, type SourceDocument } from './source-document';
import { rereadYamlSites } from './yaml-sites';
import { SPair, shiftNode, type SMap, type SNode, type SSeq } from './source-tree';
import { shiftBehind, spliced } from './tree-splice';

export interface SourceUpdate {
  source: SourceDocument;
  /**
   * The root keys under which something was read again. Undefined when the document was read
   * again whole or changed at its top level (a root key added, removed or renamed): then anything
   * may have changed. Tells the model which parts it can keep.
   */
  changedRootKeys: ReadonlySet<string> | undefined;
}

/**
 * The document after `edits`. JSON documents are re-read only where the text changed — each group
 * of nearby edits inside the smallest string, key or run of collection members that holds it —
 * and the rest of the tree is shifted in place: renaming a route edits both its path item and the
 * `x-routecraft.order` list, and neither may cost a parse of a 10 MB document. YAML is re-read by
 * runs of block-collection members (yaml-sites.ts), and whole when a run cannot be read alone.
 *
 * The previous document's tree is reused and changed: after this call only the result is valid.
 */
export function updateSource(doc: SourceDocument, edits: readonly TextEdit[]): SourceDocument {
  return updateSourceTracked(doc, edits).source;
}

/** `updateSource`, also saying where the tree changed. */
export function updateSourceTracked(doc: SourceDocument, edits: readonly TextEdit[]): SourceUpdate {
  if (edits.length === 0) return { source: doc, changedRootKeys: new Set() };
  // The new text as pieces of the old one's base: nothing here reads the old text whole, which
  // would copy it flat when it is itself a concatenation made by the previous edit.
  const pieces = (doc.pieces ?? PieceText.of(doc.text)).edited(edits);
  const text = pieces.toString();
  const sorted = sortEdits(edits);
  if (doc.format === 'yaml' && doc.root && doc.problems.length === 0 && !doc.aliases) {
    const changed = rereadYamlSites(doc.root, textOf(doc), sorted);
    if (changed === 'failed') return { source: readSource(text, { format: 'yaml' }), changedRootKeys: undefined };
    const lines = new LineIndex(text, doc.lines, edits);
    return { source: nextVersion(doc, { text, format: 'yaml', root: doc.root, problems: [], style: doc.style, lines, live: doc.live, pieces }), changedRootKeys: changed };
  }
  if (doc.format !== 'json' || !doc.root || doc.problems.length > 0) {
    // The old tree is left as it was: where the edits sit can still be told from both trees.
    const source = readSource(text, { format: doc.format });
    return { source, changedRootKeys: doc.aliases || source.aliases ? undefined : rootKeysAround(doc.root, source.root, sorted) };
  }
  const changed = rereadChangedSites(doc.root, textOf(doc), sorted);
  if (changed === 'failed') return { source: readSource(text, { format: 'json' }), changedRootKeys: undefined };
  const lines = new LineIndex(text, doc.lines, edits);
  return { source: nextVersion(doc, { text, format: 'json', root: doc.root, problems: [], style: doc.style, lines, live: doc.live, pieces }), changedRootKeys: changed };
}

/** `next`, which shares `doc`'s tree, as the newest version of it. */
function nextVersion(doc: SourceDocument, next: SourceDocument): SourceDocument {
  doc.live.current = next;
  return next;
}

/**
 * Re-reads, front to back, one site per group of edits that share it. Each site is read from a
 * small string made of old pieces: the full new text stays an unflattened concatenation until
 * something needs it. 'failed' when a site cannot be read on its own (the caller reads it all).
 */
function rereadChangedSites(root: SNode, oldText: TextLike, edits: readonly TextEdit[]): Set<string> | undefined | 'failed' {
  const rootKeys = new Set<string>();
  let topLevel = false;
  // The tree's offsets up to the last site read are already those of the new text; beyond it they
  // are old offsets moved by `shift`.
  let shift = 0;
  let doneEnd = 0;
  for (let i = 0; i < edits.length; ) {
    const first = edits[i] as TextEdit;
    let j = i + 1;
    let site = locateSite(root, first.offset + shift, editEnd(edits[j - 1] as TextEdit) + shift);
    // An edit that reaches the site joins its group, and the site grows to hold them all.
    while (site && j < edits.length && reaches(site, (edits[j] as TextEdit).offset + shift)) {
      j++;
      site = locateSite(root, first.offset + shift, editEnd(edits[j - 1] as TextEdit) + shift);
    }
    if (!site || site.start < doneEnd) return 'failed';
    const oldStart = site.start - shift;
    const piece = applyEdits(
      oldText.slice(oldStart, site.end - shift),
      edits.slice(i, j).map((e) => ({ ...e, offset: e.offset - oldStart })),
    );
    const delta = piece.length - (site.end - site.start);
    if (!replaceSite(site, piece, delta)) return 'failed';
    const top = site.ancestors[0];
    if (!top) topLevel = true;
    else if (top.node.kind === 'map') rootKeys.add(top.node.pairs[top.index]?.key ?? '');
    doneEnd = site.end + delta;
    shift += delta;
    i = j;
  }
  return topLevel ? undefined : rootKeys;
}

/**
 * For a text read again whole: the root keys whose values hold every edit strictly inside, in the
 * old tree and the new one alike. Undefined when an edit is elsewhere or the root keys changed.
 */
function rootKeysAround(oldRoot: SNode | undefined, newRoot: SNode | undefined, edits: readonly TextEdit[]): Set<string> | undefined {
  if (oldRoot?.kind !== 'map' || newRoot?.kind !== 'map' || oldRoot.pairs.length !== newRoot.pairs.length) return undefined;
  if (oldRoot.pairs.some((p, i) => p.key !== newRoot.pairs[i]?.key)) return undefined;
  const keys = new Set<string>();
  let delta = 0;
  for (const e of edits) {
    const i = oldRoot.pairs.findIndex((p) => strictlyInside(p.value, e.offset, editEnd(e)));
    const start = e.offset + delta;
    if (i === -1 || !strictlyInside((newRoot.pairs[i] as SPair).value, start, start + e.text.length)) return undefined;
    keys.add((oldRoot.pairs[i] as SPair).key);
    delta += e.text.length - e.length;
  }
  return keys;
}

function strictlyInside(node: SNode, start: number, end: number): boolean {
  return node.start < start && end < node.end;
}

function editEnd(e: TextEdit): number {
  return e.offset + e.length;
}

/** A run of members also owns the separator before the next member, where an insertion can land. */
function reaches(site: EditSite, offset: number): boolean {
  return offset < site.end || (site.kind === 'members' && offset === site.end);
}

/** Reads `piece` (the site's new text) and puts the result in the tree. False when it does not fit. */
function replaceSite(site: EditSite, piece: string, delta: number): boolean {
  const { container } = site;
  let after: number;
  try {
    if (site.kind === 'members') {
      const members = readMembers(site, piece);
      if (!members) return false;
      if (container.kind === 'map') container.pairs = spliced(container.pairs, site.from, site.to, members as SPair[]);
      else container.items = spliced(container.items, site.from, site.to, members as SNode[]);
      if (container.kind === 'map' && hasRepeatedKey(container, site.from, members.length)) return false;
      after = site.from + members.length;
    } else {
      const read = parseJsonValueAt(piece, 0, site.start);
      const node = read.node;
      if (read.end !== site.start + piece.length || node.kind !== 'scalar') return false;
      if (site.kind === 'key') {
        if (typeof node.value !== 'string') return false;
        const old = site.container.pairs[site.index] as SPair;
        const value = old.value;
        shiftNode(value, delta);
        site.container.pairs[site.index] = new SPair(node.value, old.keyStart, old.keyEnd + delta, value);
        if (hasRepeatedKey(site.container, site.index, 1)) return false;
      } else if (container.kind === 'map') (container.pairs[site.index] as SPair).value = node;
      else container.items[site.index] = node;
      after = site.index + 1;
    }
  } catch {
    // A syntax error in the piece: the full read reports it where it is.
    return false;
  }
  shiftBehind(container, after, site.ancestors, delta);
  return true;
}

/**
 * The members in a run's new text. The text is read inside a copy of its collection with a
 * stand-in member for each neighbour it separates, so that the separators are checked as a full
 * read would check them.
 */
function readMembers(site: Extract<EditSite, { kind: 'members' }>, piece: string): SPair[] | SNode[] | undefined {
  const map = site.container.kind === 'map';
  const before = site.from > 0;
  const behind = site.to < memberCount(site.container);
  // The spaces keep a stand-in from gluing onto the text (`0` + `.5` would read as one number):
  // text that would glue onto the real neighbour then fails here, and the full read sorts it out.
  const head = (map ? '{' : '[') + (before ? (map ? '"":0 ' : '0 ') : '');
  const tail = (behind ? (map ? ' "":0' : ' 0') : '') + (map ? '}' : ']');
  const text = head + piece + tail;
  const base = site.start - head.length;
  const read = parseJsonValueAt(text, 0, base, site.ancestors.length);
  if (read.end !== base + text.length) return undefined;
  const node = read.node as SMap | SSeq;
  const all: readonly (SPair | SNode)[] = node.kind === 'map' ? node.pairs : node.items;
  const members = all.slice(before ? 1 : 0, behind ? all.length - 1 : all.length);
  for (const m of members) if (hasDuplicateKeys(m instanceof SPair ? m.value : (m as SNode))) return undefined;
  return members as SPair[] | SNode[];
}


/** Whether any of the `count` pairs from `from` repeats a key of the mapping. */
function hasRepeatedKey(map: SMap, from: number, count: number): boolean {
  if (count === 0) return false;
  const pairs = map.pairs;
  if (count > 8) return new Set(pairs.map((p) => p.key)).size !== pairs.length;
  for (let k = from; k < from + count; k++) {
    const key = (pairs[k] as SPair).key;
    for (let m = 0; m < pairs.length; m++) if (m !== k && (pairs[m] as SPair).key === key) return true;
  }
  return false;
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
