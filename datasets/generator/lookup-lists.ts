// All lookup lists the SQL draws from, assembled into one set of columns for the one-row table
// `lk`: ICD-10 (lookup-icd.ts), OPCS-4 procedures, specialties, trusts and sites, residence
// geography and the small categorical distributions. Ids inside lists are 1-based.

import { loadIcd10 } from '../reference/load-icd10';
import { OPCS4 } from '../reference/opcs4';
import { DISTRICTS, PSEUDO_RESIDENCES, REGIONS } from '../reference/geography';
import { NHS_REGIONS, SITES, TRUSTS } from '../reference/providers';
import { SPECIALTIES } from '../reference/specialties';
import { AE_AGE_WEIGHTS, AE_HOUR_WEIGHTS, OP_AGE_WEIGHTS } from './age-profiles';
import { STRATA_CHAPTERS } from './apc-chapters';
import { CATEGORICAL_SLOTS, CATEGORICALS } from './categoricals';
import { buildIcdLists } from './lookup-icd';
import { LATERALITY, MINIMAL_ACCESS, PROCEDURE_HEAD, PROCEDURE_SEX, subcategoryWeight } from './procedure-weights';
import { keyedSlots, toSlots, type ListColumn } from './slot-list';
import {
  APC_CHILD_SPECIALTY, APC_SPECIALTY, FEMALE_ONLY_SPECIALTY, mainSpecialtyFor, OP_CHILD_SPECIALTY, OP_MATERNITY_EXTRA, OP_SPECIALTY,
} from './specialty-weights';

export const PROC_SLOTS = 256;
export const SPEC_SLOTS = 256;
export const TRUST_SLOTS = 1024;
export const RES_SLOTS = 10000;
export const DISTRICT_SLOTS = 1024;
/** Slots of the OP/A&E age lists and the A&E arrival-hour list. */
export const AGE_SLOTS = 2000;
/** Trust-pick key for "anywhere in England" (after the seven NHS regions). */
export const NATIONAL_KEY = NHS_REGIONS.length;

export const PROC_KEYS: readonly string[] = [...PROCEDURE_HEAD.keys()];
export const procKey = (name: string, sexClass: number) => {
  const k = PROC_KEYS.indexOf(name);
  if (k < 0) throw new RangeError(`unknown procedure key ${name}`);
  return k * 3 + sexClass;
};

export const SPEC_KEYS: readonly string[] = [...STRATA_CHAPTERS.map((c) => c.id), 'acute', 'op', 'op-maternity'];
/** Specialty-pick key: name × sex class (0 male, 1 female, 2 unknown) × child. */
export const specKey = (name: string, sexClass: number, child: boolean) => {
  const k = SPEC_KEYS.indexOf(name);
  if (k < 0) throw new RangeError(`unknown specialty key ${name}`);
  return (k * 3 + sexClass) * 2 + (child ? 1 : 0);
};

function procedureLists(): ListColumn[] {
  const codes = OPCS4.codes4.map((c) => c.code);
  const idOf = new Map(codes.map((c, i) => [c, i + 1]));
  const runs = PROC_KEYS.flatMap((key) => [0, 1, 2].map((sexClass) => {
    const entries = (PROCEDURE_HEAD.get(key) ?? []).flatMap(([c3, w]) => {
      const only = PROCEDURE_SEX.get(c3);
      if (only !== undefined && only !== sexClass) return [];
      const kids = codes.filter((c) => c.startsWith(c3));
      const total = kids.reduce((a, c) => a + subcategoryWeight(c), 0);
      return kids.map((c) => [idOf.get(c) ?? 0, (w * subcategoryWeight(c)) / total] as [number, number]);
    });
    return entries.length > 0 ? entries : codes.filter((c) => c.startsWith('X35')).map((c) => [idOf.get(c) ?? 0, 1] as [number, number]);
  }));
  const side = (c: string) => (LATERALITY.has(c.slice(0, 3)) ? 1 : 0);
  const minimal = (c: string) => (MINIMAL_ACCESS.has(c.slice(0, 3)) ? 1 : 0);
  const need = (c: string) => {
    const id = idOf.get(c);
    if (id === undefined) throw new Error(`OPCS-4 table lacks ${c}`);
    return id;
  };
  return [
    { name: 'opcs4', type: 'VARCHAR', values: codes },
    { name: 'opcs3', type: 'VARCHAR', values: codes.map((c) => OPCS4.ancestors(c)?.code3 ?? '') },
    { name: 'opcsch', type: 'VARCHAR', values: codes.map((c) => OPCS4.ancestors(c)?.chapter ?? '') },
    { name: 'opcs_side', type: 'INTEGER', values: codes.map(side) },
    { name: 'opcs_min', type: 'INTEGER', values: codes.map(minimal) },
    { name: 'proc_pick', type: 'INTEGER', values: keyedSlots(runs, PROC_SLOTS) },
    // Secondary-procedure ids: Z94.1 bilateral, Z94.2 right, Z94.3 left, Y75.8 minimal access.
    { name: 'opcs_extra', type: 'INTEGER', values: [need('Z941'), need('Z942'), need('Z943'), need('Y758')] },
  ];
}

function specialtyLists(): ListColumn[] {
  const known = new Set(SPECIALTIES.map((s) => s.code));
  const all = new Set<string>();
  const runsFor = (entries: readonly (readonly [string, number])[]) => entries.map(([c, w]) => {
    if (!known.has(c)) throw new Error(`specialty ${c} is not in specialties.ts`);
    all.add(c);
    return [c, w] as [string, number];
  });
  const listsFor = (key: string): [readonly (readonly [string, number])[], readonly (readonly [string, number])[]] => {
    if (key === 'op') return [OP_SPECIALTY, OP_CHILD_SPECIALTY];
    if (key === 'op-maternity') return [[...OP_SPECIALTY, ...OP_MATERNITY_EXTRA], OP_CHILD_SPECIALTY];
    const adult = APC_SPECIALTY.get(key) ?? [];
    const keepsOwn = key === 'XV' || key === 'XVI' || key === 'XXI-birth';
    return [adult, keepsOwn ? adult : APC_CHILD_SPECIALTY.get(key) ?? APC_CHILD_SPECIALTY.get('default') ?? []];
  };
  const runs = SPEC_KEYS.flatMap((key) => [0, 1, 2].flatMap((sexClass) => listsFor(key).map((list) => {
    const allowed = list.filter(([c]) => sexClass === 1 || !FEMALE_ONLY_SPECIALTY.has(c));
    return runsFor(allowed.length > 0 ? allowed : list);
  })));
  const codes = [...all].sort();
  const idOf = new Map(codes.map((c, i) => [c, i + 1]));
  return [
    { name: 'spec_code', type: 'VARCHAR', values: codes },
    { name: 'spec_main', type: 'VARCHAR', values: codes.map(mainSpecialtyFor) },
    { name: 'spec_pick', type: 'INTEGER', values: keyedSlots(runs.map((r) => r.map(([c, w]) => [idOf.get(c) ?? 0, w] as [number, number])), SPEC_SLOTS) },
  ];
}

function providerLists(): ListColumn[] {
  const siteOffset = new Map<string, number>();
  const siteCount = new Map<string, number>();
  SITES.forEach((s, i) => {
    if (!siteOffset.has(s.trust)) siteOffset.set(s.trust, i);
    siteCount.set(s.trust, (siteCount.get(s.trust) ?? 0) + 1);
  });
  const runs = (edOnly: boolean) => [...NHS_REGIONS.map((r) => r.code), null].map((region) =>
    TRUSTS.map((t, i) => [i + 1, (region === null || t.region === region) && (!edOnly || t.hasEd) ? t.weight : 0] as [number, number]));
  return [
    { name: 'trust_code', type: 'VARCHAR', values: TRUSTS.map((t) => t.code) },
    { name: 'trust_icb', type: 'VARCHAR', values: TRUSTS.map((t) => t.icb) },
    { name: 'trust_region', type: 'VARCHAR', values: TRUSTS.map((t) => t.region) },
    { name: 'trust_site_off', type: 'INTEGER', values: TRUSTS.map((t) => siteOffset.get(t.code) ?? 0) },
    { name: 'trust_nsites', type: 'INTEGER', values: TRUSTS.map((t) => siteCount.get(t.code) ?? 1) },
    { name: 'site_code', type: 'VARCHAR', values: SITES.map((s) => s.code) },
    { name: 'trust_pick', type: 'INTEGER', values: keyedSlots(runs(false), TRUST_SLOTS) },
    { name: 'ed_pick', type: 'INTEGER', values: keyedSlots(runs(true), TRUST_SLOTS) },
  ];
}

// Residents of England by regional population; 1% pseudo residences (chosen shares).
const PSEUDO_SHARE: ReadonlyMap<string, number> = new Map([
  ['E99999999', 0.25], ['W99999999', 0.15], ['S99999999', 0.05], ['N99999999', 0.03], ['L99999999', 0.01],
  ['M99999999', 0.01], ['U', 0.05], ['X', 0.2], ['Y', 0.25],
]);

function residenceLists(): ListColumn[] {
  const pop = REGIONS.reduce((a, r) => a + r.populationM, 0);
  const entries: [number, number][] = [
    ...REGIONS.map((r, i) => [i + 1, (99 * r.populationM) / pop] as [number, number]),
    ...PSEUDO_RESIDENCES.map((p, i) => [REGIONS.length + i + 1, PSEUDO_SHARE.get(p.code) ?? 0] as [number, number]),
  ];
  const nhsIndex = (r: string) => NHS_REGIONS.findIndex((n) => n.code === r);
  const districtRuns = REGIONS.map((r) => DISTRICTS.map((d, i) => [i + 1, d.region === r.code ? d.weight : 0] as [number, number]));
  return [
    { name: 'res_code', type: 'VARCHAR', values: [...REGIONS.map((r) => r.code), ...PSEUDO_RESIDENCES.map((p) => p.code)] },
    { name: 'res_nhs', type: 'INTEGER', values: [...REGIONS.map((r) => nhsIndex(r.nhsRegion)), ...PSEUDO_RESIDENCES.map(() => NATIONAL_KEY)] },
    /** 0-based region index for England regions; -1 for pseudo residences. */
    { name: 'res_region', type: 'INTEGER', values: [...REGIONS.map((_, i) => i), ...PSEUDO_RESIDENCES.map(() => -1)] },
    { name: 'res_london', type: 'INTEGER', values: [...REGIONS.map((r) => (r.code === 'E12000007' ? 1 : 0)), ...PSEUDO_RESIDENCES.map(() => 0)] },
    { name: 'res_pick', type: 'INTEGER', values: toSlots(entries, RES_SLOTS) },
    { name: 'district_code', type: 'VARCHAR', values: DISTRICTS.map((d) => d.code) },
    { name: 'district_pick', type: 'INTEGER', values: keyedSlots(districtRuns, DISTRICT_SLOTS) },
  ];
}

function categoricalLists(): ListColumn[] {
  type Dists = Readonly<Record<string, readonly (readonly [string, number])[]>>;
  return Object.entries(CATEGORICALS as Readonly<Record<string, Dists>>).map(([name, dists]) => ({
    name: `cat_${name}`,
    type: 'VARCHAR' as const,
    values: keyedSlots(Object.values(dists), CATEGORICAL_SLOTS),
  }));
}

let cached: { columns: readonly ListColumn[] } | undefined;

export function buildLookups(): { columns: readonly ListColumn[] } {
  if (!cached) {
    const icd = buildIcdLists(loadIcd10());
    cached = {
      columns: [
        ...icd.columns, ...procedureLists(), ...specialtyLists(), ...providerLists(), ...residenceLists(), ...categoricalLists(),
        { name: 'op_age_pick', type: 'INTEGER', values: toSlots(OP_AGE_WEIGHTS, AGE_SLOTS) },
        { name: 'ae_age_pick', type: 'INTEGER', values: toSlots(AE_AGE_WEIGHTS, AGE_SLOTS) },
        { name: 'ae_hour_pick', type: 'INTEGER', values: toSlots(AE_HOUR_WEIGHTS, AGE_SLOTS) },
      ],
    };
  }
  return cached;
}
