// A cheap deterministic permutation of 0…n-1, rank → (a·rank + b) mod n with a coprime to n.
// SQL applies it per row to hand out exact quotas (length of stay, OP outcomes, …) in a
// scattered order without sorting; a ≈ 0.618·n spreads consecutive ranks evenly (Fibonacci hashing).

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

export interface Permutation { readonly n: number; readonly a: number; readonly b: number }

/** `offset` (0 ≤ offset < 1) shifts the permutation, e.g. from the seed, so seeds differ. */
export function permutationFor(n: number, offset: number): Permutation {
  if (n <= 1) return { n: Math.max(n, 1), a: 1, b: 0 };
  let a = Math.max(1, Math.round(n * 0.6180339887));
  while (gcd(a, n) !== 1) a += 1;
  return { n, a: a % n === 0 ? 1 : a, b: Math.floor(offset * n) % n };
}

export function permute(p: Permutation, rank: number): number {
  return (p.a * rank + p.b) % p.n;
}

/** A deterministic fraction in [0, 1) from integers (splitmix32-style mixing), for offsets. */
export function hashFraction(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return (h >>> 0) / 4294967296;
}
