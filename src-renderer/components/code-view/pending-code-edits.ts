// No Monaco here: other code can import this without pulling the editor into its chunk.

let flusher: (() => Promise<void>) | null = null;

/**
 * Sends what was typed in the code view and not sent yet (typing is batched for ~200 ms), and
 * resolves once main has it. Call before anything that must see the latest text — save, undo,
 * redo, a visual edit — so the typed characters are in it. Resolves at once when the code view
 * is closed or has nothing pending.
 */
export function flushCodeEdits(): Promise<void> {
  return flusher ? flusher() : Promise.resolve();
}

/** The open code view registers its flush here; the returned function unregisters it. */
export function registerCodeEditsFlusher(flush: () => Promise<void>): () => void {
  flusher = flush;
  return () => {
    if (flusher === flush) flusher = null;
  };
}
