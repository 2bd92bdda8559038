import type { Convertor, HttpMethod, ProfileId } from '../model/x-routecraft';

/**
 * Everything the visual editor can ask of a document, as data: the renderer sends intents, whoever
 * holds the text turns them into text edits. Routes are named by their key (`GET /users/{id}`),
 * controllers by name, responses by status as written ("200", "2XX", "default").
 */
export type EditIntent =
  | { op: 'addController'; name: string; prefix?: string; description?: string; index?: number }
  | { op: 'updateController'; name: string; rename?: string; prefix?: string; description?: string | null }
  | { op: 'deleteController'; name: string }
  | { op: 'moveController'; name: string; to: number }
  | { op: 'addRoute'; method: HttpMethod; path: string; controller?: string | null; summary?: string; operationId?: string; index?: number; responses?: Record<string, ResponseInit> }
  | { op: 'deleteRoute'; route: string }
  /** Copies the whole operation to `path` (default: the first free `<path>-copy`), right after the original. */
  | { op: 'duplicateRoute'; route: string; path?: string }
  | { op: 'updateRoute'; route: string; method?: HttpMethod; path?: string; summary?: string | null; description?: string | null; operationId?: string | null; deprecated?: boolean; controller?: string | null }
  /** `to` is the index in declaration order; `controller` also moves it into another controller (drag and drop). */
  | { op: 'moveRoute'; route: string; to: number; controller?: string | null }
  | { op: 'setPathParam'; route: string; name: string; schema?: Record<string, unknown>; convertor?: Convertor | null; description?: string | null }
  | { op: 'removePathParam'; route: string; name: string }
  | { op: 'setRequestBody'; route: string; mediaType: string; schema: unknown; required?: boolean }
  | { op: 'removeRequestBody'; route: string }
  | { op: 'addResponse'; route: string; status: string; response?: ResponseInit }
  | { op: 'deleteResponse'; route: string; status: string }
  | { op: 'updateResponse'; route: string; status: string; newStatus?: string; description?: string }
  | { op: 'setDefaultStatus'; route: string; status: string | null }
  | { op: 'setResponseBody'; route: string; status: string; mediaType: string; schema: unknown }
  | { op: 'removeResponseBody'; route: string; status: string; mediaType?: string }
  | { op: 'setExample'; route: string; status: string; mediaType: string; name: string; value: unknown; summary?: string }
  | { op: 'removeExample'; route: string; status: string; mediaType: string; name: string }
  | { op: 'setHeader'; route: string; status: string; name: string; header: HeaderInit }
  | { op: 'renameHeader'; route: string; status: string; name: string; newName: string }
  | { op: 'removeHeader'; route: string; status: string; name: string }
  | { op: 'setProfile'; profile: ProfileId }
  /**
   * The live mock's settings in `x-routecraft.mock`: a value sets it, null removes it, absent leaves
   * it. `cors` is `off`, `permissive` (any origin) or the origins allowed (`https://app.example`, `*`).
   */
  | { op: 'setMockSettings'; latencyMs?: number | null; cors?: 'off' | 'permissive' | string[] | null };

export interface ResponseInit {
  description?: string;
  mediaType?: string;
  schema?: unknown;
  example?: unknown;
  headers?: Record<string, HeaderInit>;
}

export interface HeaderInit {
  required?: boolean;
  schema?: unknown;
  example?: unknown;
  description?: string;
}

/** What `setMockSettings` accepts: above a minute a latency is a mistake, not a slow network. */
export const MOCK_SETTINGS_LIMITS = { maxLatencyMs: 60_000, maxCorsOrigins: 100, maxOriginLength: 2048 } as const;
