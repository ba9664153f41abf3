// The attack families, the datasets each runs on and the seeds it tries (each seed picks its own
// targets, filters and paddings, and signs in its own analyst).
import { meansIntoCounts, MEAN_DATASETS, narrowFilter } from './age-differencing';
import { anyPositionTotals } from './any-position';
import type { AttackContext } from './attack-context';
import { codeListPlusOne } from './code-list';
import { repeatsAndRephrasings } from './consistency';
import { drillVsParent } from './drill-down';
import type { FamilyId, ScenarioOutcome } from './findings';
import { overlappingMonths } from './month-ranges';
import { siblingDifferencing } from './sibling-differencing';
import { topNOther } from './top-n-other';
import { trackers } from './trackers';
import { DATASETS, type DatasetId } from './truth';

export interface FamilyRun {
  readonly family: FamilyId;
  readonly datasets: readonly DatasetId[];
  readonly seeds: readonly number[];
  run(dataset: DatasetId, seed: number, ctx: AttackContext): Promise<ScenarioOutcome>;
}

export const FAMILIES: readonly FamilyRun[] = [
  { family: 'F1 sibling differencing', datasets: DATASETS, seeds: [1, 2, 3], run: siblingDifferencing },
  { family: 'F2 narrow filter', datasets: DATASETS, seeds: [1, 2, 3], run: narrowFilter },
  { family: 'F3 code list ± one code', datasets: DATASETS, seeds: [1, 2, 3], run: codeListPlusOne },
  { family: 'F4 overlapping months', datasets: DATASETS, seeds: [1, 2, 3], run: overlappingMonths },
  { family: 'F5 trackers', datasets: DATASETS, seeds: [1, 2, 3], run: trackers },
  { family: 'F6 repeats and re-phrasings', datasets: DATASETS, seeds: [1, 2, 3], run: repeatsAndRephrasings },
  { family: 'F7 drill vs parent', datasets: DATASETS, seeds: [1, 2, 3], run: drillVsParent },
  { family: 'F8 top-N Other', datasets: DATASETS, seeds: [1, 2, 3], run: topNOther },
  { family: 'F9 means into counts', datasets: MEAN_DATASETS, seeds: [1, 2, 3], run: meansIntoCounts },
  { family: 'F10 any-position totals', datasets: ['apc'], seeds: [1, 2, 3, 4], run: anyPositionTotals },
];
