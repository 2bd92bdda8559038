import { z } from 'zod';
import { MOCK_SETTINGS_LIMITS, type EditIntent } from '../edit/edit-intent';
import { CONVERTORS, HTTP_METHODS, PROFILE_IDS } from '../model/x-routecraft';

// The renderer's visual edits, checked by main before they touch the document (DESIGN §7:
// untrusted input never crashes anything). Kept in step with EditIntent by the type checks below.

const method = z.enum(HTTP_METHODS);
const name = z.string().min(1);
/** A route key, `GET /users/{id}`. */
const route = z.string().min(1);
const status = z.string().min(1);
const index = z.int().nonnegative();
const schemaValue = z.unknown();

const headerInit = z.strictObject({
  required: z.boolean().optional(),
  schema: schemaValue.optional(),
  example: z.unknown().optional(),
  description: z.string().optional(),
});

const responseInit = z.strictObject({
  description: z.string().optional(),
  mediaType: z.string().optional(),
  schema: schemaValue.optional(),
  example: z.unknown().optional(),
  headers: z.record(z.string(), headerInit).optional(),
});

export const editIntentSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('addController'), name, prefix: z.string().optional(), description: z.string().optional(), index: index.optional() }),
  z.strictObject({ op: z.literal('updateController'), name, rename: name.optional(), prefix: z.string().optional(), description: z.string().nullable().optional() }),
  z.strictObject({ op: z.literal('deleteController'), name }),
  z.strictObject({ op: z.literal('moveController'), name, to: index }),
  z.strictObject({
    op: z.literal('addRoute'),
    method,
    path: z.string().min(1),
    controller: z.string().nullable().optional(),
    summary: z.string().optional(),
    operationId: z.string().optional(),
    index: index.optional(),
    responses: z.record(z.string(), responseInit).optional(),
  }),
  z.strictObject({ op: z.literal('deleteRoute'), route }),
  z.strictObject({
    op: z.literal('updateRoute'),
    route,
    method: method.optional(),
    path: z.string().min(1).optional(),
    summary: z.string().nullable().optional(),
    description: z.string().nullable().optional(),
    operationId: z.string().nullable().optional(),
    deprecated: z.boolean().optional(),
    controller: z.string().nullable().optional(),
  }),
  z.strictObject({ op: z.literal('duplicateRoute'), route, path: z.string().max(2000).optional() }),
  z.strictObject({ op: z.literal('moveRoute'), route, to: index, controller: z.string().nullable().optional() }),
  z.strictObject({
    op: z.literal('setPathParam'),
    route,
    name,
    schema: z.record(z.string(), z.unknown()).optional(),
    convertor: z.enum(CONVERTORS).nullable().optional(),
    description: z.string().nullable().optional(),
  }),
  z.strictObject({ op: z.literal('removePathParam'), route, name }),
  z.strictObject({ op: z.literal('setRequestBody'), route, mediaType: name, schema: schemaValue, required: z.boolean().optional() }),
  z.strictObject({ op: z.literal('removeRequestBody'), route }),
  z.strictObject({ op: z.literal('addResponse'), route, status, response: responseInit.optional() }),
  z.strictObject({ op: z.literal('deleteResponse'), route, status }),
  z.strictObject({ op: z.literal('updateResponse'), route, status, newStatus: status.optional(), description: z.string().optional() }),
  z.strictObject({ op: z.literal('setDefaultStatus'), route, status: status.nullable() }),
  z.strictObject({ op: z.literal('setResponseBody'), route, status, mediaType: name, schema: schemaValue }),
  z.strictObject({ op: z.literal('removeResponseBody'), route, status, mediaType: name.optional() }),
  z.strictObject({ op: z.literal('setExample'), route, status, mediaType: name, name, value: z.unknown(), summary: z.string().optional() }),
  z.strictObject({ op: z.literal('removeExample'), route, status, mediaType: name, name }),
  z.strictObject({ op: z.literal('setHeader'), route, status, name, header: headerInit }),
  z.strictObject({ op: z.literal('renameHeader'), route, status, name, newName: name }),
  z.strictObject({ op: z.literal('removeHeader'), route, status, name }),
  z.strictObject({ op: z.literal('setProfile'), profile: z.enum(PROFILE_IDS) }),
  z.strictObject({
    op: z.literal('setMockSettings'),
    latencyMs: z.int().min(0).max(MOCK_SETTINGS_LIMITS.maxLatencyMs).nullable().optional(),
    cors: z
      .union([z.enum(['off', 'permissive']), z.array(z.string().min(1).max(MOCK_SETTINGS_LIMITS.maxOriginLength)).min(1).max(MOCK_SETTINGS_LIMITS.maxCorsOrigins)])
      .nullable()
      .optional(),
  }),
]);

// Both directions, so a new intent (or a changed field) that is not added here fails the typecheck.
type Parsed = z.infer<typeof editIntentSchema>;
type Assert<T extends true> = T;
export type EditIntentSchemaCoversEditIntent = Assert<EditIntent extends Parsed ? true : false>;
export type EditIntentSchemaIsEditIntent = Assert<Parsed extends EditIntent ? true : false>;
