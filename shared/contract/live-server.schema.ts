import { z } from 'zod';
import type { MockLogEvent } from '../mock/request-log';
import { PROFILE_IDS } from '../model/x-routecraft';

export const serverSettingsSchema = z.strictObject({
  /** 0 picks a free port. */
  port: z.int().min(0).max(65535),
  /** Loopback unless the user decides otherwise. */
  host: z.enum(['127.0.0.1', '::1', '0.0.0.0', '::']),
  /** null: the document's own `x-routecraft.profile`. */
  profile: z.enum(PROFILE_IDS).nullable(),
  /** Report response bodies that do not match their schema in the log. */
  strict: z.boolean(),
});
export type ServerSettings = z.infer<typeof serverSettingsSchema>;

export const serverStatusSchema = z.strictObject({
  running: z.boolean(),
  /** `http://127.0.0.1:4010` while running. */
  url: z.string().nullable(),
  settings: serverSettingsSchema,
  /** The profile the server answers with now. */
  profile: z.enum(PROFILE_IDS).nullable(),
  routeCount: z.int().nonnegative(),
  /** Why the last start failed ("port 4010 is in use…"), until the next start. */
  error: z.string().nullable(),
});
export type ServerStatus = z.infer<typeof serverStatusSchema>;

export const mockLogEventSchema = z.custom<MockLogEvent>(
  (value) => typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'number',
  'expected a request log event',
);

/** Sizes a "Try it" request may have, and how much of the answer comes back. */
export const TRY_LIMITS = {
  maxPathLength: 8 * 1024,
  maxHeaders: 100,
  maxHeaderValueLength: 8 * 1024,
  /** The mock server's own default limit for request bodies. */
  maxBodyChars: 1024 * 1024,
  /** Bytes of the answer's body returned; the rest is cut off (`truncated`). */
  maxResponseBytes: 256 * 1024,
} as const;

/**
 * A request target on the live server itself: one leading "/" and no scheme, so `http://evil.example/`,
 * `//evil.example/x` and `/\evil.example` (which URL parsers read as another host) are refused, as
 * are spaces, control characters and fragments, which have no place in a request line.
 */
export function isServerPath(path: string): boolean {
  if (!path.startsWith('/') || path[1] === '/' || path[1] === '\\') return false;
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f || path[i] === '#') return false;
  }
  return true;
}

/** A header name as HTTP defines a token: no spaces, no colon. */
const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}$/, 'a header name is letters, digits and -_.!#$%&\'*+^`|~ only');
const headerValue = z
  .string()
  .max(TRY_LIMITS.maxHeaderValueLength)
  .refine((value) => !/[\r\n]/.test(value) && !value.includes('\0'), 'a header value must be on one line');

export const tryRequestSchema = z.strictObject({
  /** A method token, sent in upper case. */
  method: z.string().regex(/^[A-Za-z]{1,16}$/, 'a method is letters only, such as GET'),
  /** Path and query on the live server, `/api/users?page=2`. */
  path: z
    .string()
    .min(1)
    .max(TRY_LIMITS.maxPathLength)
    .refine(isServerPath, 'the path must start with one "/" (such as /api/users), without spaces: requests go to the live server only'),
  headers: z.array(z.tuple([headerName, headerValue])).max(TRY_LIMITS.maxHeaders),
  body: z.string().max(TRY_LIMITS.maxBodyChars).optional(),
});
export type TryRequest = z.infer<typeof tryRequestSchema>;

export const tryResponseSchema = z.strictObject({
  /** The address the request went to, `http://127.0.0.1:4010/api/users`. */
  url: z.string(),
  status: z.int(),
  /** As received, in order. */
  headers: z.array(z.tuple([z.string(), z.string()])),
  /** The body as UTF-8 text, at most `maxResponseBytes` of it. */
  body: z.string(),
  truncated: z.boolean(),
  /** From sending the request to the last byte of the answer, latency included. */
  durationMs: z.number().nonnegative(),
});
export type TryResponse = z.infer<typeof tryResponseSchema>;
