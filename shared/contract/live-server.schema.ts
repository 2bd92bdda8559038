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
