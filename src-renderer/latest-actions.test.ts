import { describe, expect, it } from 'vitest';
import { latestActions } from './latest-actions';

describe('actions that stay the same object', () => {
  it('call the newest closures with their arguments and give back their results', () => {
    const seen: string[] = [];
    const ref = { current: { edit: (what: string) => `old ${what}`, save: () => seen.push('old save') } };
    const stable = latestActions(ref);
    expect(stable.edit('a')).toBe('old a');
    ref.current = { edit: (what: string) => `new ${what}`, save: () => seen.push('new save') };
    expect(stable.edit('b')).toBe('new b');
    stable.save();
    expect(seen).toEqual(['new save']);
  });
});
