// What the routers need from the outside world, assembled once at start-up.
import type { Catalogue } from '../shared/catalogue/catalogue-types';
import type { DisclosurePolicy } from '../shared/disclosure/policy';
import type { Engine } from './engine/engine';
import type { RollupManager } from './engine/rollup-manager';
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
}
