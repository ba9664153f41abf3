// Per-year OP plan: appointments grouped in courses (one first appointment, then follow-ups for
// the same person and treatment function), with course lengths and appointment outcomes as exact
// quotas so the published attended / DNA / cancelled shares hold at every scale.

import { allocate } from './largest-remainder';
import { hashFraction, permutationFor, type Permutation } from './permutation';
import { OP_APPOINTMENTS, OP_ATTENDED } from './targets';

export const MAX_COURSE = 12;
/** Mean appointments per course: about 30% of appointments are first appointments (chosen). */
const MEAN_COURSE = 3.3;

/** Outcome codes of follow-up appointments in the order their quota ranges are laid out. */
export const FOLLOW_UP_CODES = ['5', '6', '3', '7', '2', '4', '9'] as const;

export interface OpStratum {
  readonly length: number;
  readonly courses: number;
  readonly courseOffset: number;
  /** Index of this stratum's first follow-up among the year's follow-ups. */
  readonly followUpOffset: number;
}

export interface OpYearPlan {
  readonly appointments: number;
  readonly strata: readonly OpStratum[];
  readonly followUps: number;
  readonly followUpPermutation: Permutation;
  /** Cumulative upper bounds (exclusive) of each FOLLOW_UP_CODES range over follow-up ranks. */
  readonly followUpBounds: readonly number[];
}

function lengthPmf(): number[] {
  const pmf = (r: number) => {
    const w = Array.from({ length: MAX_COURSE }, (_, i) => r ** i);
    const s = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / s);
  };
  let lo = 0;
  let hi = 0.99;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    const mean = pmf(mid).reduce((a, p, k) => a + p * (k + 1), 0);
    if (mean < MEAN_COURSE) lo = mid;
    else hi = mid;
  }
  return pmf((lo + hi) / 2);
}

export function planOpYear(fyear: string, scale: number, seed: number): OpYearPlan {
  const published = OP_APPOINTMENTS.get(fyear);
  if (published === undefined) throw new RangeError(`planOpYear: no OP volume for ${fyear}`);
  const appointments = Math.round(published * scale);
  const counts = allocate(Math.round(appointments / MEAN_COURSE), lengthPmf());
  // Close the gap to the exact appointment total by lengthening or shortening one-visit courses.
  let gap = appointments - counts.reduce((a, c, k) => a + c * (k + 1), 0);
  while (gap !== 0) {
    if (gap > 0 && (counts[0] ?? 0) > 0) { counts[0] = (counts[0] ?? 0) - 1; counts[1] = (counts[1] ?? 0) + 1; gap -= 1; }
    else if (gap < 0 && (counts[1] ?? 0) > 0) { counts[1] = (counts[1] ?? 0) - 1; counts[0] = (counts[0] ?? 0) + 1; gap += 1; }
    else if (gap > 0) { counts[0] = (counts[0] ?? 0) + 1; gap -= 1; }
    else throw new Error('planOpYear: cannot meet the appointment total');
  }
  let courseOffset = 0;
  let followUpOffset = 0;
  const strata = counts.map((courses, k): OpStratum => {
    const s = { length: k + 1, courses, courseOffset, followUpOffset };
    courseOffset += courses;
    followUpOffset += courses * k;
    return s;
  }).filter((s) => s.courses > 0);
  const firsts = courseOffset;
  const followUps = appointments - firsts;

  // Whole-year quotas by outcome; every first appointment is attended (a course starts with a
  // first attendance), so follow-ups carry the rest of the attended quota and all the others.
  const a = OP_ATTENDED;
  const [on = 0, late = 0, dna = 0, dnaLate = 0, patient = 0, hospital = 0, unknown = 0] = allocate(appointments, [
    a.attended * (1 - a.lateSeenShare), a.attended * a.lateSeenShare, a.dna * (1 - a.lateNotSeenShare), a.dna * a.lateNotSeenShare,
    a.cancelled * a.patientCancelShare, a.cancelled * (1 - a.patientCancelShare), a.notKnown,
  ]);
  const attendedFollowUps = on + late - firsts;
  if (attendedFollowUps < 0) throw new Error('planOpYear: more first appointments than attendances');
  const [fuOn = 0, fuLate = 0] = allocate(attendedFollowUps, [on, late]);
  let bound = 0;
  const followUpBounds = [fuOn, fuLate, dna, dnaLate, patient, hospital, unknown].map((c) => (bound += c));
  return {
    appointments, strata, followUps,
    followUpPermutation: permutationFor(Math.max(1, followUps), hashFraction(seed, Number(fyear), 2)),
    followUpBounds,
  };
}
