// Overlap control's state: per analyst and dataset, the cells they were recently shown (in
// memory; bounded by the policy's overlap settings per analyst, and by the analysts kept). A
// restart forgets it, as it forgets sessions' caches; the audit log keeps every query.
import type { DisclosurePolicy } from '../../shared/disclosure/policy';
import { checkOverlap, type OverlapVerdict } from '../../shared/disclosure/overlap/overlap-control';
import { PublishedHistory } from '../../shared/disclosure/overlap/published-history';
import { applyOverlap, stillPublished, type TableCell } from '../../shared/disclosure/overlap/table-cells';
import type { PivotResult } from '../../shared/result/pivot-result';

/** Analysts whose histories are kept; the least recently active goes first. */
const MAX_ANALYSTS = 500;

export class OverlapGuard {
  private readonly histories = new Map<string, PublishedHistory>();

  constructor(private readonly policy: DisclosurePolicy) {}

  /** What overlap control withholds from `userId` in a table with these published cells. */
  check(userId: number, dataset: string, cells: readonly TableCell[]): OverlapVerdict {
    return checkOverlap(cells, this.historyFor(`${userId}\u0001${dataset}`), this.policy);
  }

  /** `result` as `userId` sees it under the verdict; remembers what they now see. The check
   *  and this run in one turn of the event loop, so no other table of theirs comes between. */
  publish(userId: number, dataset: string, result: PivotResult, cells: readonly TableCell[], verdict: OverlapVerdict, now = Date.now()): PivotResult {
    const shown = applyOverlap(result, cells, verdict);
    this.historyFor(`${userId}\u0001${dataset}`).record(stillPublished(cells, verdict), now);
    return shown;
  }

  /** Cells remembered over every analyst (for the bench's memory figures). */
  cellsRemembered(): number {
    let n = 0;
    for (const h of this.histories.values()) n += h.size;
    return n;
  }

  private historyFor(key: string): PublishedHistory {
    let h = this.histories.get(key);
    if (h) this.histories.delete(key);
    else h = new PublishedHistory(this.policy.overlap);
    this.histories.set(key, h);
    for (const oldest of this.histories.keys()) {
      if (this.histories.size <= MAX_ANALYSTS) break;
      this.histories.delete(oldest);
    }
    return h;
  }
}
