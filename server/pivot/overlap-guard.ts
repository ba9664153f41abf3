// Overlap control's state: per analyst and dataset, the cells they were recently shown and the
// range-filter bounds they used (in memory; bounded by the policy's overlap settings per
// analyst, and by the analysts kept). A restart forgets it, as it forgets caches; the audit log
// keeps every query.
import type { Dataset } from '../../shared/catalogue/catalogue-types';
import type { DisclosurePolicy } from '../../shared/disclosure/policy';
import { checkOverlap, type OverlapVerdict } from '../../shared/disclosure/overlap/overlap-control';
import { PublishedHistory } from '../../shared/disclosure/overlap/published-history';
import { spendBounds, type BoundsUsed } from '../../shared/disclosure/overlap/range-budget';
import { applyOverlap, stillPublished, type TableCell } from '../../shared/disclosure/overlap/table-cells';
import type { PivotQuery } from '../../shared/query/pivot-query';
import type { PivotResult } from '../../shared/result/pivot-result';

/** Analysts (× datasets) whose state is kept; the least recently active goes first. */
const MAX_ANALYSTS = 500;

interface AnalystState {
  readonly history: PublishedHistory;
  readonly bounds: BoundsUsed;
  /** The answer each recent query got, so that asking it again shows the same table even if
   *  tables asked since would now change its suppressions (what was shown is known anyway). */
  readonly answers: Map<string, PivotResult>;
}

export class OverlapGuard {
  private readonly states = new Map<string, AnalystState>();

  constructor(private readonly policy: DisclosurePolicy) {}

  /** Before a query runs: refuses it (DisclosureRefusedError) if its range bounds would pass the
   *  analyst's cap; otherwise counts them. */
  admit(userId: number, query: PivotQuery, dataset: Dataset, now = Date.now()): void {
    spendBounds(this.stateOf(userId, query.dataset).bounds, query, dataset, this.policy.overlap, now);
  }

  /** The answer `userId` got for this query (by cache key) recently, if any. */
  earlier(userId: number, dataset: string, queryKey: string): PivotResult | undefined {
    const answers = this.stateOf(userId, dataset).answers;
    const hit = answers.get(queryKey);
    if (hit) { answers.delete(queryKey); answers.set(queryKey, hit); }
    return hit;
  }

  /** What overlap control withholds from `userId` in a table with these published cells. */
  check(userId: number, dataset: string, cells: readonly TableCell[]): OverlapVerdict {
    return checkOverlap(cells, this.stateOf(userId, dataset).history, this.policy);
  }

  /** `result` as `userId` sees it under the verdict; remembers what they now see. The check
   *  and this run in one turn of the event loop, so no other table of theirs comes between. */
  publish(userId: number, dataset: string, queryKey: string, result: PivotResult, cells: readonly TableCell[], verdict: OverlapVerdict, now = Date.now()): PivotResult {
    const shown = applyOverlap(result, cells, verdict);
    const state = this.stateOf(userId, dataset);
    state.history.record(stillPublished(cells, verdict), now);
    state.answers.set(queryKey, shown);
    for (const oldest of state.answers.keys()) {
      if (state.answers.size <= this.policy.overlap.recentQueries) break;
      state.answers.delete(oldest);
    }
    return shown;
  }

  /** Cells remembered over every analyst (for the bench's memory figures). */
  cellsRemembered(): number {
    let n = 0;
    for (const s of this.states.values()) n += s.history.size;
    return n;
  }

  private stateOf(userId: number, dataset: string): AnalystState {
    const key = `${userId}\u0001${dataset}`;
    let s = this.states.get(key);
    if (s) this.states.delete(key);
    else s = { history: new PublishedHistory(this.policy.overlap), bounds: new Map(), answers: new Map() };
    this.states.set(key, s);
    for (const oldest of this.states.keys()) {
      if (this.states.size <= MAX_ANALYSTS) break;
      this.states.delete(oldest);
    }
    return s;
  }
}
