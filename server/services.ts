// What the routers need from the outside world, assembled once at start-up.
import type { Catalogue } from '../shared/catalogue/catalogue-types';
import type { Leaves } from '../shared/disclosure/overlap/population';
import type { DisclosurePolicy } from '../shared/disclosure/policy';
import type { Engine } from './engine/engine';
import type { RollupManager } from './engine/rollup-manager';
import type { OverlapGuard } from './pivot/overlap-guard';
import type { PivotCache } from './pivot/pivot-cache';
import type { AppStore } from './store/app-store';

export interface Services {
  readonly catalogue: Catalogue;
  readonly engine: Engine;
  readonly store: AppStore;
  readonly policy: DisclosurePolicy;
  readonly queryTimeoutMs: number;
  readonly asOf: string;
  readonly dataVersion: string;
  /** Protected results by query, access scope and data version. */
  readonly pivotCache: PivotCache;
  /** Pre-aggregated rollups, chosen from the workload and built in the background. */
  readonly rollups: RollupManager;
  /** What each analyst was shown recently, for overlap control. */
  readonly overlap: OverlapGuard;
  /** Codes at the finest level under each code of the catalogue (cached). */
  readonly leaves: Leaves;
}
