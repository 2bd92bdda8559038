import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { BaseResolver, Source } from '@redocly/openapi-core';

type ResolverClass = typeof BaseResolver;
type ResolveErrorClass = new (original: Error) => Error;

/** A resolver that reads only files inside `folder` (symlinks resolved) and never the network. */
export function confinedResolver(Base: ResolverClass, ResolveError: ResolveErrorClass, folder: string | undefined): BaseResolver {
  class ConfinedResolver extends Base {
    override async loadExternalRef(absoluteRef: string): Promise<Source> {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(absoluteRef)) throw new ResolveError(new Error(`${absoluteRef} is remote; Routecraft does not fetch remote references`));
      if (folder === undefined) throw new ResolveError(new Error(`${absoluteRef}: save the document first; references to other files resolve next to it`));
      let real: string;
      let root: string;
      try {
        [real, root] = await Promise.all([realpath(absoluteRef), realpath(folder)]);
      } catch {
        // Missing files get Redocly's own message.
        return super.loadExternalRef(absoluteRef);
      }
      const rel = path.relative(root, real);
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) throw new ResolveError(new Error(`${absoluteRef} is outside the document's folder; Routecraft resolves references only inside it`));
      return super.loadExternalRef(absoluteRef);
    }
  }
  return new ConfinedResolver();
}
