import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentState } from '../../../shared/contract/document-state.schema';
import { applyEdits, type TextEdit } from '../../../shared/edit/text-edit';
import { DocumentMirror, type TextChange } from '../../state/document-mirror';
import { diffText, rebaseEdits } from './text-diff';
import { TextSync, type EditorBuffer } from './text-sync';

// The code view's sync against a simulated main: answers and events arrive late and in either
// order, visual edits and saves happen while the user types, some answers are lost, stale
// revisions are refused. Whatever happens, editor, mirror and main end with the same text, and
// typing that no visual edit overlapped is all there, once.

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.floor((s / 2 ** 32) * n);
  };
}

async function settle(promise: Promise<void>): Promise<void> {
  let done = false;
  void promise.then(() => (done = true));
  for (let i = 0; i < 1000 && !done; i++) await vi.advanceTimersByTimeAsync(10);
  if (!done) throw new Error('flush never settled');
}

const SESSION = 's1';
const BAR = '|';

/** Main: one text, revisions, events in order but late; the user types before BAR, visual edits land after it (or anywhere, with `overlap`). */
async function simulate(seed: number, overlap: boolean) {
  const pick = random(seed);
  const late = () => new Promise<void>((resolve) => setTimeout(resolve, pick(40)));
  let text = `aaaa\nbbbb${BAR}cccc\ndddd`;
  let revision = 0;
  const state = (extra: Partial<DocumentState>): DocumentState => ({
    sessionId: SESSION, revision, path: null, name: 'api.yaml', format: 'yaml', encoding: 'utf8', eol: 'lf',
    dirty: true, canUndo: true, canRedo: false, diskChange: null, ...extra,
  });
  let events = Promise.resolve();
  let lost = 0;
  /** Flushes after which main did not have all the typing, though no answer was lost. */
  let shortFlushes = 0;
  const emit = (s: DocumentState) => {
    events = events.then(late).then(() => mirror.accept(s));
  };
  const main = {
    async applyText(base: number, edits: TextEdit[]): Promise<DocumentState> {
      await late();
      if (base !== revision) throw new Error(`The edits were made to revision ${base}, but the document is at revision ${revision}`);
      text = applyEdits(text, edits);
      revision++;
      const s = state({ edits });
      emit(s);
      await late();
      if (pick(20) === 0) {
        lost++;
        throw new Error('Lost the connection to Routecraft');
      }
      return s;
    },
    visualEdit(): void {
      const bar = Math.max(0, text.indexOf(BAR));
      const offset = overlap ? pick(text.length + 1) : bar + 1 + pick(text.length - bar);
      const edit = { offset, length: Math.min(pick(3), text.length - offset), text: ['X', 'YY', '\n', ''][pick(4)] ?? '' };
      if (text.slice(offset, offset + edit.length).includes(BAR)) return;
      text = applyEdits(text, [edit]);
      revision++;
      emit(state({ edits: [edit] }));
    },
    save(): void {
      revision++;
      emit(state({ edits: [] }));
    },
  };

  let buffer = text;
  const editor: EditorBuffer = {
    value: () => buffer,
    length: () => buffer.length,
    slice: (start, tail) => buffer.slice(start, buffer.length - tail),
    applyRemote: (edits) => ((buffer = applyEdits(buffer, edits)), true),
    replaceAll: (next) => ((buffer = next), true),
  };
  const listeners: { onText?: (change: TextChange) => void } = {};
  const mirror = new DocumentMirror({
    fetchText: () => Promise.resolve({ sessionId: SESSION, revision, text }),
    onMeta: () => undefined,
    onText: (change) => listeners.onText?.(change),
  });
  mirror.accept(state({ text }));
  const sync = new TextSync(
    editor,
    {
      applyText: (base, edits) => main.applyText(base, edits),
      accept: (s) => mirror.accept(s),
      mirror: () => ({ ...mirror.at, text: mirror.text }),
      fetchText: () => Promise.resolve({ sessionId: SESSION, revision, text }),
    },
    () => undefined,
  );
  listeners.onText = (change) => sync.remote(change);

  let typed = buffer.slice(0, buffer.indexOf(BAR));
  for (let step = 0; step < 400; step++) {
    const r = pick(100);
    if (r < 70) {
      const bar = buffer.indexOf(BAR);
      const at = pick(bar + 1);
      if (pick(5) > 0 || at === bar) {
        const ch = 'ab\nk '[pick(5)] ?? 'a';
        buffer = buffer.slice(0, at) + ch + buffer.slice(at);
        typed = typed.slice(0, at) + ch + typed.slice(at);
        sync.typed(pick(4) === 0 ? undefined : { start: at, tail: buffer.length - at - 1 });
      } else {
        buffer = buffer.slice(0, at) + buffer.slice(at + 1);
        typed = typed.slice(0, at) + typed.slice(at + 1);
        sync.typed({ start: at, tail: buffer.length - at });
      }
    } else if (r < 85) main.visualEdit();
    else if (r < 88) main.save();
    else if (r < 90) {
      const lostBefore = lost;
      await settle(sync.flush());
      const inMain = text.slice(0, text.indexOf(BAR));
      if (!overlap && lost === lostBefore && inMain !== typed) shortFlushes++;
    }
    await vi.advanceTimersByTimeAsync(pick(60));
  }
  await vi.advanceTimersByTimeAsync(5000);
  await settle(sync.flush());
  await vi.advanceTimersByTimeAsync(5000);
  const idle = sync.isIdle;
  sync.dispose();
  return { text, buffer, mirror: mirror.text, typed, idle, shortFlushes };
}

describe('TextSync', () => {
  it('loses and duplicates no typing, whatever the timing', async () => {
    for (let seed = 1; seed <= 60; seed++) {
      const end = await simulate(seed, false);
      expect(end.buffer, `seed ${seed}`).toBe(end.text);
      expect(end.mirror, `seed ${seed}`).toBe(end.text);
      expect(end.text.slice(0, end.text.indexOf(BAR)), `seed ${seed}`).toBe(end.typed);
      expect(end.idle, `seed ${seed}`).toBe(true);
      // What was typed before a flush is in main when it resolves (undo and save rely on it).
      expect(end.shortFlushes, `seed ${seed}`).toBe(0);
    }
  });

  it('ends in step with main when visual edits overlap the typing', async () => {
    for (let seed = 1; seed <= 60; seed++) {
      const end = await simulate(seed, true);
      expect(end.buffer, `seed ${seed}`).toBe(end.text);
      expect(end.mirror, `seed ${seed}`).toBe(end.text);
      expect(end.idle, `seed ${seed}`).toBe(true);
    }
  });
});

describe('diffText and rebaseEdits', () => {
  it('finds the one changed span', () => {
    expect(diffText('abc', 'abc')).toBeNull();
    expect(diffText('abc', 'abXc')).toEqual({ offset: 2, length: 0, text: 'X' });
    expect(diffText('hello', 'helo')).toEqual({ offset: 3, length: 1, text: '' });
    expect(diffText('a: 1\nb: 2\n', 'a: 1\nc: 3\n')).toEqual({ offset: 5, length: 4, text: 'c: 3' });
  });

  it('shifts remote edits around unsent typing and drops the ones inside it', () => {
    const local = { offset: 10, length: 2, text: 'xyz' };
    const { edits, dropped } = rebaseEdits(
      [
        { offset: 2, length: 1, text: '' },
        { offset: 11, length: 0, text: 'in' },
        { offset: 15, length: 1, text: 'Q' },
      ],
      local,
    );
    expect(edits).toEqual([
      { offset: 2, length: 1, text: '' },
      { offset: 16, length: 1, text: 'Q' },
    ]);
    expect(dropped).toBe(1);
  });
});
