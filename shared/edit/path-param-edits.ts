import { asMap, asString, getAt, getPair } from '../document/source-tree';
import { resolveRef } from '../model/ref-resolver';
import { EditError } from './edit-error';
import { operationPath, requireInlineOperation, requireRoute, type EditContext } from './edit-context';
import type { EditIntent } from './edit-intent';
import type { Path } from './structural-edits';

type Intent<K extends EditIntent['op']> = Extract<EditIntent, { op: K }>;

/**
 * Removes the `in: path` parameter `name` from a route whose path has no `{name}`. The template
 * belongs to the path item, so a declaration on the path item is unused by every operation there
 * and goes too. A list left empty goes with it. A `$ref` entry is removed from the list; the shared
 * parameter it points to stays where it is defined.
 */
export function removePathParam(ctx: EditContext, intent: Intent<'removePathParam'>): void {
  const route = requireRoute(ctx.doc, intent.route);
  requireInlineOperation(ctx, route);
  const param = route.params.find((p) => p.name === intent.name && p.declared);
  if (!param) throw new EditError(`${route.key} has no path parameter ${intent.name}.`);
  if (param.inTemplate) throw new EditError(`{${intent.name}} is in the path of ${route.key}; change the path before removing its parameter.`);
  for (const owner of [operationPath(route), ['paths', route.path]]) removeFrom(ctx, [...owner, 'parameters'], intent.name);
}

function removeFrom(ctx: EditContext, listPath: Path, name: string): void {
  const { tx } = ctx;
  const initial = getAt(tx.current.root, listPath);
  const bound = initial?.kind === 'seq' ? initial.items.length : 0;
  // One entry per step (a name can be declared twice); each step re-reads the list it changed.
  for (let round = 0; round < bound; round++) {
    const list = getAt(tx.current.root, listPath);
    if (list?.kind !== 'seq') return;
    let index = -1;
    for (let i = list.items.length - 1; i >= 0 && index === -1; i--) {
      const p = asMap(resolveRef(tx.current.root, list.items[i]).node);
      if (p && asString(getPair(p, 'in')?.value) === 'path' && asString(getPair(p, 'name')?.value) === name) index = i;
    }
    if (index === -1) return;
    const last = list.items.length === 1;
    tx.step((editor) => editor.remove(last ? listPath : [...listPath, String(index)]));
  }
}
