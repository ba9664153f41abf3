// An attacker's knowledge as a linear system over atoms: the finest populations its queries cut
// the records into (e.g. row code × column code × slice of the filters). Every published count
// is the sum of the atoms it covers, bounded by what the cell shows. A target's feasible interval
// comes from bounds propagation over the whole system (with the differences of nested published
// populations made explicit), intersected with the shared LP's exact interval over the target's
// rows and columns when that LP exists.
import type { FeasibleInterval, LinearProgram } from './exact-intervals';
import { constraintsByVariable, propagate, type RangeConstraint, type Term } from './intervals';
import { SMALL_MAX, type Bounds } from './published-cells';

/** Per dimension, the codes a population covers; null = every code. */
export type Selection = readonly (readonly string[] | null)[];

interface Publication {
  readonly bits: Uint32Array;
  readonly atoms: readonly number[];
  bounds: Bounds;
  readonly labels: string[];
}

export interface TargetInterval {
  readonly label: string;
  readonly truth: number;
  /** [lo, hi] ∩ [1, 7]; 'infeasible' only if the published values contradict the truth. */
  readonly interval: Bounds | 'infeasible';
  readonly solver: 'propagation' | 'propagation+lp';
  /** Picked by `primary` (the targets the scenario was built for). */
  readonly primary: boolean;
}

export interface SystemReport {
  readonly targets: readonly TargetInterval[];
  /** Published populations whose true count lies outside what the cell shows (model failures). */
  readonly contradictions: readonly string[];
  /** Published counts of 10 or more whose truth was checked to lie within ±2. */
  readonly bigCellsChecked: number;
  readonly lpSolves: number;
}

/** Systems this small go to the LP whole; larger ones by the target's rows and columns. */
const LP_WHOLE = { atoms: 80, publications: 200 };
const LP_BLOCK = { atoms: 140, publications: 320 };

export class AtomSystem {
  readonly atoms: number;
  private readonly positions: ReadonlyMap<string, number>[];
  private readonly strides: number[];
  private readonly words: number;
  private readonly publications = new Map<string, Publication>();

  constructor(readonly dims: readonly (readonly string[])[]) {
    this.positions = dims.map((codes) => new Map(codes.map((c, i) => [c, i])));
    this.strides = dims.map((_, d) => dims.slice(d + 1).reduce((n, codes) => n * codes.length, 1));
    this.atoms = dims.reduce((n, codes) => n * codes.length, 1);
    this.words = Math.ceil(this.atoms / 32);
  }

  atomCodes(atom: number): string[] {
    return this.dims.map((codes, d) => codes[Math.floor(atom / this.strides[d]!) % codes.length]!);
  }

  atomOf(codes: readonly string[]): number | undefined {
    let atom = 0;
    for (const [d, code] of codes.entries()) {
      const p = this.positions[d]!.get(code);
      if (p === undefined) return undefined;
      atom += p * this.strides[d]!;
    }
    return atom;
  }

  atomsOf(selection: Selection): number[] {
    const picks = this.dims.map((codes, d) => {
      const sel = selection[d] ?? null;
      return sel === null ? codes.map((_, i) => i) : sel.flatMap((c) => { const p = this.positions[d]!.get(c); return p === undefined ? [] : [p]; });
    });
    let atoms = [0];
    picks.forEach((positions, d) => { atoms = atoms.flatMap((a) => positions.map((p) => a + p * this.strides[d]!)); });
    return atoms.sort((a, b) => a - b);
  }

  /** Records that the population `selection` has a count within `bounds` (label: where it was seen). */
  publish(selection: Selection, bounds: Bounds, label: string): void {
    const atoms = this.atomsOf(selection);
    if (atoms.length === 0) return; // codes no answered table showed: nothing to learn
    const bits = new Uint32Array(this.words);
    for (const a of atoms) bits[a >>> 5]! |= 1 << (a & 31);
    const key = bits.join(',');
    const known = this.publications.get(key);
    if (known) {
      known.bounds = { lo: Math.max(known.bounds.lo, bounds.lo), hi: Math.min(known.bounds.hi, bounds.hi) };
      known.labels.push(label);
    } else this.publications.set(key, { bits, atoms, bounds, labels: [label] });
  }

  /**
   * Feasible intervals of every population the attacker can name (each atom and each published
   * population) whose true count (from `truthOf`, per atom) is 1–7. The LP, when given, runs for
   * the `primary` targets only when that is given (it costs milliseconds each).
   */
  solve(truthOf: (atom: number) => number, describe: (atom: number) => string, lp: FeasibleInterval | undefined, primary?: (atoms: readonly number[]) => boolean): SystemReport {
    const pubs = [...this.publications.values()];
    const truthOfPub = (p: Publication) => p.atoms.reduce((n, a) => n + truthOf(a), 0);
    const contradictions: string[] = [];
    let bigCellsChecked = 0;
    for (const p of pubs) {
      const t = truthOfPub(p);
      if (t < p.bounds.lo || t > p.bounds.hi) contradictions.push(`${p.labels[0]!}: shows [${p.bounds.lo}, ${p.bounds.hi}] but the true count is ${t}`);
      else if (p.bounds.lo >= SMALL_MAX + 1 && Number.isFinite(p.bounds.hi)) bigCellsChecked += 1;
    }

    // Variables: the atoms, then one per published population of two or more atoms.
    const varOf = new Map<Publication, number>();
    let variables = this.atoms;
    for (const p of pubs) varOf.set(p, p.atoms.length === 1 ? p.atoms[0]! : variables++);
    const lo = new Float64Array(variables);
    const hi = new Float64Array(variables).fill(Infinity);
    for (const p of pubs) {
      const v = varOf.get(p)!;
      lo[v] = Math.max(lo[v]!, p.bounds.lo);
      hi[v] = Math.min(hi[v]!, p.bounds.hi);
    }
    const constraints = this.equations(pubs, varOf);
    const byVar = constraintsByVariable(variables, constraints);
    const feasible = propagate(constraints, byVar, lo, hi);

    const candidates: { var: number; atoms: readonly number[]; label: string }[] = [];
    for (let a = 0; a < this.atoms; a++) candidates.push({ var: a, atoms: [a], label: describe(a) });
    for (const p of pubs) if (p.atoms.length > 1) candidates.push({ var: varOf.get(p)!, atoms: p.atoms, label: p.labels[0]! });

    const targets: TargetInterval[] = [];
    let lpSolves = 0;
    for (const c of candidates) {
      const truth = c.atoms.reduce((n, a) => n + truthOf(a), 0);
      if (truth < 1 || truth > SMALL_MAX) continue;
      if (!feasible) { targets.push({ label: c.label, truth, interval: 'infeasible', solver: 'propagation', primary: false }); continue; }
      const tlo = Float64Array.from(lo);
      const thi = Float64Array.from(hi);
      tlo[c.var] = Math.max(tlo[c.var]!, 1);
      thi[c.var] = Math.min(thi[c.var]!, SMALL_MAX);
      const isPrimary = primary?.(c.atoms) ?? false;
      if (tlo[c.var]! > thi[c.var]! || !propagate(constraints, byVar, tlo, thi, byVar[c.var]!)) {
        targets.push({ label: c.label, truth, interval: 'infeasible', solver: 'propagation', primary: isPrimary });
        continue;
      }
      let interval: Bounds = { lo: tlo[c.var]!, hi: thi[c.var]! };
      let solver: TargetInterval['solver'] = 'propagation';
      // Only a target the propagation left wide enough can still fail; the LP may narrow it.
      if (lp && interval.hi > interval.lo && (primary === undefined || isPrimary)) {
        const exact = this.lpInterval(lp, pubs, c.atoms, tlo, thi);
        if (exact !== undefined) {
          lpSolves += 1;
          solver = 'propagation+lp';
          interval = exact === 'infeasible' ? interval : { lo: Math.max(interval.lo, exact.min), hi: Math.min(interval.hi, exact.max) };
        }
      }
      targets.push({ label: c.label, truth, interval, solver, primary: isPrimary });
    }
    return { targets, contradictions, bigCellsChecked, lpSolves };
  }

  /** y = Σ its atoms for each population; and, as an attacker differencing by hand would, y minus
   *  the published populations nested inside it equals the atoms left over (a few greedy
   *  decompositions, largest nested population first). */
  private equations(pubs: readonly Publication[], varOf: ReadonlyMap<Publication, number>): RangeConstraint[] {
    const out: RangeConstraint[] = [];
    const multi = pubs.filter((p) => p.atoms.length > 1);
    for (const p of multi) out.push({ terms: [{ index: varOf.get(p)!, coef: 1 }, ...p.atoms.map((a) => ({ index: a, coef: -1 }))], lo: 0, hi: 0 });
    const bySize = [...pubs].sort((a, b) => b.atoms.length - a.atoms.length);
    const subset = (a: Publication, b: Publication) => a.bits.every((w, i) => (w & ~b.bits[i]!) === 0);
    for (const p of multi) {
      const inside = bySize.filter((q) => q !== p && q.atoms.length < p.atoms.length && q.atoms.length > 1 && subset(q, p));
      for (const first of inside.slice(0, 3)) {
        const used = Uint32Array.from(first.bits);
        const parts: Publication[] = [first];
        for (const q of inside) {
          if (q === first || q.bits.some((w, i) => (w & used[i]!) !== 0)) continue;
          parts.push(q);
          q.bits.forEach((w, i) => { used[i]! |= w; });
        }
        const leftover = p.atoms.filter((a) => (used[a >>> 5]! & (1 << (a & 31))) === 0);
        const terms: Term[] = [{ index: varOf.get(p)!, coef: 1 }, ...parts.map((q) => ({ index: varOf.get(q)!, coef: -1 })), ...leftover.map((a) => ({ index: a, coef: -1 }))];
        out.push({ terms, lo: 0, hi: 0 });
      }
    }
    return out;
  }

  /** The shared LP's interval of Σ target atoms over the whole system when small, else over the
   *  atoms sharing a row or column code with the target; undefined when too big to solve. */
  private lpInterval(lp: FeasibleInterval, pubs: readonly Publication[], target: readonly number[], lo: Float64Array, hi: Float64Array): ReturnType<FeasibleInterval> | undefined {
    let block: Set<number>;
    if (this.atoms <= LP_WHOLE.atoms && pubs.length <= LP_WHOLE.publications) block = new Set(Array.from({ length: this.atoms }, (_, a) => a));
    else {
      const lines = this.dims.slice(0, 2).map((codes, d) => (codes.length > 1 ? new Set(target.map((a) => this.atomCodes(a)[d]!)) : undefined));
      block = new Set();
      for (let a = 0; a < this.atoms; a++) {
        const codes = this.atomCodes(a);
        if (lines.some((line, d) => line?.has(codes[d]!) === true)) block.add(a);
      }
    }
    const inBlock = pubs.filter((p) => p.atoms.every((a) => block.has(a)));
    if (block.size > LP_BLOCK.atoms || inBlock.length > LP_BLOCK.publications) return undefined;
    const atoms = [...block];
    const local = new Map(atoms.map((a, i) => [a, i]));
    const t = atoms.length; // the target's own variable
    const constraints: LinearProgram['constraints'][number][] = [];
    for (const p of inBlock) {
      const terms = p.atoms.map((a) => ({ index: local.get(a)!, coef: 1 }));
      if (p.bounds.lo === p.bounds.hi) constraints.push({ terms, op: '=', rhs: p.bounds.lo });
      else {
        if (p.bounds.lo > 0) constraints.push({ terms, op: '>=', rhs: p.bounds.lo });
        if (Number.isFinite(p.bounds.hi)) constraints.push({ terms, op: '<=', rhs: p.bounds.hi });
      }
    }
    constraints.push({ terms: [{ index: t, coef: 1 }, ...target.map((a) => ({ index: local.get(a)!, coef: -1 }))], op: '=', rhs: 0 });
    const program: LinearProgram = {
      variables: t + 1,
      lower: [...atoms.map((a) => lo[a]!), 1],
      upper: [...atoms.map((a) => hi[a]!), SMALL_MAX],
      constraints,
    };
    return lp(program, t);
  }
}
