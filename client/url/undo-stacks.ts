// Undo and redo as two immutable stacks: recording a change clears what could be redone, as in
// every editor. Bounded, so a long session does not grow without limit.
export interface UndoStacks<T> {
  readonly past: readonly T[];
  readonly future: readonly T[];
}

export const UNDO_LIMIT = 100;

export const undoStacks = {
  empty: <T>(): UndoStacks<T> => ({ past: [], future: [] }),

  /** `before` is the state the change replaced. */
  record<T>(s: UndoStacks<T>, before: T): UndoStacks<T> {
    return { past: [...s.past, before].slice(-UNDO_LIMIT), future: [] };
  },

  undo<T>(s: UndoStacks<T>, current: T): { draft: T; stacks: UndoStacks<T> } | undefined {
    const draft = s.past.at(-1);
    if (draft === undefined) return undefined;
    return { draft, stacks: { past: s.past.slice(0, -1), future: [current, ...s.future] } };
  },

  redo<T>(s: UndoStacks<T>, current: T): { draft: T; stacks: UndoStacks<T> } | undefined {
    const draft = s.future[0];
    if (draft === undefined) return undefined;
    return { draft, stacks: { past: [...s.past, current], future: s.future.slice(1) } };
  },
};
