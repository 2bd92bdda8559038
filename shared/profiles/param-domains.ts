/** Lower-case canonical UUIDs, as Starlette's and Django's `uuid` convertors match them. */
export const UUID_PATTERN = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * Whether pydantic (v1, as FastAPI validates an annotated path parameter) accepts the string for
 * the schema type. It calls Python's int()/float()/UUID(), which are more lenient than a regex:
 * surrounding whitespace, `+`, underscores between digits, `inf`, braces around UUIDs.
 */
export function acceptsPython(type: string, value: string): boolean {
  const v = value.trim();
  switch (type) {
    case 'integer':
      return value.trim() !== '' && /^[+-]?\d+(_\d+)*$/.test(v);
    case 'number':
      return /^[+-]?((\d+(_\d+)*)?\.?\d+(_\d+)*([eE][+-]?\d+(_\d+)*)?|\d+(_\d+)*\.|inf(inity)?|nan)$/i.test(v);
    case 'uuid': {
      const hex = v.replace(/^urn:uuid:/i, '').replace(/^\{|\}$/g, '').replace(/-/g, '');
      return /^[0-9a-f]{32}$/i.test(hex);
    }
    case 'boolean':
      return /^(0|1|true|false|on|off|yes|no|t|f|y|n)$/i.test(v);
    default:
      return true;
  }
}
