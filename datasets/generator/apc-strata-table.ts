// Turns APC strata into the rows of the DuckDB table `st`: the counts from apc-strata.ts plus
// every per-stratum parameter the SQL needs (lookup keys, probabilities, distributions), so the
// SQL stays a plain expansion with no branching on chapters.

import { STRATA_CHAPTERS } from './apc-chapters';
import { SEX_CODES } from './apc-joint';
import { GROUPS, isDayCaseGroup } from './apc-mix';
import { KIND, type ApcStratum } from './apc-strata';
import { distIndex } from './categoricals';
import type { Row, SqlColumnType } from './duck';
import { diagKey, secKey } from './lookup-icd';
import { procKey, specKey } from './lookup-lists';
import { AGE_BANDS } from './targets';

export const APC_STRATA_COLUMNS: readonly (readonly [string, SqlColumnType])[] = [
  ['kind', 'INTEGER'], ['grp', 'INTEGER'], ['neps', 'INTEGER'], ['sex', 'VARCHAR'], ['band', 'INTEGER'],
  ['age_lo', 'INTEGER'], ['age_hi', 'INTEGER'], ['spell_off', 'BIGINT'],
  ['ordinary', 'INTEGER'], ['los_n', 'BIGINT'], ['los_off', 'BIGINT'], ['los_a', 'BIGINT'], ['los_b', 'BIGINT'],
  ['los_p0', 'DOUBLE'], ['los_alpha', 'DOUBLE'], ['los_ib', 'DOUBLE'],
  ['is_birth', 'INTEGER'], ['p_death', 'DOUBLE'], ['p_delivery', 'DOUBLE'], ['p_proc', 'DOUBLE'], ['p_cause', 'DOUBLE'],
  ['nsec_mean', 'DOUBLE'], ['diag_key', 'INTEGER'], ['diag_key_del', 'INTEGER'], ['sec_key', 'INTEGER'],
  ['proc_key', 'INTEGER'], ['proc_key_del', 'INTEGER'], ['spec_key1', 'INTEGER'], ['spec_key2', 'INTEGER'],
  ['am_dist', 'INTEGER'], ['am_dist_del', 'INTEGER'], ['src_dist', 'INTEGER'], ['dest_dist', 'INTEGER'],
  ['dm_dist', 'INTEGER'], ['im_dist', 'INTEGER'], ['classpat', 'VARCHAR'], ['elective', 'INTEGER'], ['wait_mean', 'DOUBLE'],
];

// In-hospital death risk of an emergency spell by age band (chosen), scaled by group and chapter.
const DEATH_BY_BAND = [0.002, 0.0005, 0.0005, 0.0005, 0.001, 0.001, 0.001, 0.001, 0.002, 0.003, 0.005,
  0.008, 0.012, 0.016, 0.022, 0.03, 0.04, 0.052, 0.068, 0.085, 0.01];
const DEATH_CHAPTER: ReadonlyMap<string, number> = new Map([
  ['II', 1.6], ['X', 1.4], ['XXII', 2.5], ['IX', 1.2], ['XV', 0.01], ['XXI-birth', 0.1], ['XVI', 0.5],
  ['VII', 0.02], ['XIII', 0.2], ['XIV', 0.8], ['XIX', 0.8], ['XII', 0.5], ['VIII', 0.1],
]);
const PROC_EMERGENCY: ReadonlyMap<string, number> = new Map([
  ['IX', 0.35], ['XI', 0.45], ['XIX', 0.5], ['XIII', 0.55], ['XIV', 0.35], ['VII', 0.6], ['XVIII', 0.2], ['XV', 0.3],
]);

function nsecMean(band: number): number {
  if (band <= 3) return 0.6;
  if (band <= 9) return 1.5;
  if (band <= 13) return 3;
  if (band <= 17) return 5;
  if (band <= 19) return 6.5;
  return 1.5;
}

export function apcStratumRow(s: ApcStratum, fyear: string): Row {
  const chapter = STRATA_CHAPTERS[s.chapterIdx];
  if (!chapter) throw new RangeError(`no strata chapter ${s.chapterIdx}`);
  const id = chapter.id;
  const group = GROUPS[s.group] ?? 'E';
  const dayCase = isDayCaseGroup(group);
  const sex = SEX_CODES[s.sexIdx] ?? '0';
  const sexClass = sex === '1' ? 0 : sex === '2' ? 1 : 2;
  const child = s.ageBand <= 3;
  const band = AGE_BANDS[s.ageBand];
  const isBirth = id === 'XXI-birth' || (id === 'XVI' && group === 'O' && s.ageBand === 0);
  const normal = s.kind === KIND.normal;
  const elective = group !== 'E' && group !== 'O';
  const covidEra = Number(fyear) >= 2021;
  const dKey = diagKey(id === 'XXII' && !covidEra ? 'XXII-pre' : id, sexClass, child);

  const pDeath = !normal || dayCase ? 0
    : (DEATH_BY_BAND[s.ageBand] ?? 0) * (group === 'E' ? 1 : group === 'O' ? 0.5 : 0.15) * (DEATH_CHAPTER.get(id) ?? 1);
  const pDelivery = id !== 'XV' || dayCase || !normal ? 0 : group === 'O' ? 0.8 : group === 'E' ? 0.3 : 0.5;
  const pProc = !normal ? (s.kind === KIND.unfinished ? 0 : 0.7)
    : dayCase ? (id === 'XVIII' ? 0.8 : 0.93)
    : elective ? 0.85
    : group === 'E' ? (PROC_EMERGENCY.get(id) ?? 0.25)
    : isBirth ? 0.02 : 0.3;
  const delKey = group === 'O' ? 'delivery-maternity' : group === 'E' ? 'delivery-emergency' : 'delivery-elective';
  const amDist = s.kind === KIND.regularDay || s.kind === KIND.regularNight ? distIndex('admimeth', 'planned')
    : group === 'E' ? distIndex('admimeth', id === 'V' ? 'emergencyMental' : 'emergency')
    : group === 'WD' || group === 'WO' ? distIndex('admimeth', 'waitingList')
    : group === 'PD' || group === 'PO' ? distIndex('admimeth', 'planned')
    : id === 'XV' ? distIndex('admimeth', 'maternityOther')
    : isBirth ? distIndex('admimeth', 'birth') : distIndex('admimeth', 'transfer');
  const amDistDel = id === 'XV' && group === 'O' ? distIndex('admimeth', 'maternityDelivery') : amDist;
  const old = s.ageBand >= 17 && s.ageBand <= 19;
  const srcDist = isBirth ? distIndex('admisorc', 'birth') : id === 'XV' ? distIndex('admisorc', 'maternity')
    : old ? distIndex('admisorc', 'usualOld') : distIndex('admisorc', 'usual');
  const destDist = isBirth || id === 'XV' ? distIndex('disdest', 'maternity') : old ? distIndex('disdest', 'homeOld') : distIndex('disdest', 'home');
  const imDist = s.kind === KIND.regularDay ? distIndex('intmanig', 'regularDay')
    : s.kind === KIND.regularNight ? distIndex('intmanig', 'regularNight')
    : dayCase ? distIndex('intmanig', 'dayCase')
    : group === 'E' ? distIndex('intmanig', 'emergency')
    : group === 'O' ? distIndex('intmanig', 'other') : distIndex('intmanig', 'electiveOrdinary');
  const classpat = s.kind === KIND.regularDay ? '3' : s.kind === KIND.regularNight ? '4' : dayCase ? '2' : '1';
  const specChapter = specKey(id, sexClass, child);
  const ordinary = normal && !dayCase ? 1 : 0;

  return [
    s.kind, s.group, s.episodes, sex, s.ageBand, band?.lo ?? -1, band?.hi ?? -1, s.spellOffset,
    ordinary, s.losN, s.losOffset, s.losA, s.losB, s.losP0, s.losAlpha, s.losInvBeta,
    isBirth ? 1 : 0, pDeath, pDelivery, pProc, id === 'XIX' ? 0.95 : id === 'XVIII' ? 0.04 : 0.003,
    isBirth ? 0.3 : nsecMean(s.ageBand) * (dayCase ? 0.5 : 1),
    dKey, id === 'XV' ? diagKey('XV-delivery', sexClass, child) : dKey, secKey(fyear, child),
    procKey(id, sexClass), id === 'XV' ? procKey(delKey, sexClass) : procKey(id, sexClass),
    group === 'E' && s.episodes > 1 ? specKey('acute', sexClass, child) : specChapter, specChapter,
    amDist, amDistDel, srcDist, destDist, distIndex('dismeth', id === 'V' ? 'mental' : 'usual'), imDist,
    classpat, elective || s.kind === KIND.regularDay || s.kind === KIND.regularNight ? 1 : 0,
    group === 'PD' || group === 'PO' ? 120 : 70,
  ];
}
