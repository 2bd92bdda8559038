import type { ApiModel } from '../model/api-model';

/**
 * What a user sees of a model, without source positions: the yardstick the property tests compare
 * the re-read document against.
 */
export interface ModelSummary {
  profile: string;
  controllers: { name: string; prefix: string; declared: boolean; description?: string }[];
  routes: RouteSummary[];
}

export interface RouteSummary {
  key: string;
  controller: string | null;
  operationId?: string;
  summary?: string;
  deprecated: boolean;
  defaultStatus: string | null;
  explicitDefault: boolean;
  responses: { status: string; description?: string; headers: { name: string; required: boolean }[] }[];
}

export function summarize(model: ApiModel): ModelSummary {
  return {
    profile: model.profile,
    controllers: model.controllers.map((c) => ({ name: c.name, prefix: c.prefix, declared: c.declared, ...(c.description !== undefined ? { description: c.description } : {}) })),
    routes: model.routes.map((r) => ({
      key: r.key,
      controller: r.controller,
      ...(r.operationId !== undefined ? { operationId: r.operationId } : {}),
      ...(r.summary !== undefined ? { summary: r.summary } : {}),
      deprecated: r.deprecated,
      defaultStatus: r.defaultStatus,
      explicitDefault: r.defaultStatusExplicit,
      responses: r.responses.map((res) => ({
        status: res.status,
        ...(res.description !== undefined ? { description: res.description } : {}),
        headers: res.headers.map((h) => ({ name: h.name, required: h.required })),
      })),
    })),
  };
}
