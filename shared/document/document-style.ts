/** How a document is written, so that inserted text looks like the text around it. */
export interface DocumentStyle {
  eol: '\n' | '\r\n';
  /** One level of indentation: "  ", "    " or "\t". */
  indent: string;
  /** JSON written on one line: insert compactly too. */
  compact: boolean;
  /** YAML: block sequences indented under their key (`key:\n  - a`) rather than flush (`key:\n- a`). */
  indentSequences: boolean;
  /** YAML: quote strings with ' rather than ". */
  singleQuote: boolean;
  /** YAML: `{ a: 1 }` rather than `{a: 1}`. */
  flowPadding: boolean;
}

const SAMPLE = 200_000;

export function detectStyle(text: string, format: 'json' | 'yaml'): DocumentStyle {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const eol = sample.includes('\r\n') ? '\r\n' : '\n';
  const indent = detectIndent(sample, format);
  const compact = format === 'json' && !/\n[ \t]*\S/.test(sample.trim());
  let indentSequences = true;
  let singleQuote = false;
  let flowPadding = false;
  if (format === 'yaml') {
    const padded = (sample.match(/[[{] \S/g) ?? []).length;
    const tight = (sample.match(/[[{][^\s\]}]/g) ?? []).length;
    flowPadding = padded > tight;
    // A key ending a line followed by a dash at the same column means flush sequences.
    const flush = sample.match(/^( *)[^\s#-][^\n]*:[ \t]*\r?\n\1- /m);
    const indented = sample.match(/^( *)[^\s#-][^\n]*:[ \t]*\r?\n\1 +- /m);
    indentSequences = !(flush && (!indented || (flush.index ?? 0) < (indented.index ?? 0)));
    const singles = (sample.match(/(^|[\s:[{,-])'[^'\n]*'/gm) ?? []).length;
    const doubles = (sample.match(/(^|[\s:[{,-])"[^"\n]*"/gm) ?? []).length;
    singleQuote = singles > doubles;
  }
  return { eol, indent, compact, indentSequences, singleQuote, flowPadding };
}

function detectIndent(sample: string, format: 'json' | 'yaml'): string {
  if (/\n\t+\S/.test(sample) && !/\n {2,}\S/.test(sample)) return '\t';
  let smallest = Infinity;
  const re = /\n( +)[^\s-]/g;
  let m: RegExpExecArray | null;
  let seen = 0;
  while ((m = re.exec(sample)) && seen < 500) {
    seen++;
    const n = m[1]?.length ?? 0;
    if (n > 0 && n < smallest) smallest = n;
  }
  if (!Number.isFinite(smallest)) return format === 'json' ? '  ' : '  ';
  return ' '.repeat(Math.min(smallest, 8));
}
