// ICD-10 lookup lists for SQL: per-code arrays (4-char code, 3-char, block, chapter) indexed by a
// code id, and slot lists for primary diagnoses (by strata key × sex × child), secondary
// diagnoses (by era × child) and external causes.

import type { Icd10Table } from '../reference/icd10';
import {
  CAUSE_HEAD, CHILD_HEAD, OP_DIAGNOSES, COVID_SECONDARY_SHARE, expandEntry, isAdultOnly, PRIMARY_HEAD, SECONDARY_ADULT,
  SECONDARY_CHILD, sexFactor, weighCodes,
} from './icd-weights';
import { STRATA_CHAPTERS } from './apc-chapters';
import { keyedSlots, toSlots, type ListColumn } from './slot-list';

export const DIAG_SLOTS = 4096;
export const SEC_SLOTS = 1024;
export const CAUSE_SLOTS = 1024;
export const OP_DIAG_SLOTS = 1024;
export const SEX_CLASSES = 3;

/** Primary-diagnosis keys: strata chapters plus the delivery and pre-COVID variants. */
export const DIAG_KEYS: readonly string[] = [...STRATA_CHAPTERS.map((c) => c.id), 'XV-delivery', 'XXII-pre'];
/** Secondary-diagnosis eras: before COVID, then one per year from 2020-21. */
export const SEC_ERAS: readonly string[] = ['pre', '2021', '2122', '2223', '2324'];

export function diagKey(key: string, sexClass: number, child: boolean): number {
  const k = DIAG_KEYS.indexOf(key);
  if (k < 0) throw new RangeError(`unknown diagnosis key ${key}`);
  return (k * SEX_CLASSES + sexClass) * 2 + (child ? 1 : 0);
}

export function secKey(fyear: string, child: boolean): number {
  const era = Math.max(0, SEC_ERAS.indexOf(fyear));
  return era * 2 + (child ? 1 : 0);
}

const DELIVERY_BLOCKS = new Set(['O30-O48', 'O60-O75', 'O80-O84', 'O94-O99']);

export interface IcdLists {
  readonly columns: readonly ListColumn[];
  readonly idOf: ReadonlyMap<string, number>;
}

export function buildIcdLists(icd: Icd10Table): IcdLists {
  const codes = icd.codes4.filter((c) => c.selectable && icd.ancestors(c.code) && !c.code.startsWith('C42'))
    .map((c) => c.code).sort();
  const idOf = new Map(codes.map((c, i) => [c, i + 1]));
  const anc = codes.map((c) => icd.ancestors(c) ?? { chapter: '', block: '', code3: '' });
  const byChapter = new Map<string, string[]>();
  codes.forEach((c, i) => {
    const ch = anc[i]?.chapter ?? '';
    byChapter.set(ch, [...(byChapter.get(ch) ?? []), c]);
  });
  const blockOf = new Map(codes.map((c, i) => [c, anc[i]?.block ?? '']));

  const candidatesFor = (key: string): string[] => {
    const xv = byChapter.get('XV') ?? [];
    switch (key) {
      case 'XV-delivery': return xv.filter((c) => DELIVERY_BLOCKS.has(blockOf.get(c) ?? ''));
      case 'XV': return xv.filter((c) => blockOf.get(c) !== 'O80-O84');
      case 'XXI': return (byChapter.get('XXI') ?? []).filter((c) => !c.startsWith('Z38'));
      case 'XXI-birth': return (byChapter.get('XXI') ?? []).filter((c) => c.startsWith('Z38'));
      case 'XXII-pre': return (byChapter.get('XXII') ?? []).filter((c) => !c.startsWith('U07'));
      default: return byChapter.get(key) ?? [];
    }
  };
  const headShare = (key: string) => (key === 'XXI-birth' ? 1 : key === 'XXII' ? 0.95 : key === 'XV-delivery' ? 0.85 : 0.7);

  const runs: [number, number][][] = [];
  for (const key of DIAG_KEYS) {
    const cands = candidatesFor(key);
    const head = PRIMARY_HEAD.get(key) ?? [];
    for (let sexClass = 0; sexClass < SEX_CLASSES; sexClass++) {
      for (const child of [false, true]) {
        const childHead = child ? CHILD_HEAD.get(key) : undefined;
        const factor = (c: string) => sexFactor(c, sexClass) * (child && isAdultOnly(c) ? 0.02 : 1);
        let w = weighCodes(icd, cands, childHead ? [...head, ...childHead.map(([c, x]) => [c, x * 3] as const)] : head, headShare(key), factor);
        // Cells that never occur (e.g. pregnancy in men) still need a valid run.
        if ([...w.values()].every((x) => x === 0)) w = weighCodes(icd, cands, head, headShare(key), () => 1);
        runs.push([...w].map(([c, x]) => [idOf.get(c) ?? 0, x] as [number, number]).filter(([id]) => id > 0));
      }
    }
  }

  const secRuns: [number, number][][] = [];
  const covid = idOf.get('U071') ?? 0;
  for (const era of SEC_ERAS) {
    for (const list of [SECONDARY_ADULT, SECONDARY_CHILD]) {
      const base = list.map(([c, w]) => [idOf.get(c) ?? 0, w] as [number, number]).filter(([id]) => id > 0);
      const total = base.reduce((a, [, w]) => a + w, 0);
      const share = COVID_SECONDARY_SHARE.get(era) ?? 0;
      secRuns.push(share > 0 ? [...base, [covid, (total * share) / (1 - share)]] : base);
    }
  }
  const causeEntries = CAUSE_HEAD.flatMap(([c3, w]) => {
    const kids = expandEntry(icd, c3).filter((c) => idOf.has(c));
    return kids.map((c) => [idOf.get(c) ?? 0, w / kids.length] as [number, number]);
  });

  return {
    idOf,
    columns: [
      { name: 'icd4', type: 'VARCHAR', values: codes },
      { name: 'icd3', type: 'VARCHAR', values: anc.map((a) => a.code3) },
      { name: 'icdblk', type: 'VARCHAR', values: anc.map((a) => a.block) },
      { name: 'icdch', type: 'VARCHAR', values: anc.map((a) => a.chapter) },
      { name: 'diag_pick', type: 'INTEGER', values: keyedSlots(runs, DIAG_SLOTS) },
      { name: 'sec_pick', type: 'INTEGER', values: keyedSlots(secRuns, SEC_SLOTS) },
      { name: 'cause_pick', type: 'INTEGER', values: toSlots(causeEntries, CAUSE_SLOTS) },
      { name: 'op_diag_pick', type: 'INTEGER', values: toSlots(OP_DIAGNOSES.map(([c, w]) => [idOf.get(c) ?? 0, w] as [number, number]).filter(([id]) => id > 0), OP_DIAG_SLOTS) },
    ],
  };
}
