// What protect() needs to know of a query from the catalogue: each code's parents (the rows a
// drill up would publish, which secondary suppression must take into account) and which cells
// single out a fine clinical code at one provider (hes-data.md §5.4: a higher threshold there).
import type { Catalogue, CodeField } from '../catalogue/catalogue-types';
import type { PivotQuery } from '../query/pivot-query';
import type { PivotPlan } from '../sql/pivot-plan';
import type { DisclosurePolicy } from './policy';
import type { ProtectContext } from './protect';
import { TOP, type Coord } from './protection-problem';
import type { AncestorsOf } from './table-lattice';

/** An `in` filter of at most this many codes at a fine level still singles out fine codes. */
const FEW_CODES = 5;

export function protectContext(query: PivotQuery, plan: PivotPlan, catalogue: Catalogue, policy: DisclosurePolicy): ProtectContext {
  const dataset = catalogue.datasets.get(plan.dataset);
  if (!dataset) return {};
  const fieldOf = (id: string) => dataset.fields.find((f): f is CodeField => f.id === id && f.type === 'code');
  const granularity = (fieldId: string, levelId: string) => fieldOf(fieldId)?.levels.find((l) => l.id === levelId)?.granularity;

  // Parents by level: code list of a level → code → parent code (one level coarser).
  const parents = new Map<string, ReadonlyMap<string, string>>();
  const parentsIn = (codeList: string) => {
    let m = parents.get(codeList);
    if (!m) {
      m = new Map((catalogue.codeLists.get(codeList)?.codes ?? []).flatMap((c) => (c.parent === undefined ? [] : [[c.code, c.parent] as const])));
      parents.set(codeList, m);
    }
    return m;
  };
  const chains = plan.dimensions.map((d) => {
    const field = fieldOf(d.field);
    if (!field || d.multiValued) return [];
    const at = field.levels.findIndex((l) => l.id === d.level);
    return field.levels.slice(0, Math.max(0, at + 1)).reverse();
  });
  const ancestors: AncestorsOf = (dim, code) => {
    const levels = chains[dim] ?? [];
    const out: { level: string; code: string }[] = [];
    let current = code;
    for (let k = 1; k < levels.length; k++) {
      // A code the list does not know (or a record with none) has no parent: drilling up
      // shows it under "Not recorded" at every coarser level.
      current = current === '' ? '' : parentsIn(levels[k - 1]!.codeList).get(current) ?? '';
      out.push({ level: levels[k]!.id, code: current });
    }
    return out;
  };

  // Fine codes × providers: from the table's dimensions (cell by cell) or from its filters.
  const filtered = (kind: 'fine-code' | 'provider') => query.filters.some((f) => {
    if (f.kind === 'in') return f.codes.length <= FEW_CODES && granularity(f.field, f.level ?? fieldOf(f.field)?.defaultLevel ?? '') === kind;
    if (f.kind === 'code-prefix') return kind === 'fine-code' && f.prefix.length >= 3 && fieldOf(f.field)?.levels.some((l) => l.granularity === 'fine-code') === true;
    return false;
  });
  const fineFiltered = filtered('fine-code');
  const providerFiltered = filtered('provider');
  const dimGranularity = plan.dimensions.map((d) => (d.multiValued ? undefined : granularity(d.field, d.level)));
  const levelOfCoord = (dim: number, coord: Coord) => (coord.startsWith('L') ? plan.dimensions[dim]!.level : coord.slice(1, coord.indexOf(':')));
  const higher = Math.max(policy.suppressMax, policy.fineCodeByProviderMinimum - 1);
  const anyFine = fineFiltered || dimGranularity.includes('fine-code');
  const anyProvider = providerFiltered || dimGranularity.includes('provider');
  if (!anyFine || !anyProvider) return { ancestors };
  const sensitiveMax = (coords: readonly Coord[]): number => {
    let fine = fineFiltered;
    let provider = providerFiltered;
    coords.forEach((coord, i) => {
      if (coord === TOP) return;
      const g = granularity(plan.dimensions[i]!.field, levelOfCoord(i, coord));
      if (g === 'fine-code') fine = true;
      if (g === 'provider') provider = true;
    });
    return fine && provider ? higher : policy.suppressMax;
  };
  return { ancestors, sensitiveMax };
}
