import { isPyIdentifier, NameScope, pyPascal, pySnake, pyString } from './python-syntax';
import { allowsNone, SchemaTypes, type ModelDef, type TypeRef } from './schema-types';

/**
 * pydantic models for a design's schemas, in the subset of pydantic that versions 1 and 2 share
 * (Debian's FastAPI 0.92 runs on pydantic 1; current FastAPI on pydantic 2): `BaseModel`,
 * `Field(alias=…)`, typing's `Optional`/`List`/`Dict`/`Union`/`Literal`, forward references in
 * quotes resolved at the end with whichever of `model_rebuild` / `update_forward_refs` exists.
 */

/** Names a model must not take: they are used in annotations or imported next to the models. */
export const PY_RESERVED_NAMES = [
  'Any', 'Dict', 'List', 'Literal', 'Optional', 'Union', 'BaseModel', 'Field', 'UUID', 'json', 'models', 'pydantic', 'typing',
  'str', 'int', 'float', 'bool', 'bytes', 'dict', 'list', 'set', 'tuple', 'type', 'object', 'None', 'True', 'False', 'Exception',
  'APIRouter', 'FastAPI', 'Body', 'Cookie', 'Header', 'Path', 'Query', 'Request', 'Response', 'RedirectResponse', 'PlainTextResponse', 'HTMLResponse', 'JSONResponse',
  'Controller', 'HeaderSpec', 'NewHeader', 'ResponseSpec', 'HTTPStatus', 'Headers', 'RedirectTo', 'APIRedirectError', 'PydanticSerializer', 'HttpResponse', 'Router',
];

/** pydantic 1 and 2 attributes a field must not shadow (2 also warns for `model_…`). */
const BASEMODEL_ATTRIBUTES = new Set(['dict', 'json', 'copy', 'parse_obj', 'parse_raw', 'parse_file', 'from_orm', 'construct', 'schema', 'schema_json', 'validate', 'update_forward_refs', 'fields', 'Config', 'register']);

const FIELD_RESERVED = [...PY_RESERVED_NAMES, ...BASEMODEL_ATTRIBUTES];

export function pythonSchemaTypes(schemas: Record<string, unknown>): SchemaTypes {
  return new SchemaTypes(schemas, { className: (raw) => pyPascal(raw, 'Model'), reserved: PY_RESERVED_NAMES });
}

/** A Python annotation for a type; `model` says how to refer to a model from where it is printed. */
export function pyType(t: TypeRef, model: (name: string) => string): string {
  switch (t.k) {
    case 'str':
    case 'int':
    case 'float':
    case 'bool':
      return t.k;
    case 'none':
      return 'None';
    case 'any':
      return 'Any';
    case 'list':
      return `List[${pyType(t.item, model)}]`;
    case 'dict':
      return `Dict[str, ${pyType(t.value, model)}]`;
    case 'model':
      return model(t.name);
    case 'literal':
      return `Literal[${t.values.map((v) => (typeof v === 'string' ? pyString(v) : typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v))).join(', ')}]`;
    case 'union': {
      const rest = t.items.filter((i) => i.k !== 'none');
      const inner = rest.length === 1 ? pyType(rest[0] as TypeRef, model) : `Union[${rest.map((i) => pyType(i, model)).join(', ')}]`;
      return rest.length === t.items.length ? inner : `Optional[${inner}]`;
    }
  }
}

/** The `typing` names an annotation of this type uses. */
export function typingNames(t: TypeRef, out = new Set<string>()): Set<string> {
  switch (t.k) {
    case 'any':
      out.add('Any');
      break;
    case 'list':
      out.add('List');
      typingNames(t.item, out);
      break;
    case 'dict':
      out.add('Dict');
      typingNames(t.value, out);
      break;
    case 'literal':
      out.add('Literal');
      break;
    case 'union': {
      const rest = t.items.filter((i) => i.k !== 'none');
      if (rest.length !== t.items.length) out.add('Optional');
      if (rest.length > 1) out.add('Union');
      for (const i of rest) typingNames(i, out);
      break;
    }
    default:
      break;
  }
  return out;
}

/** `models.py`: every model, then the forward references resolved. */
export function modelsModule(types: SchemaTypes, header: string): string {
  const classNames = new Set(types.models.map((m) => m.name));
  const typing = new Set<string>();
  const uses = { field: false };
  let body = '';
  for (const m of types.models) body += `\n\n${modelClass(m, classNames, typing, uses).join('\n')}\n`;
  const lines: string[] = [header];
  if (typing.size > 0) lines.push(`from typing import ${[...typing].sort().join(', ')}`, '');
  lines.push(`from pydantic import BaseModel${uses.field ? ', Field' : ''}${body === '' ? '' : `\n${body}`}`);
  if (types.models.length > 0) {
    lines.push(
      '',
      '# Forward references (quoted names) are resolved once every model exists.',
      `_MODELS = (${types.models.map((m) => m.name).join(', ')}${types.models.length === 1 ? ',' : ''})`,
      'for _model in _MODELS:',
      '    if hasattr(_model, "model_rebuild"):  # pydantic 2',
      '        _model.model_rebuild()',
      '    else:  # pydantic 1',
      '        _model.update_forward_refs()',
    );
  }
  return `${lines.join('\n')}\n`;
}

function modelClass(m: ModelDef, classNames: Set<string>, typing: Set<string>, uses: { field: boolean }): string[] {
  const out = [`class ${m.name}(BaseModel):`];
  if (m.description !== undefined) out.push(`    ${pyString(m.description)}`, '');
  const scope = new NameScope(FIELD_RESERVED, classNames);
  for (const f of m.fields) {
    const pyName = fieldName(f.name, scope);
    let type = pyType(f.type, (name) => pyString(name));
    typingNames(f.type, typing);
    const optional = !f.required;
    if (optional && !allowsNone(f.type)) {
      type = `Optional[${type}]`;
      typing.add('Optional');
    }
    const args: string[] = [];
    if (pyName !== f.name) args.push(`alias=${pyString(f.name)}`);
    if (f.description !== undefined) args.push(`description=${pyString(f.description)}`);
    if (args.length === 0) out.push(`    ${pyName}: ${type}${optional ? ' = None' : ''}`);
    else {
      uses.field = true;
      out.push(`    ${pyName}: ${type} = Field(${optional ? 'None' : '...'}, ${args.join(', ')})`);
    }
  }
  if (m.fields.length === 0 && m.description === undefined) out.push('    pass');
  return out;
}

/** The attribute name of a property: itself when Python and pydantic take it, else a snake_case alias. */
function fieldName(raw: string, scope: NameScope): string {
  const usable = isPyIdentifier(raw) && !raw.startsWith('_') && !raw.startsWith('model_') && !scope.has(raw);
  return scope.take(usable ? raw : fieldFallback(raw));
}

function fieldFallback(raw: string): string {
  let name = pySnake(raw, 'field');
  if (name.startsWith('model_') || BASEMODEL_ATTRIBUTES.has(name)) name = `field_${name}`;
  return name;
}
