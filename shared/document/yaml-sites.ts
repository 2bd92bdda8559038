import { applyEdits, type TextEdit } from '../edit/text-edit';
import type { TextLike } from './piece-text';
import { SPair, shiftNode, type SMap, type SNode, type SSeq } from './source-tree';
import { shiftBehind, spliced } from './tree-splice';
import { parseYaml } from './yaml-source';

/**
 * Re-reads a YAML document only where edits changed it: each group of nearby edits inside the
 * smallest run of block-collection members (mapping pairs or sequence items) that holds it, and
 * the rest of the tree is shifted in place. Renaming a route edits its path item's key and one
 * `x-routecraft.order` item; read whole, a 1,000-route YAML document cost ~900 ms per keystroke.
 *
 * A run is read on its own, from the start of its first member's line, with whatever precedes
 * that member on its line (indentation, a parent item's `- `) blanked: the members keep their
 * column, so the text means what it means in the whole document as long as no line of it reaches
 * left of that column (then it would belong to a parent) — such a run is refused and the next
 * larger one is tried. Anything a run cannot show on its own is refused the same way: aliases,
 * a key repeated outside the run, members that no longer start or end where the collection does.
 * The caller reads the whole text when every run is refused.
 *
 * Offsets follow update-source.ts: before the last run read they are the new text's; after it,
 * old offsets moved by `shift`. Returns the root keys under which something was read again, or
 * 'failed'.
 */
export function rereadYamlSites(root: SNode, oldText: TextLike, sortedEdits: readonly TextEdit[]): Set<string> | 'failed' {
  if (root.kind !== 'map' || root.flow) return 'failed';
  const edits = withinLines(oldText, sortedEdits);
  const rootKeys = new Set<string>();
  let shift = 0;
  let doneEnd = 0;
  for (let i = 0; i < edits.length; ) {
    const first = edits[i] as TextEdit;
    let j = i + 1;
    // The runs that hold the group, deepest first; the group grows while its next edit starts inside
    // the deepest run or on the line after it (a moved item: the new one inserted after the member
    // before it, the old one's line removed after that).
    let runs = runsHolding(root, first.offset + shift, editEnd(edits[j - 1] as TextEdit) + shift, { oldText, shift, doneEnd });
    while (runs.length > 0 && j < edits.length && (edits[j] as TextEdit).offset + shift <= nextLineStart(oldText, runEnd(runs[0] as Run) - shift) + shift) {
      j++;
      runs = runsHolding(root, first.offset + shift, editEnd(edits[j - 1] as TextEdit) + shift, { oldText, shift, doneEnd });
    }
    // The same group as given, not moved back a character, for the runs that start at its line.
    const given = sortedEdits.slice(i, j);
    const group = edits.slice(i, j);
    const rotated = group.some((e, k) => e !== given[k]);
    const givenRuns = !rotated ? [] : runsHolding(root, (given[0] as TextEdit).offset + shift, editEnd(given[given.length - 1] as TextEdit) + shift, { oldText, shift, doneEnd });
    // Deepest first, whichever form of the group found it: the smaller the run, the cheaper its read.
    const tries = [...runs.map((run) => ({ run, edits: group })), ...givenRuns.map((run) => ({ run, edits: given }))].sort((a, b) => b.run.ancestors.length - a.run.ancestors.length);
    const read = tries.find((t) => replaceRun(t.run, oldText, shift, doneEnd, t.edits))?.run;
    if (!read) return 'failed';
    rootKeys.add(read.rootKey);
    doneEnd = read.end;
    shift += group.reduce((sum, e) => sum + e.text.length - e.length, 0);
    i = j;
  }
  return rootKeys;
}

/**
 * The same edits, each whole-line one moved back by a character: removing or inserting lines from
 * one line start to the next ends where the next member begins, outside the run that holds them;
 * the same change made from the line break before stays inside it. The text they make is the same,
 * and each stays at its index (the caller falls back to the edit as given).
 */
function withinLines(text: TextLike, edits: readonly TextEdit[]): TextEdit[] {
  let previousEnd = 0;
  return edits.map((e) => {
    const before = text.charAt(e.offset - 1);
    const endsLine = e.text === '' ? e.length > 0 && text.charAt(e.offset + e.length - 1) === before : e.text.endsWith(before ?? '') && (e.length === 0 || text.charAt(e.offset + e.length - 1) === before);
    const moved = e.offset - 1 >= previousEnd && e.offset > 0 && before === '\n' && endsLine ? { offset: e.offset - 1, length: e.length, text: e.text === '' ? '' : before + e.text.slice(0, -1) } : e;
    previousEnd = e.offset + e.length;
    return moved;
  });
}

/** A run of members [from, to] of a block collection, with the collections above it. */
interface Run {
  container: SMap | SSeq;
  from: number;
  to: number;
  /** From the root down to the container's parent: the container's index in each. */
  ancestors: { node: SMap | SSeq; index: number }[];
  rootKey: string;
  /** Once read: where the run's new text ends. */
  end: number;
}

/** Where the line after `offset`'s line break starts (`offset` itself when no break follows). */
function nextLineStart(text: TextLike, offset: number): number {
  let k = offset;
  if (text.charAt(k) === '\r') k++;
  if (text.charAt(k) === '\n') k++;
  return k;
}

function editEnd(e: TextEdit): number {
  return e.offset + e.length;
}

/** The run's end: where its last member's content ends. */
function runEnd(run: Run): number {
  return memberEnd(run.container, run.to);
}

/** Every run that holds [start, end], deepest first, never one of the root mapping (a change there may change anything). */
function runsHolding(root: SMap, start: number, end: number, at: TextAt): Run[] {
  const out: Run[] = [];
  const i = memberAt(root, start);
  if (i === -1 || memberAt(root, end) !== i || end > memberEnd(root, i)) return out;
  const top = root.pairs[i] as SPair;
  const ancestors: { node: SMap | SSeq; index: number }[] = [{ node: root, index: i }];
  let node = top.value;
  for (;;) {
    if ((node.kind !== 'map' && node.kind !== 'seq') || node.flow) break;
    // An edit in the indentation before the first member (its line removed, a line put before it) is
    // the first member's.
    const from = start < firstLead(node) && start >= ownLineStart(at, firstLead(node)) ? 0 : memberAt(node, start);
    if (from === -1) break;
    let to = Math.max(from, memberAt(node, end));
    if (end > memberEnd(node, to)) {
      // Past the last member's content: into the gap before the next one, or out of this collection.
      if (to + 1 >= memberCount(node)) break;
      to++;
    }
    if (!ordered(node, from, to)) break;
    out.push({ container: node, from, to, ancestors: [...ancestors], rootKey: top.key, end: -1 });
    if (from !== to) break;
    const child = node.kind === 'map' ? (node.pairs[from] as SPair).value : (node.items[from] as SNode);
    if (start < ownLineStart(at, child.kind === 'seq' || child.kind === 'map' ? firstLead(child) : child.start) || end > child.end) break;
    ancestors.push({ node, index: from });
    node = child;
  }
  return out.reverse();
}

/**
 * Whether the members around the run start in text order, as the binary search assumes: an empty
 * sequence item (`-` alone) is given its sequence's start, which would mislead it.
 */
function ordered(node: SMap | SSeq, from: number, to: number): boolean {
  const last = Math.min(to + 1, memberCount(node) - 1);
  for (let k = Math.max(1, from - 1); k <= last; k++) if (memberStart(node, k) <= memberStart(node, k - 1)) return false;
  if (node.kind === 'seq') for (let k = from; k <= to; k++) if ((node.items[k] as SNode).start === (node.items[k] as SNode).end) return false;
  return true;
}

/** Where the text the tree's offsets refer to can be read, for the part not yet read again. */
interface TextAt {
  oldText: TextLike;
  shift: number;
  doneEnd: number;
}

/**
 * The start of `offset`'s line when only spaces come before it there, else `offset`: edits in
 * that indentation belong to what starts at `offset`.
 */
function ownLineStart(at: TextAt, offset: number): number {
  if (offset < at.doneEnd) return offset;
  const old = offset - at.shift;
  const lineStart = at.oldText.lastIndexOf('\n', old - 1) + 1;
  for (let k = lineStart; k < old; k++) if (at.oldText.charAt(k) !== ' ') return offset;
  return lineStart + at.shift;
}

/**
 * Where a block collection's first member's own text starts: its key, or its item's `- ` (a block
 * sequence starts at its first dash); the collection's start when it has no member.
 */
function firstLead(node: SMap | SSeq): number {
  return node.kind === 'map' && node.pairs.length > 0 ? (node.pairs[0] as SPair).keyStart : node.start;
}

function memberCount(node: SMap | SSeq): number {
  return node.kind === 'map' ? node.pairs.length : node.items.length;
}

function memberStart(node: SMap | SSeq, i: number): number {
  return node.kind === 'map' ? (node.pairs[i] as SPair).keyStart : (node.items[i] as SNode).start;
}

function memberEnd(node: SMap | SSeq, i: number): number {
  if (node.kind === 'map') {
    const pair = node.pairs[i] as SPair;
    return Math.max(pair.keyEnd, pair.value.end);
  }
  return (node.items[i] as SNode).end;
}

/** The last member starting at or before `offset` (binary search: `paths` has 10,000 pairs). */
function memberAt(node: SMap | SSeq, offset: number): number {
  let lo = 0;
  let hi = memberCount(node) - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (memberStart(node, mid) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Reads the run's new text and puts the members in the tree; false (tree untouched) when the text
 * cannot be read on its own as the same collection.
 */
function replaceRun(run: Run, oldText: TextLike, shift: number, doneEnd: number, group: readonly TextEdit[]): boolean {
  const { container } = run;
  const first = memberStart(container, run.from);
  // A sequence item's start is its value's: its `- ` comes before.
  const memberLead = container.kind === 'seq' ? dashBefore(oldText, first - shift) : first - shift;
  if (memberLead === -1) return false;
  const oldLineStart = oldText.lastIndexOf('\n', memberLead - 1) + 1;
  const column = memberLead - oldLineStart;
  // Only spaces before the first member on its line: edits may reach back to the line's start.
  // Otherwise (a parent item's `- `) that text is blanked below and must stay as it is.
  const ownLine = /^ *$/.test(oldText.slice(oldLineStart, memberLead));
  // Not before text already read again for an earlier group (its offsets are the new text's).
  if (column === 0 || oldLineStart + shift < doneEnd || group.some((e) => e.offset < (ownLine ? oldLineStart : memberLead))) return false;
  const oldEnd = runEnd(run) - shift;
  const piece = applyEdits(
    oldText.slice(oldLineStart, oldEnd),
    group.map((e) => ({ ...e, offset: e.offset - oldLineStart })),
  );
  // Blanked: what precedes the first member on its line belongs to the collections above.
  const text = ownLine ? piece : ' '.repeat(column) + piece.slice(column);
  if (!ownLines(text, column) || text.includes('\u0000')) return false;
  // The line break after the run goes with it: some ranges reach it (a key left empty).
  const next = oldText.charCodeAt(oldEnd);
  const lineBreak = next === 10 ? '\n' : next === 13 ? '\r\n' : '';
  const parsed = parseYaml(text + lineBreak, run.ancestors.length);
  const node = parsed.root;
  if (!node || parsed.problems.length > 0 || parsed.aliases || node.kind !== container.kind || node.flow || hasKeylessPair(node)) return false;
  const members: (SPair | SNode)[] = node.kind === 'map' ? node.pairs : node.items;
  if (members.length === 0) return false;
  // The members end where the text does, and the first starts where the old first one did: then
  // the collection's own range moves exactly as the text around it.
  const newLineStart = oldLineStart + shift;
  const lead = node.kind === 'map' ? memberStart(node, 0) : dashBefore(text, memberStart(node, 0));
  if (lead !== column || memberEnd(node, members.length - 1) !== text.length || !ordered(node, 0, members.length - 1)) return false;
  const delta = piece.length - (oldEnd - oldLineStart);
  if (container.kind === 'map' && hasKeyOutside(container, run.from, run.to, (node as SMap).pairs)) return false;
  for (const m of members) {
    if (m instanceof SPair) m.shift(newLineStart);
    else shiftNode(m, newLineStart);
  }
  const count = run.to - run.from + 1;
  if (container.kind === 'map') container.pairs = spliced(container.pairs, run.from, run.from + count, (node as SMap).pairs);
  else container.items = spliced(container.items, run.from, run.from + count, (node as SSeq).items);
  const after = run.from + members.length;
  shiftBehind(container, after, run.ancestors, delta);
  run.end = newLineStart + text.length;
  return true;
}

/** The offset of the `- ` that starts the sequence item whose value starts at `valueStart`, or -1. */
function dashBefore(text: TextLike, valueStart: number): number {
  let k = valueStart - 1;
  while (k >= 0 && (text.charAt(k) === ' ' || text.charAt(k) === '\n' || text.charAt(k) === '\r')) k--;
  return text.charAt(k) === '-' ? k : -1;
}

/**
 * No line after the first reaches left of `column` (comment-only and blank lines aside), and no
 * tab indents one: each line then belongs to the run, as it does in the whole document. No
 * explicit key (`? `) either: its range reaches into the lines after it; and no anchor or tag.
 */
function ownLines(text: string, column: number): boolean {
  if (/(^|\n)[ -]*\?/.test(text)) return false;
  // Anchors and tags (`&a`, `!!str`) can stand on a line of their own and attach to what follows
  // it, across the run's edge: refused, with whatever merely looks like one in a plain scalar.
  if (/(^|[\s,[{])[&!]/.test(text)) return false;
  let at = text.indexOf('\n');
  while (at !== -1) {
    let k = at + 1;
    while (text[k] === ' ') k++;
    const c = text[k];
    if (c === '\t') return false;
    if (k - at - 1 < column && c !== undefined && c !== '\n' && c !== '\r' && c !== '#') return false;
    at = text.indexOf('\n', k);
  }
  return true;
}

/**
 * Whether a pair has no key (`: value`): its offsets are taken from its mapping's start, which
 * depends on the text around the run.
 */
function hasKeylessPair(node: SNode): boolean {
  if (node.kind === 'map') return node.pairs.some((p) => p.keyStart === p.keyEnd || hasKeylessPair(p.shape));
  if (node.kind === 'seq') return node.items.some(hasKeylessPair);
  return false;
}

/** Whether a key of `pairs` (the run's new members) is also a key outside the run [from, to]. */
function hasKeyOutside(map: SMap, from: number, to: number, pairs: SPair[]): boolean {
  const keys = new Set(pairs.map((p) => p.key));
  if (keys.size !== pairs.length) return true;
  for (let i = 0; i < map.pairs.length; i++) {
    if (i >= from && i <= to) continue;
    if (keys.has((map.pairs[i] as SPair).key)) return true;
  }
  return false;
}
