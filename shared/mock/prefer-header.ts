/**
 * The `Prefer` header as Stoplight Prism reads it for mocking (RFC 7240 syntax):
 * `Prefer: code=404`, `Prefer: example=not-found`, `Prefer: dynamic=true`, combined with commas
 * or semicolons. Other preferences are ignored, as RFC 7240 asks.
 */
export interface MockPreferences {
  /** As written: checked against the declared responses later. */
  code?: string;
  example?: string;
  dynamic?: boolean;
}

/** No preferences: what most requests have, shared rather than made for each. */
const NONE: Readonly<MockPreferences> = Object.freeze({});

export function parsePrefer(header: string | undefined): Readonly<MockPreferences> {
  if (!header) return NONE;
  const out: MockPreferences = {};
  for (const part of header.split(/[,;]/)) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (key === 'code') out.code = value;
    else if (key === 'example') out.example = value;
    else if (key === 'dynamic') out.dynamic = value.toLowerCase() === 'true';
  }
  return out;
}

/** The `Preference-Applied` value for what was honoured, or undefined. */
export function appliedPreferences(p: MockPreferences): string | undefined {
  if (p.code === undefined && p.example === undefined && !p.dynamic) return undefined;
  const parts: string[] = [];
  if (p.code !== undefined) parts.push(`code=${p.code}`);
  if (p.example !== undefined) parts.push(`example=${quoteIfNeeded(p.example)}`);
  if (p.dynamic) parts.push('dynamic=true');
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function quoteIfNeeded(v: string): string {
  return /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(v) ? v : `"${v.replace(/["\\]/g, '')}"`;
}
