// The closing table of `npm run bench` (issue 8): one row per measured query and scale, with its
// latency, its ratio to raw DuckDB and to Perspective at the same scale, and the memory it took.
// Sections add rows as they finish; run-bench prints them all at the end.
import os from 'node:os';

export interface SummaryRow {
  /** What data: 'demo', 'national', 'first 1M rows'… */
  readonly scale: string;
  readonly query: string;
  readonly p50Ms: number;
  readonly p95Ms: number;
  /** Rows of one scale with the same `compares` (e.g. 'pivot A') get ratios to its baselines. */
  readonly compares?: string;
  /** This row is the raw DuckDB baseline (the compiled SQL on the Parquet alone) or Perspective's. */
  readonly baseline?: 'duckdb' | 'perspective';
  /** Resident memory of the process that did the work, peak, bytes; undefined = not measured. */
  readonly rssBytes?: number;
  /** e.g. 'server', 'Perspective child', 'DuckDB child'. */
  readonly rssOf?: string;
}

const rows: SummaryRow[] = [];

export function addSummaryRows(...more: readonly SummaryRow[]): void {
  rows.push(...more);
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const ratio = (x: number, base: SummaryRow | undefined) => (base === undefined ? '–' : `×${(x / base.p50Ms).toFixed(2)}`);
const mb = (r: SummaryRow) => (r.rssBytes === undefined ? '–' : `${(r.rssBytes / 2 ** 20).toFixed(0)} MiB${r.rssOf ? ` (${r.rssOf})` : ''}`);

/** Prints the rows as a plain-text table; ratios compare p50 with the same scale's baselines. */
export function printSummaryTable(): void {
  if (rows.length === 0) return;
  console.log(`\n[summary] ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; ` +
    `load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; latencies in ms; ` +
    'ratios are p50 ÷ the baseline p50 of the same scale and query; RSS is the peak of the process named');
  const baseline = (r: SummaryRow, kind: 'duckdb' | 'perspective') => (r.compares === undefined ? undefined
    : rows.find((b) => b.scale === r.scale && b.compares === r.compares && b.baseline === kind));
  const table = rows.map((r) => {
    const duck = baseline(r, 'duckdb');
    const psp = baseline(r, 'perspective');
    return [r.scale, r.query, ms(r.p50Ms), ms(r.p95Ms), ratio(r.p50Ms, duck), ratio(r.p50Ms, psp), mb(r)];
  });
  const header = ['scale', 'query', 'p50', 'p95', '×raw DuckDB', '×Perspective', 'RSS'];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ');
  console.log(`  ${line(header)}`);
  console.log(`  ${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const t of table) console.log(`  ${line(t)}`);
}
