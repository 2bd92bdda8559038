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
    // Python's int() and float() take any Unicode decimal digits (`١` is 1).
    case 'integer':
      return v !== '' && /^[+-]?\p{Nd}+(_\p{Nd}+)*$/u.test(v);
    case 'number':
      return /^[+-]?((\p{Nd}+(_\p{Nd}+)*)?\.?\p{Nd}+(_\p{Nd}+)*([eE][+-]?\p{Nd}+(_\p{Nd}+)*)?|\p{Nd}+(_\p{Nd}+)*\.|inf(inity)?|nan)$/iu.test(v);
    case 'uuid': {
      // UUID() strips no whitespace: a trailing line break is an error.
      const hex = value.replace(/urn:/g, '').replace(/uuid:/g, '').replace(/^\{+|\}+$/g, '').replace(/-/g, '');
      return /^[0-9a-f]{32}$/i.test(hex);
    }
    case 'boolean':
      return /^(0|1|true|false|on|off|yes|no|t|f|y|n)$/i.test(v);
    default:
      return true;
  }
}
