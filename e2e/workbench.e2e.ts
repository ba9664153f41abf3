// The workbench in Chromium against the real server: sign in, build a pivot by clicking,
// compare the grid and the chart with the API's own answer for the same query, reload the
// link, and check suppression markers and the login error.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PivotQueryInput } from '../shared/query/pivot-query';
import type { PivotResult } from '../shared/result/pivot-result';
import { hashPassword } from '../server/auth/passwords';
import { DEMO, E2E_OUTPUT, useWorkbenchSuite } from './harness';
import {
  currentDraft, expectedText, expectGridMatches, fetchPivot, gridTexts, openPage as openDriverPage, signIn as signInDriver, waitForIdle,
} from './workbench-driver';

const suite = useWorkbenchSuite();

const openPage = () => openDriverPage(suite.browser, { width: 1366, height: 768 });
const signIn = (page: Page, url = '/') => signInDriver(page, suite.baseUrl, url);
const grandTotalId = (api: PivotResult, measure = 0) =>
  `grid-cell-${api.rows.findIndex((h) => h.depth === 0)}-${api.columns.findIndex((h) => h.depth === 0)}-${measure}`;
const currentQuery = currentDraft;

describe('workbench', () => {
  it('says clearly when the password is wrong', async () => {
    const page = await openPage();
    await page.goto(suite.baseUrl);
    await page.getByTestId('login-email').fill(DEMO.email);
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toBe('Email or password not recognised.');
    expect(await page.getByTestId('dataset-select').count()).toBe(0);
    await page.context().close();
  });

  it('builds a pivot by clicking, matches the API in grid and chart, and survives a reload', async () => {
    const page = await openPage();
    await signIn(page);
    await page.getByTestId('dataset-select').selectOption('apc');

    const wantedYears = new Set(['2223', '2324']);
    for (const box of await page.locator('[data-testid^="year-"]').all()) {
      const code = (await box.getAttribute('data-testid'))?.replace('year-', '') ?? '';
      await box.setChecked(wantedYears.has(code));
    }
    await page.getByTestId('field-admimeth_group-rows').click();
    await page.getByTestId('field-sex-columns').click();
    await page.getByTestId('measure-fce').setChecked(true);
    await page.getByTestId('measure-los_mean').setChecked(true);
    for (const box of await page.locator('[data-testid^="measure-"]:checked').all()) {
      const id = await box.getAttribute('data-testid');
      if (id !== 'measure-fce' && id !== 'measure-los_mean') await box.setChecked(false);
    }

    const query: PivotQueryInput = {
      dataset: 'apc', years: ['2223', '2324'], rows: [{ field: 'admimeth_group' }], columns: [{ field: 'sex' }],
      measures: ['fce', 'los_mean'], filters: [], totals: true,
    };
    await expect.poll(() => currentQuery(page)).toEqual(query);
    await waitForIdle(page);
    const api = await fetchPivot(page, query);
    expect(api.measures.map((m) => m.id)).toEqual(['fce', 'los_mean']);
    expect(api.rowFields.map((f) => f.field)).toEqual(['admimeth_group']);

    await expect.poll(async () => (await gridTexts(page)).get(grandTotalId(api))).toBe(expectedText(api.cells.at(-1)!.at(-1)![0]!, 0));
    expectGridMatches(await gridTexts(page), api);
    const grandTotal = await page.getByTestId(grandTotalId(api)).textContent();
    expect(grandTotal).toMatch(/^\d{1,3}(,\d{3})*$/);

    // The chart plots leaf rows × leaf columns of the first measure; suppressed → null, totals left out.
    const leafRows = api.rows.flatMap((h, i) => (h.depth === api.rowFields.length ? [{ h, i }] : []));
    const leafCols = api.columns.flatMap((h, i) => (h.depth === api.columnFields.length ? [{ h, i }] : []));
    const plotted = JSON.parse(await page.getByTestId('pivot-chart').getAttribute('data-series') ?? '{}') as unknown;
    expect(plotted).toEqual({
      kind: 'bar',
      measure: 'fce',
      categories: leafRows.map(({ h }) => h.labels.join(' / ')),
      series: leafCols.map(({ h, i: c }) => ({
        name: h.labels.join(' / '),
        values: leafRows.map(({ i: r }) => { const cell = api.cells[r]![c]![0]!; return cell.suppressed ? null : cell.value; }),
      })),
    });
    expect(await page.getByTestId('pivot-chart').getAttribute('aria-label')).toMatch(/Bar chart of Finished consultant episodes/);
    expect(await page.getByTestId('suppression-footer').textContent()).toContain(`${api.suppressedCount} ${api.suppressedCount === 1 ? 'cell' : 'cells'} suppressed`);
    await page.screenshot({ path: path.join(E2E_OUTPUT, 'workbench.png'), fullPage: true });

    await page.reload();
    await waitForIdle(page);
    expect(currentQuery(page)).toEqual(query);
    await page.getByTestId('chip-rows-admimeth_group').waitFor();
    await page.getByTestId('chip-columns-sex').waitFor();
    expect(await page.getByTestId('year-2223').isChecked()).toBe(true);
    expect(await page.getByTestId('measure-los_mean').isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId(grandTotalId(api)).textContent()).toBe(grandTotal);

    // A filter through the panel: include one sex; the grid follows the API again.
    await page.getByTestId('field-sex-filter').click();
    await page.getByTestId('filter-code-1').check();
    await page.getByTestId('filter-apply').click();
    await page.getByTestId('filter-chip-sex').waitFor();
    const filtered: PivotQueryInput = { ...query, filters: [{ kind: 'in', field: 'sex', codes: ['1'] }] };
    await expect.poll(() => currentQuery(page)).toEqual(filtered);
    await waitForIdle(page);
    const apiFiltered = await fetchPivot(page, filtered);
    await expect.poll(async () => (await gridTexts(page)).size).toBe(apiFiltered.rows.length * apiFiltered.columns.length * 2);
    expectGridMatches(await gridTexts(page), apiFiltered);
    await page.context().close();
  });

  it('marks suppressed cells with * and explains the rule', async () => {
    const page = await openPage();
    await signIn(page);
    const candidates: PivotQueryInput[] = [
      { dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_01', level: 'block' }], columns: [{ field: 'procode3', level: 'provider_region' }], measures: ['fce'] },
      { dataset: 'apc', years: ['2324'], rows: [{ field: 'procode3' }], columns: [{ field: 'sex' }], measures: ['fce', 'los_mean'] },
    ];
    let chosen: { query: PivotQueryInput; api: PivotResult } | undefined;
    for (const query of candidates) {
      const api = await fetchPivot(page, query);
      if (api.suppressedCount > 0) { chosen = { query, api }; break; }
    }
    expect(chosen, 'one of the candidate pivots suppresses a cell').toBeDefined();
    const { query, api } = chosen!;

    await page.goto(`${suite.baseUrl}/?q=${encodeURIComponent(JSON.stringify(query))}`);
    await waitForIdle(page);
    const texts = await gridTexts(page);
    expectGridMatches(texts, api);
    const [r, c, m] = api.cells.flatMap((row, ri) => row.flatMap((cells, ci) => cells.flatMap((cell, mi) => (cell.suppressed ? [[ri, ci, mi]] : []))))[0]!;
    const cell = page.getByTestId(`grid-cell-${r}-${c}-${m}`);
    expect(await cell.textContent()).toBe('*');
    expect(await cell.getAttribute('title')).toMatch(/^Suppressed to protect confidentiality/);
    expect(await page.getByTestId('suppression-footer').textContent()).toContain(api.policy.label);
    await page.context().close();
  });

  it('withholds cells that differ by a few records from a table the analyst just saw, and says why', async () => {
    // A new analyst, so no earlier test's tables count.
    const email = `overlap-e2e-${Date.now()}@test.hes`;
    suite.server.services.store.createUser({ email, name: 'Overlap', role: 'analyst', passwordHash: await hashPassword(DEMO.password) });
    const page = await openPage();
    const view = (low: number): PivotQueryInput => ({
      dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_01', level: 'chapter' }], columns: [{ field: 'sex' }], measures: ['fce'],
      filters: [{ kind: 'range', field: 'startage', low, high: 120 }],
    });
    await page.goto(`${suite.baseUrl}/?q=${encodeURIComponent(JSON.stringify(view(18)))}`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(DEMO.password);
    await page.getByTestId('login-submit').click();
    await waitForIdle(page);
    const api18 = await fetchPivot(page, view(18));
    expect(api18.notes.join(' ')).not.toMatch(/overlap control/);
    // One year of age narrower: cells whose 18-year-olds number 1–7 would tell that number.
    await page.goto(`${suite.baseUrl}/?q=${encodeURIComponent(JSON.stringify(view(19)))}`);
    await waitForIdle(page);
    const api = await fetchPivot(page, view(19));
    expect(api.notes.join(' ')).toMatch(/suppressed because they differ by only a few records from a table you asked for recently/);
    expect(await page.getByTestId('result-notes').textContent()).toContain('overlap control');
    expectGridMatches(await gridTexts(page), api);
    // The first table again is unchanged: what was shown stays shown.
    await page.goto(`${suite.baseUrl}/?q=${encodeURIComponent(JSON.stringify(view(18)))}`);
    await waitForIdle(page);
    expect((await fetchPivot(page, view(18))).notes.join(' ')).not.toMatch(/overlap control/);
    await page.context().close();
  });

  it('serves the client compressed, with security headers', async () => {
    const html = await (await fetch(`${suite.baseUrl}/`)).text();
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const response = await fetch(`${suite.baseUrl}${script}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('opens a damaged link with its valid parts and names what it dropped', async () => {
    const page = await openPage();
    const link = { dataset: 'apc', years: ['2324'], rows: [{ field: 'no_such_field' }], columns: [{ field: 'sex' }], measures: ['fce'] };
    await signIn(page, `/?q=${encodeURIComponent(JSON.stringify(link))}`);
    await page.getByTestId('link-notice').waitFor();
    expect(await page.getByTestId('link-notice').textContent()).toContain('no_such_field');
    await page.getByTestId('chip-columns-sex').waitFor();
    await waitForIdle(page);
    await page.context().close();
  });
});
