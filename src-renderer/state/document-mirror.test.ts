import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentState } from '../../shared/contract/document-state.schema';
import { applyEdits, type TextEdit } from '../../shared/edit/text-edit';
import { DocumentMirror, type TextChange } from './document-mirror';

/** Main as the mirror sees it: states with edits, the text on request. */
function fakeMain(initial: string) {
  let text = initial;
  let revision = 0;
  const meta = (rev: number) => ({
    sessionId: 's1',
    revision: rev,
    path: null,
    name: 'Untitled',
    format: 'yaml' as const,
    encoding: 'utf8' as const,
    eol: 'lf' as const,
    dirty: rev > 0,
    canUndo: rev > 0,
    canRedo: false,
    diskChange: null,
  });
  return {
    get text() {
      return text;
    },
    opened: (): DocumentState => ({ ...meta(revision), text }),
    edit(edits: TextEdit[]): DocumentState {
      text = applyEdits(text, edits);
      revision += 1;
      return { ...meta(revision), edits };
    },
    /** An event: never the text. */
    event: (state: DocumentState): DocumentState => {
      const { text: _omit, ...rest } = state;
      return rest;
    },
    fetch: async () => ({ sessionId: 's1', revision, text }),
  };
}

function mirrorOf(main: ReturnType<typeof fakeMain>) {
  const changes: TextChange[] = [];
  const mirror = new DocumentMirror({ fetchText: main.fetch, onMeta: () => undefined, onText: (c) => changes.push(c) });
  return { mirror, changes };
}

describe('the renderer copy of the text', () => {
  it('follows edits, ignores repeats and old states, and fetches the text after a gap', async () => {
    const main = fakeMain('a: 1\n');
    const { mirror, changes } = mirrorOf(main);
    mirror.accept(main.opened());
    const first = main.edit([{ offset: 5, length: 0, text: 'b: 2\n' }]);
    mirror.accept(first);
    mirror.accept(main.event(first)); // the same state again, as an event
    expect(mirror.text).toBe('a: 1\nb: 2\n');
    main.edit([{ offset: 0, length: 0, text: '# x\n' }]); // this one is missed
    const third = main.edit([{ offset: 0, length: 1, text: '%' }]);
    mirror.accept(third); // a gap: the mirror asks for the text
    await Promise.resolve();
    await Promise.resolve();
    expect(mirror.text).toBe(main.text);
    expect(mirror.at.revision).toBe(third.revision);
    mirror.accept(first); // late: ignored
    expect(mirror.text).toBe(main.text);
    expect(changes.map((c) => c.kind)).toEqual(['snapshot', 'edits', 'snapshot']);
  });

  it('does not fetch a new session twice when the answer brings its text', async () => {
    const main = fakeMain('a: 1\n');
    let fetched = 0;
    const mirror = new DocumentMirror({
      fetchText: async () => {
        fetched += 1;
        return main.fetch();
      },
      onMeta: () => undefined,
      onText: () => undefined,
    });
    const opened = main.opened();
    await mirror.expectSnapshot(async () => {
      mirror.accept(main.event(opened)); // the event comes first, without the text
      return opened;
    }).then((state) => mirror.accept(state));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(fetched).toBe(0);
    expect(mirror.text).toBe('a: 1\n');
  });

  it('ends with main’s text whatever order states arrive in (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        async (steps, shuffle) => {
          const main = fakeMain('openapi: 3.1.0\n');
          const { mirror } = mirrorOf(main);
          mirror.accept(main.opened());
          const states: DocumentState[] = [];
          for (const [at, length, text] of steps) {
            const offset = at % (main.text.length + 1);
            states.push(main.edit([{ offset, length: Math.min(length, main.text.length - offset), text }]));
          }
          // Deliver each state once as an answer and once as an event, in a shuffled order.
          const deliveries = [...states, ...states.map(main.event)];
          for (let i = deliveries.length - 1; i > 0; i--) {
            const j = (shuffle[i % Math.max(1, shuffle.length)] ?? 0) % (i + 1);
            [deliveries[i], deliveries[j]] = [deliveries[j] as DocumentState, deliveries[i] as DocumentState];
          }
          for (const d of deliveries) mirror.accept(d);
          for (let i = 0; i < 5; i++) await Promise.resolve();
          expect(mirror.text).toBe(main.text);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('has main’s text whenever it is read, however many edits came in between (property)', () => {
    fc.assert(
      fc.property(
        // Each step: two edits against one text (the second after the first), and whether to read.
        fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ maxLength: 3 }), fc.nat(), fc.string({ maxLength: 2 }), fc.boolean()), { minLength: 1, maxLength: 400 }),
        (steps) => {
          const main = fakeMain('openapi: 3.1.0\ninfo: {}\n');
          const { mirror } = mirrorOf(main);
          mirror.accept(main.opened());
          for (const [at, length, text, at2, text2, read] of steps) {
            const n = main.text.length;
            const offset = at % (n + 1);
            const first = { offset, length: Math.min(length, n - offset), text };
            const end = first.offset + first.length;
            const second = { offset: end + (at2 % (n - end + 1)), length: 0, text: text2 };
            mirror.accept(main.edit([second, first]));
            if (read) expect(mirror.text).toBe(main.text);
          }
          expect(mirror.text).toBe(main.text);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('what the title bar and toolbar are told', () => {
  it('hears a state once when it comes as an answer and again as an event, and again when anything in it changes', () => {
    const main = fakeMain('a: 1\n');
    const metas: unknown[] = [];
    const mirror = new DocumentMirror({ fetchText: main.fetch, onMeta: (m) => metas.push(m), onText: () => undefined });
    mirror.accept(main.opened());
    const edited = main.edit([{ offset: 5, length: 0, text: 'b: 2\n' }]);
    mirror.accept(edited);
    mirror.accept(main.event(edited));
    expect(metas).toHaveLength(2);
    // Same revision, something else changed (saved: no longer dirty; then a change on disk).
    mirror.accept({ ...main.event(edited), dirty: false });
    mirror.accept({ ...main.event(edited), dirty: false, diskChange: { kind: 'modified', diskHash: 'h' } });
    mirror.accept({ ...main.event(edited), dirty: false, diskChange: { kind: 'modified', diskHash: 'h' } });
    expect(metas).toHaveLength(4);
    expect(metas.at(-1)).toMatchObject({ dirty: false, diskChange: { diskHash: 'h' } });
  });
});
