import { diffLines } from 'diff';
import { useMemo } from 'react';

/** Lines of context kept around each change; the rest is folded. */
const CONTEXT = 3;
/** Above this, a line diff could take seconds: the versions are offered side by side instead. */
const MAX_DIFF_CHARS = 2_000_000;

interface DiffLine {
  kind: 'same' | 'added' | 'removed' | 'fold';
  text: string;
}

/** A unified line diff of two versions of the document: what the user decides between. */
export function TextDiff({ before, after, beforeLabel, afterLabel }: { before: string; after: string; beforeLabel: string; afterLabel: string }) {
  const lines = useMemo(() => (before.length + after.length > MAX_DIFF_CHARS ? null : unifiedLines(before, after)), [before, after]);
  if (lines === null) {
    return <p className="muted">The versions are too large to compare here; open the file in another editor to see the changes.</p>;
  }
  if (lines.length === 0) return <p className="muted">The versions are identical.</p>;
  return (
    <figure className="text-diff" data-testid="text-diff">
      <figcaption>
        <span className="diff-removed">− {beforeLabel}</span> <span className="diff-added">+ {afterLabel}</span>
      </figcaption>
      <pre>
        {lines.map((line, i) => (
          <span key={i} className={`diff-line diff-${line.kind}`}>
            {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '− ' : line.kind === 'fold' ? '' : '  '}
            {line.text}
            {'\n'}
          </span>
        ))}
      </pre>
    </figure>
  );
}

function unifiedLines(before: string, after: string): DiffLine[] {
  const out: DiffLine[] = [];
  const parts = diffLines(before, after);
  parts.forEach((part, index) => {
    const lines = part.value.replace(/\r?\n$/, '').split(/\r?\n/);
    if (part.added || part.removed) {
      for (const text of lines) out.push({ kind: part.added ? 'added' : 'removed', text });
      return;
    }
    // Unchanged text: keep a little context next to the changes, fold the rest.
    const head = index === 0 ? 0 : CONTEXT;
    const tail = index === parts.length - 1 ? 0 : CONTEXT;
    if (lines.length <= head + tail + 1) {
      for (const text of lines) out.push({ kind: 'same', text });
      return;
    }
    for (const text of lines.slice(0, head)) out.push({ kind: 'same', text });
    out.push({ kind: 'fold', text: `⋯ ${lines.length - head - tail} unchanged lines` });
    for (const text of lines.slice(lines.length - tail)) out.push({ kind: 'same', text });
  });
  return out.some((l) => l.kind === 'added' || l.kind === 'removed') ? out : [];
}
