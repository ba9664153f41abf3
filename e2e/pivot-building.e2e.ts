// Building a pivot the way an analyst does, in Chromium against the real server: drag fields
// (mouse and keyboard), filter by searched codes, ranges and periods, show shares, top-N with
// "Other", undo and redo. Every table shown is compared with the API's answer to the same query.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PivotResult } from '../shared/result/pivot-result';
import type { Draft } from '../client/url/workbench-draft';
import { useWorkbenchSuite } from './harness';
import {
  currentDraft, expectedShare, expectedText, expectGridMatches, fetchPivot, gridTexts, openPage, openView, screenshot, serverQueryOf, signIn, waitForIdle,
} from './workbench-driver';

const suite = useWorkbenchSuite();

/**
 * Drags with the mouse from one element's centre to another's, in small steps as a hand would.
 * It aims at the part of the target inside the window, and a pointer held near the window's
 * edge makes dnd-kit scroll the page, which moves the target from under it (a drop meant for
 * the filters, above the window after the page had scrolled, once missed them). So, as a hand
 * would, it follows the target until the page is still before letting go.
 */
async function drag(page: Page, fromTestId: string, toTestId: string): Promise<void> {
  const from = page.getByTestId(fromTestId);
  await from.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 12, a.y + a.height / 2, { steps: 3 });
  const target = page.getByTestId(toTestId);
  const height = page.viewportSize()!.height;
  const aimAt = (b: { x: number; y: number; width: number; height: number }) => {
    const top = Math.max(b.y, 4), bottom = Math.min(b.y + b.height, height - 4);
    return { x: b.x + b.width / 2, y: top <= bottom ? (top + bottom) / 2 : b.y < 0 ? 4 : height - 4 };
  };
  let box = (await target.boundingBox())!;
  let aim = aimAt(box);
  await page.mouse.move(aim.x, aim.y, { steps: 12 });
  for (let still = 0, tries = 0; still < 3 && tries < 60; tries++) {
    await page.waitForTimeout(50);
    const now = (await target.boundingBox())!;
    still = now.x === box.x && now.y === box.y ? still + 1 : 0;
    box = now;
    const next = aimAt(box);
    if (next.x !== aim.x || next.y !== aim.y) await page.mouse.move(next.x, next.y, { steps: 2 });
    aim = next;
  }
  await page.mouse.up();
}

/** The server query of the URL's draft. */
const queryOf = (page: Page) => serverQueryOf(currentDraft(page) as unknown as Draft);

async function expectGridIsApi(page: Page): Promise<PivotResult> {
  await waitForIdle(page);
  const api = await fetchPivot(page, queryOf(page));
  await expect.poll(async () => (await gridTexts(page)).size).toBe(api.rows.length * api.columns.length * api.measures.length);
  expectGridMatches(await gridTexts(page), api);
  return api;
}

describe('building a pivot', () => {
  it('drags fields onto rows and columns, reorders, removes and opens a filter by dropping', async () => {
    const page = await openPage(suite.browser);
    await signIn(page, suite.baseUrl);
    await drag(page, 'drag-fields-admimeth_group', 'zone-rows');
    await page.getByTestId('chip-rows-admimeth_group').waitFor();
    await drag(page, 'drag-fields-sex', 'zone-columns');
    await page.getByTestId('chip-columns-sex').waitFor();
    expect(currentDraft(page)).toMatchObject({ rows: [{ field: 'admimeth_group' }], columns: [{ field: 'sex' }] });
    await expectGridIsApi(page);

    // A second row field dropped on the first chip goes before it.
    await drag(page, 'drag-fields-age_band', 'chip-rows-admimeth_group');
    await expect.poll(() => (currentDraft(page)?.rows as { field: string }[]).map((r) => r.field)).toEqual(['age_band', 'admimeth_group']);
    // Moving a chip from rows to columns keeps it one field, on the new axis.
    await drag(page, 'drag-rows-age_band', 'zone-columns');
    await expect.poll(() => currentDraft(page)).toMatchObject({ rows: [{ field: 'admimeth_group' }], columns: [{ field: 'sex' }, { field: 'age_band' }] });
    await expectGridIsApi(page);
    // Back to the field list: off the table.
    await drag(page, 'drag-columns-age_band', 'field-list');
    await expect.poll(() => currentDraft(page)?.columns).toEqual([{ field: 'sex' }]);
    // Dropped on filters: the filter editor opens for that field.
    await drag(page, 'drag-fields-ethnos_group', 'zone-filters');
    expect(currentDraft(page)).toMatchObject({ rows: [{ field: 'admimeth_group' }], columns: [{ field: 'sex' }] });
    await page.getByTestId('filter-editor').waitFor();
    expect(await page.getByTestId('filter-editor').textContent()).toContain('Ethnic group');
    await screenshot(page, 'drag-and-drop');
    await page.context().close();
  });

  it('reorders fields with the keyboard alone (Space, arrows, Space)', async () => {
    const page = await openPage(suite.browser);
    await openView(page, suite.baseUrl, { dataset: 'apc', years: ['2324'], rows: [{ field: 'admimeth_group' }, { field: 'sex' }], columns: [], measures: ['fce'], filters: [], totals: true });
    await page.getByTestId('drag-rows-sex').focus();
    // dnd-kit measures the drop targets a frame after the lift, as it would for a person.
    await page.keyboard.press('Space');
    await page.waitForTimeout(200);
    await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(200);
    await page.keyboard.press('Space');
    await expect.poll(() => (currentDraft(page)?.rows as { field: string }[]).map((r) => r.field)).toEqual(['sex', 'admimeth_group']);
    await expectGridIsApi(page);
    await page.context().close();
  });
});

describe('filters', () => {
  it('finds ICD-10 codes by words ("pneumonia" → J12–J18) at any level and filters by them, then excludes them', async () => {
    const page = await openPage(suite.browser);
    await openView(page, suite.baseUrl, { dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_01' }], columns: [{ field: 'sex' }], measures: ['fce'], filters: [], totals: true });
    await page.getByTestId('field-diag_01-filter').click();
    await page.getByTestId('filter-search').fill('pneumonia');
    for (const code of ['J12', 'J13', 'J14', 'J15', 'J16', 'J17', 'J18']) await page.getByTestId(`filter-code-${code}`).waitFor();
    await page.getByTestId('filter-code-J18').check();
    await page.getByTestId('filter-code-J15').check();
    expect(await page.getByTestId('filter-level').inputValue()).toBe('code3');
    await page.getByTestId('filter-apply').click();
    await page.getByTestId('filter-chip-diag_01').waitFor();
    expect(currentDraft(page)?.filters).toEqual([{ kind: 'in', field: 'diag_01', level: 'code3', codes: ['J18', 'J15'] }]);
    const included = await expectGridIsApi(page);
    expect(included.rows.filter((r) => r.depth === 1).map((r) => r.codes[0])).toEqual(['X']);

    await page.getByTestId('filter-chip-diag_01').getByTitle('Edit this filter').click();
    await page.getByTestId('filter-mode-not-in').check();
    await page.getByTestId('filter-apply').click();
    await expect.poll(() => (currentDraft(page)?.filters as { kind: string }[])[0]?.kind).toBe('not-in');
    const excluded = await expectGridIsApi(page);
    const total = (api: PivotResult) => api.cells[api.rows.findIndex((r) => r.depth === 0)]![api.columns.findIndex((c) => c.depth === 0)]![0]!.value!;
    const all = await fetchPivot(page, { dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_01' }], columns: [{ field: 'sex' }], measures: ['fce'] });
    // Rounded parts of a partition: within one rounding step per part of the whole.
    expect(Math.abs(total(included) + total(excluded) - total(all))).toBeLessThanOrEqual(10);
    await page.context().close();
  });

  it('finds OPCS-4 hip operations ("hip" → W37–W39) in any procedure position', async () => {
    const page = await openPage(suite.browser);
    await openView(page, suite.baseUrl, { dataset: 'apc', years: ['2324'], rows: [{ field: 'admimeth_group' }], columns: [], measures: ['fce'], filters: [], totals: true });
    await page.getByTestId('field-opertn_any-filter').click();
    await page.getByTestId('filter-search').fill('hip');
    for (const code of ['W37', 'W38', 'W39']) await page.getByTestId(`filter-code-${code}`).check();
    await page.getByTestId('filter-apply').click();
    await page.getByTestId('filter-chip-opertn_any').waitFor();
    expect(currentDraft(page)?.filters).toEqual([{ kind: 'in', field: 'opertn_any', level: 'code3', codes: ['W37', 'W38', 'W39'] }]);
    const api = await expectGridIsApi(page);
    expect(api.rows.length).toBeGreaterThan(1);
    await page.context().close();
  });

  it('filters by an age range and a period of months, shown as chips that read as ranges', async () => {
    const page = await openPage(suite.browser);
    await openView(page, suite.baseUrl, { dataset: 'apc', years: ['2324'], rows: [{ field: 'fyear', level: 'month' }], columns: [], measures: ['fce'], filters: [], totals: true });
    await page.getByTestId('field-startage-filter').click();
    await page.getByTestId('range-low').fill('65');
    await page.getByTestId('range-high').fill('120');
    await page.getByTestId('filter-apply').click();
    await page.getByTestId('filter-chip-startage').waitFor();
    await page.getByTestId('field-fyear-filter').click();
    await page.getByTestId('period-from').selectOption('2023-07');
    await page.getByTestId('period-to').selectOption('2023-09');
    await page.getByTestId('filter-apply').click();
    await page.getByTestId('filter-chip-fyear').waitFor();
    expect(await page.getByTestId('filter-chip-fyear').textContent()).toMatch(/from Jul 2023 to Sep 2023/);
    expect(currentDraft(page)?.filters).toEqual([
      { kind: 'range', field: 'startage', low: 65, high: 120 },
      { kind: 'in', field: 'fyear', level: 'month', codes: ['2023-07', '2023-08', '2023-09'] },
    ]);
    const api = await expectGridIsApi(page);
    expect(api.rows.filter((r) => r.depth === 1).map((r) => r.codes[0])).toEqual(['2023-07', '2023-08', '2023-09']);
    await page.context().close();
  });
});

describe('measures and views', () => {
  const base = { dataset: 'apc', years: ['2324'], rows: [{ field: 'admimeth_group' }], columns: [{ field: 'sex' }], measures: ['fce', 'los_median'], filters: [], totals: true };

  it('shows counts as % of column from the protected figures, and leaves medians as values', async () => {
    const page = await openPage(suite.browser);
    await openView(page, suite.baseUrl, base);
    await page.getByTestId('show-as').selectOption('column');
    await expect.poll(() => currentDraft(page)?.showAs).toBe('column');
    const api = await fetchPivot(page, queryOf(page));
    const totalRow = api.rows.findIndex((r) => r.depth === 0);
    const texts = await gridTexts(page);
    api.rows.forEach((_, r) => api.columns.forEach((_c, c) => {
      const cell = api.cells[r]![c]![0]!;
      const den = api.cells[totalRow]![c]![0]!;
      const share = cell.value === null || den.value === null || den.value === 0 ? null : (100 * cell.value) / den.value;
      expect(texts.get(`grid-cell-${r}-${c}-0`), `share ${r}/${c}`).toBe(expectedShare(share, cell.suppressed || (den.suppressed && cell.value !== 0)));
      const median = api.cells[r]![c]![1]!;
      expect(texts.get(`grid-cell-${r}-${c}-1`)).toBe(median.suppressed ? '*' : median.value === null ? '–' : median.value.toFixed(api.measures[1]!.decimals));
    }));
    expect(await page.getByTestId('result-notes').textContent()).toMatch(/rounded/);
    await screenshot(page, 'show-as-column');
    await page.context().close();
  });

  it('keeps the top 5 rows with an "Other" row that matches the API', async () => {
    const page = await openPage(suite.browser);
    await openView(page, suite.baseUrl, { ...base, rows: [{ field: 'diag_01' }], sort: { by: 'measure', measure: 'fce', direction: 'desc' } });
    await page.getByTestId('top-n').fill('5');
    await page.getByTestId('top-n').press('Enter');
    await page.getByTestId('top-n-other').check();
    await expect.poll(() => currentDraft(page)).toMatchObject({ limit: 5, other: true });
    const api = await expectGridIsApi(page);
    const otherRow = api.rows.findIndex((r) => r.other === true);
    expect(otherRow).toBe(5);
    expect(await page.getByTestId(`grid-row-${otherRow}`).textContent()).toMatch(/Other \(\d+ more\)/);
    await page.context().close();
  });

  it('undoes and redoes every change with Ctrl+Z and Ctrl+Shift+Z', async () => {
    const page = await openPage(suite.browser);
    await openView(page, suite.baseUrl, base);
    const first = currentDraft(page);
    await page.getByTestId('field-age_band-rows').click();
    await expect.poll(() => (currentDraft(page)?.rows as unknown[]).length).toBe(2);
    await page.getByTestId('show-as').selectOption('total');
    await expect.poll(() => currentDraft(page)?.showAs).toBe('total');
    const last = currentDraft(page);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => currentDraft(page)?.showAs).toBeUndefined();
    await page.keyboard.press('Control+z');
    await expect.poll(() => currentDraft(page)).toEqual(first);
    await expectGridIsApi(page);
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => currentDraft(page)).toEqual(last);
    expect(await page.getByTestId('redo').isDisabled()).toBe(true);
    await page.getByTestId('undo').click();
    await expect.poll(() => currentDraft(page)?.showAs).toBeUndefined();
    await expectGridIsApi(page);
    await page.context().close();
  });

  it('hides totals and subtotals when switched off, without changing any other figure', async () => {
    const page = await openPage(suite.browser);
    await openView(page, suite.baseUrl, base);
    await page.getByTestId('totals-toggle').uncheck();
    await expect.poll(() => currentDraft(page)?.totals).toBe(false);
    await waitForIdle(page);
    const api = await fetchPivot(page, queryOf(page));
    const texts = await gridTexts(page);
    const leafRows = api.rows.flatMap((r, i) => (r.depth === 1 ? [i] : []));
    const leafCols = api.columns.flatMap((c, i) => (c.depth === 1 ? [i] : []));
    expect(texts.size).toBe(leafRows.length * leafCols.length * 2);
    leafRows.forEach((r, i) => leafCols.forEach((c) => api.measures.forEach((m, k) => {
      expect(texts.get(`grid-cell-${i}-${c}-${k}`), `cell ${r}/${c}/${k}`).toBe(expectedText(api.cells[r]![c]![k]!, m.decimals));
    })));
    await page.context().close();
  });
});
