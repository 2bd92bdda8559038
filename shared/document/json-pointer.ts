/** RFC 6901 JSON Pointers, the address of every element of the model and of every diagnostic. */
export function encodePointer(path: readonly string[]): string {
  if (path.length === 0) return '';
  return '/' + path.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

export function decodePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const body = pointer.startsWith('#') ? decodeURIComponentSafe(pointer.slice(1)) : pointer;
  if (!body.startsWith('/')) throw new Error(`Not a JSON pointer: "${pointer}"`);
  return body
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
