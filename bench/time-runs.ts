// Times `runs` calls of `fn` after `warmups` untimed ones: the bench's one way to measure.
export async function timeRuns(runs: number, fn: () => Promise<unknown>, warmups = 1): Promise<number[]> {
  return (await timeInterleaved(runs, [fn], warmups))[0]!;
}

/**
 * Times several ways of doing the same work side by side: each round runs every one once, in
 * turn, so a slow spell (a cold cache, a collection, a neighbour's work) falls on all alike
 * instead of on whichever was timed first. Returns the times of each, in the order given.
 */
export async function timeInterleaved(runs: number, fns: readonly (() => Promise<unknown>)[], warmups = 1): Promise<number[][]> {
  for (let i = 0; i < warmups; i++) for (const fn of fns) await fn();
  const times = fns.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of fns.entries()) {
      const t = performance.now();
      await fn();
      times[k]!.push(performance.now() - t);
    }
  }
  return times;
}
