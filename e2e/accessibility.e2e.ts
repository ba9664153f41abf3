// axe-core in Chromium over the app's main states: the login page, a populated workbench (rows,
// columns, several measures, a member expanded in place, suppressed cells, the chart), the filter
// editor and the breadcrumb after a drill. Serious and critical violations fail; the rest print.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PivotQueryInput } from '../shared/query/pivot-query';
import { useWorkbenchSuite } from './harness';
import { axeViolations, fetchPivot, openPage, openView, screenshot, waitForIdle, type AxeViolation } from './workbench-driver';

const suite = useWorkbenchSuite();

const BLOCKING = new Set(['serious', 'critical']);

const describeViolation = (v: AxeViolation) =>
  `${v.impact ?? '?'} ${v.id}: ${v.help} (${v.nodes.length} ${v.nodes.length === 1 ? 'element' : 'elements'})\n${v.nodes.slice(0, 5).map((n) => `    ${n.target}  ${n.html}\n      ${n.summary.replace(/\n/g, ' ')}`).join('\n')}`;

/** Runs axe, prints what it found, and fails on serious or critical violations. */
async function expectAccessible(page: Page, scene: string): Promise<void> {
  const violations = await axeViolations(page);
  for (const v of violations) console.log(`[axe ${scene}] ${describeViolation(v)}`);
  if (violations.length === 0) console.log(`[axe ${scene}] no violations`);
  // Soft, so one scene's failure still lets the later scenes report theirs.
  expect.soft(violations.filter((v) => BLOCKING.has(v.impact ?? '')).map(describeViolation), scene).toEqual([]);
}

/** Chapters by sex, three measures, chapter I expanded in place (its blocks suppress cells). */
const VIEW = {
  dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_01' }], columns: [{ field: 'sex' }],
  measures: ['fce', 'los_mean', 'spells'], filters: [], totals: true,
} satisfies PivotQueryInput;

describe('accessibility (axe-core)', () => {
  it('finds no serious or critical violation on the login page', async () => {
    const page = await openPage(suite.browser);
    await page.goto(suite.baseUrl);
    await page.getByTestId('login-email').waitFor();
    await expectAccessible(page, 'login');
    await page.context().close();
  });

  it('finds none on a populated workbench, with the filter editor open, and after a drill', async () => {
    const page = await openPage(suite.browser);
    await openView(page, suite.baseUrl, { ...VIEW, expanded: [{ codes: ['I'], levels: ['chapter'] }] });
    await page.getByTestId('expand-0').waitFor();
    await expect.poll(() => page.getByTestId('expand-0').getAttribute('class')).toContain('is-expanded');

    // A suppressed cell is on screen: the first suppressed count among chapter I's blocks.
    const blocks = await fetchPivot(page, { ...VIEW, rows: [{ field: 'diag_01', level: 'block' }], filters: [{ kind: 'in', field: 'diag_01', level: 'chapter', codes: ['I'] }] });
    const base = await fetchPivot(page, VIEW);
    const children = blocks.rows.flatMap((h, r) => (h.depth > 0 ? [r] : []));
    const hit = children.flatMap((r, i) => blocks.cells[r]!.flatMap((cells, c) => (cells[0]!.suppressed ? [{ row: 1 + i, codes: blocks.columns[c]!.codes.join() }] : [])))[0];
    expect(hit, 'a block of chapter I suppresses a count').toBeDefined();
    const column = base.columns.findIndex((h) => h.codes.join() === hit!.codes);
    const suppressed = page.getByTestId(`grid-cell-${hit!.row}-${column}-0`);
    expect(await suppressed.textContent()).toBe('*');
    await page.getByTestId('pivot-chart').waitFor();
    await screenshot(page, 'workbench-a11y');
    await expectAccessible(page, 'workbench');

    await page.getByTestId('field-sex-filter').click();
    await page.getByTestId('filter-editor').waitFor();
    await expectAccessible(page, 'filter editor');

    const chapter = base.rows[0]!;
    const drilled = {
      ...VIEW, rows: [{ field: 'diag_01', level: 'block' }],
      drill: [{ field: 'diag_01', level: 'chapter', code: chapter.codes[0], label: chapter.labels[0] }],
    };
    await page.goto(`${suite.baseUrl}/?q=${encodeURIComponent(JSON.stringify(drilled))}`);
    await waitForIdle(page);
    await page.getByTestId('crumb-diag_01-1').waitFor();
    await expectAccessible(page, 'drilled');
    await page.context().close();
  });
});
