import { describe, expect, it } from 'vitest';
import { UNDO_LIMIT, undoStacks } from './undo-stacks';

describe('undo stacks', () => {
  it('undoes and redoes in order, and a new change clears the redo stack', () => {
    let s = undoStacks.empty<string>();
    s = undoStacks.record(s, 'a'); // a → b
    s = undoStacks.record(s, 'b'); // b → c
    const u1 = undoStacks.undo(s, 'c')!;
    expect(u1.draft).toBe('b');
    const u2 = undoStacks.undo(u1.stacks, 'b')!;
    expect(u2.draft).toBe('a');
    expect(undoStacks.undo(u2.stacks, 'a')).toBeUndefined();
    const r1 = undoStacks.redo(u2.stacks, 'a')!;
    expect(r1.draft).toBe('b');
    const changed = undoStacks.record(r1.stacks, 'b'); // b → d
    expect(changed.future).toEqual([]);
    expect(undoStacks.redo(changed, 'd')).toBeUndefined();
    expect(undoStacks.undo(changed, 'd')!.draft).toBe('b');
  });

  it('forgets the oldest steps past the limit', () => {
    let s = undoStacks.empty<number>();
    for (let i = 0; i < UNDO_LIMIT + 5; i++) s = undoStacks.record(s, i);
    expect(s.past).toHaveLength(UNDO_LIMIT);
    expect(s.past[0]).toBe(5);
  });
});
