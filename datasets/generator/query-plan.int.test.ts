// Guards determinism by construction: every dataset query may use only order-preserving
// operators (projections, unnest, cross products with the one-row lookup table, scans). A join,
// aggregate, window or sort would let two threads reorder rows, so the Parquet bytes could vary.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareAeYear } from './ae-write';
import { prepareApcYear } from './apc-write';
import { loadLookupTable, openDuck, type Duck } from './duck';
import { buildLookups } from './lookup-lists';
import { prepareOpYear } from './op-write';

const ALLOWED = new Set(['PROJECTION', 'CROSS_PRODUCT', 'UNNEST', 'SEQ_SCAN', 'READ_PARQUET', 'TABLE_SCAN', 'FILTER']);
const scratch = mkdtempSync(join(tmpdir(), 'hes-plan-'));
let duck: Duck;

beforeAll(async () => {
  duck = await openDuck({ scratchDir: scratch });
  await loadLookupTable(duck.connection, buildLookups().columns);
}, 60_000);
afterAll(() => {
  duck.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Operator names in DuckDB's EXPLAIN boxes (upper-case words on their own line). */
async function operators(sql: string): Promise<Set<string>> {
  const rows = (await duck.connection.runAndReadAll(`EXPLAIN ${sql}`)).getRows();
  const text = rows.map((r) => String(r[1])).join('\n');
  const names = new Set<string>();
  for (const m of text.matchAll(/│\s*([A-Z][A-Z_]{3,})\s*│/g)) if (m[1]) names.add(m[1]);
  return names;
}

describe('dataset queries', () => {
  for (const [name, prepare] of [['apc', prepareApcYear], ['op', prepareOpYear], ['ae', prepareAeYear]] as const) {
    for (const fyear of ['1920', '2324']) {
      it(`${name} ${fyear} uses only order-preserving operators`, async () => {
        const ops = await operators(await prepare(duck, { fyear, seed: 1, scale: 0.0002 }));
        expect([...ops].filter((o) => !ALLOWED.has(o)), [...ops].join(', ')).toEqual([]);
        expect(ops.has('UNNEST')).toBe(true);
      });
    }
  }

  it('would notice a join', async () => {
    const ops = await operators(`SELECT * FROM range(10) a JOIN range(10) b ON a.range = b.range`);
    expect([...ops].some((o) => !ALLOWED.has(o))).toBe(true);
  });
});
