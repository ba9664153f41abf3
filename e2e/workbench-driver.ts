// Drives the workbench page for the e2e files: sign in, open a view by link, ask the API the same
// question a script would, read every value cell of the (virtualised) grid by scrolling it, and
// format numbers by the rules, written here rather than imported from the client.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PivotQueryInput } from '../shared/query/pivot-query';
import type { PivotResult } from '../shared/result/pivot-result';
import { DEMO, E2E_OUTPUT } from './harness';

export type Cell = PivotResult['cells'][number][number][number];

export async function openPage(browser: Browser, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return page;
}

export async function signIn(page: Page, baseUrl: string, url = '/'): Promise<void> {
  await page.goto(`${baseUrl}${url}`);
  await page.getByTestId('login-email').fill(DEMO.email);
  await page.getByTestId('login-password').fill(DEMO.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dataset-select').waitFor();
}

/** Signs in straight into a view given as the URL's draft. */
export async function openView(page: Page, baseUrl: string, draft: object): Promise<void> {
  await signIn(page, baseUrl, `/?q=${encodeURIComponent(JSON.stringify(draft))}`);
  await waitForIdle(page);
}

/** The same pivot straight from the API, as a script would ask for it (GET, session cookie). */
export async function fetchPivot(page: Page, query: PivotQueryInput): Promise<PivotResult> {
  return page.evaluate(async (q) => {
    const response = await fetch(`/trpc/query.pivot?input=${encodeURIComponent(JSON.stringify(q))}`);
    const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
    if (!response.ok || !body.result) throw new Error(`pivot failed: ${JSON.stringify(body.error)}`);
    return body.result.data as PivotResult;
  }, query);
}

const numberFormat = (decimals: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/** en-GB with the measure's decimals; '*' when suppressed; an en dash when nothing contributes. */
export const expectedText = (cell: Cell, decimals: number): string => {
  if (cell.suppressed) return '*';
  if (cell.value === null) return '–';
  return numberFormat(decimals).format(cell.value);
};

/** A share: one decimal and a per cent sign. */
export const expectedShare = (share: number | null, suppressed: boolean): string =>
  (suppressed ? '*' : share === null ? '–' : `${numberFormat(1).format(share)}%`);

/** Every value cell of the grid by test id, scrolling the virtualised grid end to end. */
export async function gridTexts(page: Page): Promise<Map<string, string>> {
  const pairs = await page.locator('.pivot-grid-scroll').evaluate(async (scroller) => {
    const seen = new Map<string, string>();
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const collect = () => {
      for (const td of scroller.querySelectorAll('[data-testid^="grid-cell-"]')) seen.set(td.getAttribute('data-testid') ?? '', td.textContent ?? '');
    };
    const stepY = Math.max(50, scroller.clientHeight - 80);
    const stepX = Math.max(50, scroller.clientWidth - 300);
    for (let y = 0; ; y += stepY) {
      for (let x = 0; ; x += stepX) {
        scroller.scrollTo(x, y);
        await frame();
        collect();
        if (x + scroller.clientWidth >= scroller.scrollWidth) break;
      }
      if (y + scroller.clientHeight >= scroller.scrollHeight) break;
    }
    scroller.scrollTo(0, 0);
    await frame();
    return [...seen];
  });
  return new Map(pairs);
}

/** The grid shows exactly the API's cells (all rows, all columns, all measures). */
export function expectGridMatches(texts: Map<string, string>, api: PivotResult): void {
  expect(texts.size).toBe(api.rows.length * api.columns.length * api.measures.length);
  api.cells.forEach((row, r) => row.forEach((cells, c) => cells.forEach((cell, m) => {
    expect(texts.get(`grid-cell-${r}-${c}-${m}`), `cell ${r}/${c}/${m}`).toBe(expectedText(cell, api.measures[m]!.decimals));
  })));
}

/** The row headers' visible text of each grid row, in order (virtualised rows scrolled in). */
export async function gridRowKeys(page: Page): Promise<string[]> {
  return page.locator('.pivot-grid-scroll').evaluate(async (scroller) => {
    const seen = new Map<number, string>();
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (let y = 0; ; y += Math.max(50, scroller.clientHeight - 80)) {
      scroller.scrollTo(0, y);
      await frame();
      for (const tr of scroller.querySelectorAll('tr[data-testid^="grid-row-"]')) {
        seen.set(Number(tr.getAttribute('data-testid')?.replace('grid-row-', '')), tr.getAttribute('data-row-key') ?? '');
      }
      if (y + scroller.clientHeight >= scroller.scrollHeight) break;
    }
    scroller.scrollTo(0, 0);
    return [...seen].sort((a, b) => a[0] - b[0]).map(([, key]) => key);
  });
}

export const currentDraft = (page: Page): Record<string, unknown> | null => JSON.parse(new URL(page.url()).searchParams.get('q') ?? 'null');

export async function waitForIdle(page: Page): Promise<void> {
  await page.getByTestId('pivot-grid').waitFor();
  await page.getByTestId('pivot-busy').waitFor({ state: 'detached' });
}

/** What the chart plots, as the chart element exposes it. */
export async function chartSeries(page: Page): Promise<{ kind: string; measure: string | null; categories: string[]; series: { name: string; values: (number | null)[] }[] }> {
  return JSON.parse(await page.getByTestId('pivot-chart').getAttribute('data-series') ?? '{}');
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(E2E_OUTPUT, `${name}.png`), fullPage: true });
