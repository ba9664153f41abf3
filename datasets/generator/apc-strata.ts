// Per-year APC strata: exact spell counts for every (chapter, admission group, episodes per spell,
// sex, age band) cell by quota allocation, plus the length-of-stay ranks and the extra non-FCE rows
// (regular attenders, unfinished episodes). SQL (apc-sql.ts) expands each stratum into rows.

import { STRATA_CHAPTERS } from './apc-chapters';
import { AGE_COUNT, fitApcJoint, type ApcJoint } from './apc-joint';
import { episodeCountPmf, fitApcMix, GROUPS, isDayCaseGroup, type ApcMix } from './apc-mix';
import { allocate, allocateSystematic } from './largest-remainder';
import { fitLosMultiplier, fittedParams, LOS_CLASSES, losClass, totalBedDays, type LosGroup } from './los-model';
import { hashFraction, permutationFor } from './permutation';
import { APC_2324, FAE_SERIES } from './targets';

export const KIND = { normal: 0, regularDay: 1, regularNight: 2, unfinished: 3 } as const;

export interface ApcStratum {
  readonly kind: number;
  readonly chapterIdx: number;
  readonly group: number;
  readonly episodes: number;
  readonly sexIdx: number;
  readonly ageBand: number;
  readonly n: number;
  readonly spellOffset: number;
  /** Length-of-stay class size, this stratum's offset in it, its permutation and parameters. */
  readonly losN: number;
  readonly losOffset: number;
  readonly losA: number;
  readonly losB: number;
  readonly losP0: number;
  readonly losAlpha: number;
  readonly losInvBeta: number;
}

export interface ApcYearPlan {
  readonly year: string;
  readonly strata: readonly ApcStratum[];
  readonly faes: number;
  readonly fces: number;
  readonly bedDaysTarget: number;
  /** Bed days the strata will produce (exact, from the length-of-stay classes). */
  readonly bedDays: number;
  readonly extraRows: number;
}

/** Extra non-FCE rows as shares of the year's FCEs (chosen). */
const REGULAR_ATTENDER_SHARE = 0.01;
const UNFINISHED_SHARE = 0.003;
const REGULAR_CHAPTERS = new Map([['II', 0.35], ['III', 0.2], ['XIV', 0.25], ['XXI', 0.2]]);

let model: { mix: ApcMix; joint: ApcJoint } | undefined;
export function apcModel(): { mix: ApcMix; joint: ApcJoint } {
  model ??= { mix: fitApcMix(), joint: fitApcJoint() };
  return model;
}

function losGroupOf(group: string, chapterId: string): LosGroup {
  if (group === 'E') return 0;
  if (group === 'WO' || group === 'PO') return 1;
  if (chapterId === 'XV') return 2;
  if (chapterId === 'XVI' || chapterId === 'XXI-birth') return 3;
  return 4;
}

interface Cell { kind: number; chapterIdx: number; group: number; episodes: number; sexIdx: number; ageBand: number; n: number }

function normalCells(faes: number, m: { mix: ApcMix; joint: ApcJoint }, seed: number, yearNum: number): Cell[] {
  const cells: Cell[] = [];
  const byChapter = allocate(faes, m.mix.chapters.map((c) => c.faePerFce));
  m.mix.chapters.forEach((cm, ci) => {
    // Groups and episode counts are exact per chapter (they carry the FCE and admission
    // targets); each column's spells spread over sex × age by systematic rounding.
    const within = m.joint.withinChapter[ci] ?? [];
    const byRow: Cell[][] = within.map(() => []);
    allocate(byChapter[ci] ?? 0, cm.groupShares).forEach((gn, g) => {
      const name = GROUPS[g] ?? 'E';
      const pmf = isDayCaseGroup(name) ? [1] : episodeCountPmf(cm.episodesPerSpell[g] ?? 1);
      allocate(gn, pmf).forEach((n, e) => {
        const offset = hashFraction(seed, yearNum, ci, g, e);
        allocateSystematic(n, within, offset).forEach((count, r) => {
          if (count > 0) {
            byRow[r]?.push({ kind: KIND.normal, chapterIdx: ci, group: g, episodes: e + 1,
              sexIdx: Math.floor(r / AGE_COUNT), ageBand: r % AGE_COUNT, n: count });
          }
        });
      });
    });
    cells.push(...byRow.flat());
  });
  return cells;
}

function extraCells(fces: number, m: { mix: ApcMix; joint: ApcJoint }): Cell[] {
  const cells: Cell[] = [];
  const ids = STRATA_CHAPTERS.map((c) => c.id);
  const push = (kind: number, group: number, total: number, chapterWeights: readonly number[]) => {
    allocate(total, chapterWeights).forEach((cn, ci) => {
      allocate(cn, m.joint.withinChapter[ci] ?? []).forEach((n, r) => {
        if (n > 0) cells.push({ kind, chapterIdx: ci, group, episodes: 1, sexIdx: Math.floor(r / AGE_COUNT), ageBand: r % AGE_COUNT, n });
      });
    });
  };
  const regular = Math.round(fces * REGULAR_ATTENDER_SHARE);
  const regularWeights = ids.map((id) => REGULAR_CHAPTERS.get(id) ?? 0);
  const [day = 0, night = 0] = allocate(regular, [0.85, 0.15]);
  push(KIND.regularDay, GROUPS.indexOf('PD'), day, regularWeights);
  push(KIND.regularNight, GROUPS.indexOf('PO'), night, regularWeights);
  const unfinished = Math.round(fces * UNFINISHED_SHARE);
  const [emergency = 0, elective = 0] = allocate(unfinished, [0.6, 0.4]);
  const shares = STRATA_CHAPTERS.map((c) => (c.id === 'XXI-birth' ? 0 : c.fceShare));
  push(KIND.unfinished, GROUPS.indexOf('E'), emergency, shares);
  push(KIND.unfinished, GROUPS.indexOf('WO'), elective, shares);
  return cells;
}

export function planApcYear(year: string, scale: number, seed: number): ApcYearPlan {
  const m = apcModel();
  const published = FAE_SERIES.get(year);
  if (published === undefined) throw new RangeError(`planApcYear: no FAE figure for ${year}`);
  const faes = Math.round(published * scale);
  const normal = normalCells(faes, m, seed, Number(year));
  const fces = normal.reduce((a, c) => a + c.n * c.episodes, 0);
  const extras = extraCells(fces, m);

  // Length-of-stay classes for ordinary spells: sizes, then each stratum's offset inside its class.
  const classOf = (c: Cell) => {
    const group = GROUPS[c.group] ?? 'E';
    if (c.kind !== KIND.normal || isDayCaseGroup(group)) return -1;
    return losClass(losGroupOf(group, STRATA_CHAPTERS[c.chapterIdx]?.id ?? ''), c.ageBand, c.episodes);
  };
  const classCounts = Array.from({ length: LOS_CLASSES }, () => 0);
  for (const c of normal) {
    const cls = classOf(c);
    if (cls >= 0) classCounts[cls] = (classCounts[cls] ?? 0) + c.n;
  }
  const bedDaysTarget = Math.round(APC_2324.bedDays * scale * (published / APC_2324.faes));
  const lambda = fitLosMultiplier(classCounts, bedDaysTarget);
  const yearNum = Number(year);
  const perms = classCounts.map((n, cls) => permutationFor(n, hashFraction(seed, yearNum, cls)));
  const running = Array.from({ length: LOS_CLASSES }, () => 0);

  let spellOffset = 0;
  const strata = [...normal, ...extras].map((c): ApcStratum => {
    const cls = classOf(c);
    const perm = cls >= 0 ? perms[cls] : undefined;
    const params = cls >= 0 ? fittedParams(cls, lambda) : { p0: 1, alpha: 0, invBeta: 1 };
    const losOffset = cls >= 0 ? (running[cls] ?? 0) : 0;
    if (cls >= 0) running[cls] = losOffset + c.n;
    const s: ApcStratum = {
      ...c, spellOffset, losN: perm?.n ?? 1, losOffset, losA: perm?.a ?? 1, losB: perm?.b ?? 0,
      losP0: params.p0, losAlpha: params.alpha, losInvBeta: params.invBeta,
    };
    spellOffset += c.n;
    return s;
  });
  return {
    year, strata, faes, fces, bedDaysTarget, bedDays: totalBedDays(classCounts, lambda), extraRows: extras.reduce((a, c) => a + c.n, 0),
  };
}

