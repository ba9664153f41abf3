// Times `runs` calls of `fn` after `warmups` untimed ones: the bench's one way to measure.
export async function timeRuns(runs: number, fn: () => Promise<unknown>, warmups = 1): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times;
}
