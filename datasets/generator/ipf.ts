// Iterative proportional fitting (raking) of a dense n-dimensional table to one-dimensional
// margins. Used to turn plausible priors (e.g. chapter × sex × age) into a joint table whose
// margins equal the published shares.

export interface Margin {
  /** Which axis the margin sums over the others for. */
  readonly axis: number;
  /** Target totals per index of that axis. */
  readonly target: readonly number[];
}

export interface IpfResult {
  readonly table: Float64Array;
  /** Largest absolute difference between a fitted margin and its target. */
  readonly maxError: number;
  readonly iterations: number;
}

function strides(dims: readonly number[]): number[] {
  const s = dims.map(() => 1);
  for (let i = dims.length - 2; i >= 0; i--) s[i] = (s[i + 1] ?? 1) * (dims[i + 1] ?? 1);
  return s;
}

export function marginOf(table: Float64Array, dims: readonly number[], axis: number): number[] {
  const st = strides(dims);
  const size = dims[axis] ?? 0;
  const stride = st[axis] ?? 1;
  const out = Array.from({ length: size }, () => 0);
  for (let i = 0; i < table.length; i++) {
    const k = Math.floor(i / stride) % size;
    out[k] = (out[k] ?? 0) + (table[i] ?? 0);
  }
  return out;
}

/** Rakes `prior` (zeros stay zero) until every margin is within `tolerance` or `maxIterations`. */
export function fitIpf(
  prior: Float64Array, dims: readonly number[], margins: readonly Margin[],
  tolerance = 1e-10, maxIterations = 5000,
): IpfResult {
  const expected = dims.reduce((a, b) => a * b, 1);
  if (prior.length !== expected) throw new RangeError(`fitIpf: prior has ${prior.length} cells, dims say ${expected}`);
  const table = Float64Array.from(prior);
  const st = strides(dims);
  let maxError = Infinity;
  let it = 0;
  for (; it < maxIterations && maxError > tolerance; it++) {
    for (const m of margins) {
      const current = marginOf(table, dims, m.axis);
      const size = dims[m.axis] ?? 0;
      const stride = st[m.axis] ?? 1;
      const factor = current.map((c, k) => (c > 0 ? (m.target[k] ?? 0) / c : 0));
      for (let i = 0; i < table.length; i++) table[i] = (table[i] ?? 0) * (factor[Math.floor(i / stride) % size] ?? 0);
    }
    maxError = 0;
    for (const m of margins) {
      marginOf(table, dims, m.axis).forEach((c, k) => {
        maxError = Math.max(maxError, Math.abs(c - (m.target[k] ?? 0)));
      });
    }
  }
  return { table, maxError, iterations: it };
}
