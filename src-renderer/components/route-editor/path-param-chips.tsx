import type { PathParam, Route } from '../../../shared/model/api-model';
import type { Convertor } from '../../../shared/model/x-routecraft';
import type { DesignApp } from '../../use-routecraft';

/** The types a path parameter can have, as schema and as the framework's convertor name. */
const TYPES: { id: string; label: string; schema: Record<string, unknown>; convertor: Convertor }[] = [
  { id: 'string', label: 'str', schema: { type: 'string' }, convertor: 'str' },
  { id: 'integer', label: 'int', schema: { type: 'integer' }, convertor: 'int' },
  { id: 'number', label: 'float', schema: { type: 'number' }, convertor: 'float' },
  { id: 'uuid', label: 'uuid', schema: { type: 'string', format: 'uuid' }, convertor: 'uuid' },
  { id: 'path', label: 'path (rest of the URL)', schema: { type: 'string' }, convertor: 'path' },
];

/**
 * One chip per `{param}`: its type, and whether the type is a convertor (part of matching: a
 * request that does not fit falls through to later routes) or an annotation (validation after
 * matching: the request gets 422). That difference decides which route answers.
 */
export function PathParamChips({ app, route }: { app: DesignApp; route: Route }) {
  const params = route.params.filter((p) => p.inTemplate || p.declared);
  if (params.length === 0) return null;
  return (
    <ul className="param-chips" aria-label="Path parameters" data-testid="param-chips">
      {params.map((p) => (
        <ParamChip key={p.name} app={app} route={route} param={p} />
      ))}
    </ul>
  );
}

function ParamChip({ app, route, param }: { app: DesignApp; route: Route; param: PathParam }) {
  const typeId = param.convertor === 'path' ? 'path' : TYPES.some((t) => t.id === param.type) ? param.type : 'string';
  const mode = param.convertor ? 'convertor' : 'annotation';
  const set = (id: string, asConvertor: boolean) => {
    const t = TYPES.find((x) => x.id === id) ?? (TYPES[0] as (typeof TYPES)[number]);
    void app.actions.edit({ op: 'setPathParam', route: route.key, name: param.name, schema: t.schema, convertor: asConvertor || t.id === 'path' ? t.convertor : null });
  };
  return (
    <li className={`param-chip${param.inTemplate ? '' : ' unused'}`} data-testid="param-chip" data-param={param.name}>
      <code>{`{${param.name}${param.convertor ? `:${param.convertor}` : ''}}`}</code>
      {!param.declared && <span className="muted" title="Not declared as an `in: path` parameter"> undeclared</span>}
      {!param.inTemplate && <span className="muted" title="Declared, but the path has no such segment"> not in path</span>}
      <select aria-label={`Type of ${param.name}`} value={typeId} onChange={(e) => set(e.target.value, mode === 'convertor')} data-testid="param-type">
        {TYPES.map((t) => (
          <option key={t.id} value={t.id}>
            {t.label}
          </option>
        ))}
      </select>
      <select aria-label={`How ${param.name} is checked`} value={mode} onChange={(e) => set(typeId, e.target.value === 'convertor')} disabled={typeId === 'path'} data-testid="param-mode">
        <option value="annotation">annotation (422 when wrong)</option>
        <option value="convertor">convertor (falls through when wrong)</option>
      </select>
      {param.inTemplate && !param.declared ? null : !param.inTemplate ? (
        <button type="button" className="icon" aria-label={`Remove ${param.name}`} onClick={() => void app.actions.edit({ op: 'removePathParam', route: route.key, name: param.name })}>
          ×
        </button>
      ) : null}
    </li>
  );
}
