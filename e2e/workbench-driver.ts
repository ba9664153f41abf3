// Drives the workbench page for the e2e files: sign in, open a view by link, ask the API the same
// question a script would, read every value cell of the (virtualised) grid by scrolling it, and
// format numbers by the rules, written here rather than imported from the client.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PivotQueryInput } from '../shared/query/pivot-query';
import type { PivotResult } from '../shared/result/pivot-result';
import { ROOT_DIR } from '../server/build-client';
import type { Draft } from '../client/url/workbench-draft';
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
    // Two frames for the virtualiser to render what scrolled in; at most 250 ms, as once in a
    // full run (on 2 busy cores) Chromium stopped firing animation frames and this loop hung
    // for the test's whole 120 s. What did not render is caught by expectGridMatches.
    const frame = () => new Promise((resolve) => { requestAnimationFrame(() => requestAnimationFrame(resolve)); setTimeout(resolve, 250); });
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

/** What the chart should plot for an API answer, written from the rules (not imported
 *  from the client): leaf rows (not the Other row) as categories, one series per leaf column (or
 *  the measure when there are no column fields), null where suppressed, totals left out, cut
 *  to the chart's caps. Row indexes point into api.rows. */
export function expectedChart(api: PivotResult, kind: string, caps: { categories: number; series: number }, measure = 0) {
  const m = api.measures[measure]!;
  const rows = api.rows.flatMap((h, i) => (h.depth === api.rowFields.length && h.other !== true ? [{ h, i }] : [])).slice(0, caps.categories);
  const columns = api.columns.flatMap((h, i) => (h.depth === api.columnFields.length ? [{ h, i }] : [])).slice(0, caps.series);
  return {
    rowIndexes: rows.map(({ i }) => i),
    series: {
      kind,
      measure: m.id,
      categories: rows.map(({ h }) => h.labels.join(' / ')),
      series: columns.map(({ h, i: c }) => ({
        name: api.columnFields.length === 0 ? m.label : h.labels.join(' / '),
        values: rows.map(({ i: r }) => { const cell = api.cells[r]![c]![measure]!; return cell.suppressed ? null : cell.value; }),
      })),
    },
  };
}

/** The data-row-indexes attribute of the chart: per category, its row's index in the result. */
export async function chartRowIndexes(page: Page): Promise<number[]> {
  return JSON.parse(await page.getByTestId('pivot-chart').getAttribute('data-row-indexes') ?? '[]');
}

/** Makes the page's own ECharts module reachable as window.__e2eEcharts. ECharts is bundled (no
 *  global), but importing the already loaded chunk again returns the same module, whose
 *  `echarts` export has getInstanceByDom. A string, so the test runner leaves import() alone. */
async function reachEcharts(page: Page): Promise<boolean> {
  return page.evaluate(`(async () => {
    if (window.__e2eEcharts) return true;
    const urls = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\\/assets\\/[^/]+\\.js$/.test(new URL(n).pathname));
    for (const url of urls) {
      const module = await import(url);
      for (const value of Object.values(module)) {
        if (value && typeof value.getInstanceByDom === 'function') { window.__e2eEcharts = value; return true; }
      }
    }
    return false;
  })()`);
}

export interface DrawnSeries { type: string; name: string | null; stack: string | null; data: unknown[]; map: string | null }
/** What ECharts itself was given (getOption): the series as drawn, and for a tile map how many
 *  areas its registered map has. Null until the chart has been drawn. */
export async function drawnChart(page: Page): Promise<{ series: DrawnSeries[]; horizontal: boolean; mapAreas: number | null } | null> {
  if (!(await reachEcharts(page))) return null;
  return page.getByTestId('pivot-chart').evaluate((element) => {
    type Option = { series?: Record<string, unknown>[]; yAxis?: { type?: string }[] };
    const lib = Reflect.get(window, '__e2eEcharts') as {
      getInstanceByDom(e: Element): { getOption(): Option } | undefined; getMap(name: string): { geoJSON?: { features: unknown[] } } | null;
    };
    const option = lib.getInstanceByDom(element)?.getOption();
    if (!option?.series?.length) return null;
    const series = option.series.map((s) => ({
      type: String(s.type), name: typeof s.name === 'string' ? s.name : null, stack: typeof s.stack === 'string' ? s.stack : null,
      data: Array.isArray(s.data) ? JSON.parse(JSON.stringify(s.data)) as unknown[] : [], map: typeof s.map === 'string' ? s.map : null,
    }));
    const mapName = series[0]?.map;
    return {
      series,
      horizontal: option.yAxis?.[0]?.type === 'category',
      mapAreas: mapName ? (lib.getMap(mapName)?.geoJSON?.features.length ?? null) : null,
    };
  });
}

/** Where a category sits on the chart, in pixels from the chart element's top-left corner: the
 *  middle of its bar (or the point of a line), or the centre of a tile map's area `code`. */
export async function chartPointPixel(page: Page, target: { dataIndex: number; seriesIndex?: number } | { area: string }): Promise<{ x: number; y: number }> {
  expect(await reachEcharts(page)).toBe(true);
  return page.getByTestId('pivot-chart').evaluate((element, t) => {
    type Instance = {
      getOption(): { series: { type: string; data: unknown[]; map?: string }[]; yAxis?: { type?: string }[] };
      convertToPixel(finder: { seriesIndex: number }, value: (number | string)[]): number[];
    };
    const lib = Reflect.get(window, '__e2eEcharts') as {
      getInstanceByDom(e: Element): Instance | undefined;
      getMap(name: string): { geoJSON?: { features: { properties: { name: string }; geometry: { coordinates: number[][][] } }[] } } | null;
    };
    const chart = lib.getInstanceByDom(element);
    if (!chart) throw new Error('no chart drawn');
    const option = chart.getOption();
    if ('area' in t) {
      const feature = lib.getMap(option.series[0]?.map ?? '')?.geoJSON?.features.find((f) => f.properties.name === t.area);
      const ring = feature?.geometry.coordinates[0]?.slice(0, -1) ?? [];
      if (ring.length === 0) throw new Error(`no tile for ${t.area}`);
      const centre = [0, 1].map((k) => ring.reduce((sum, p) => sum + (p[k] ?? 0), 0) / ring.length);
      const [x = NaN, y = NaN] = chart.convertToPixel({ seriesIndex: 0 }, centre);
      return { x, y };
    }
    const seriesIndex = t.seriesIndex ?? 0;
    const value = Number(option.series[seriesIndex]?.data[t.dataIndex]);
    const horizontal = option.yAxis?.[0]?.type === 'category';
    const line = option.series[seriesIndex]?.type === 'line';
    const along = line ? value : value / 2;
    const [x = NaN, y = NaN] = chart.convertToPixel({ seriesIndex }, horizontal ? [along, t.dataIndex] : [t.dataIndex, along]);
    return { x, y };
  }, target);
}

/** Clicks a bar, point or tile (see chartPointPixel) as a user would, with the mouse. */
export async function clickChartPoint(page: Page, target: { dataIndex: number; seriesIndex?: number } | { area: string }): Promise<void> {
  const position = await chartPointPixel(page, target);
  await page.getByTestId('pivot-chart').click({ position });
}

/** The focused element as the grid exposes it: test id, role, ARIA row and column index. */
export interface FocusedCell {
  readonly testId: string | null;
  readonly role: string | null;
  /** aria-rowindex of its row (1-based, header rows first). */
  readonly rowIndex: number | null;
  readonly colIndex: number | null;
  /** The test id of its row (`grid-row-<r>` in the body). */
  readonly rowTestId: string | null;
  readonly text: string;
  /** Wholly inside the scroll area's viewport and clear of its sticky headers. */
  readonly inView: boolean;
}

export async function focusedCell(page: Page): Promise<FocusedCell> {
  return page.evaluate(() => {
    const el = document.activeElement;
    const row = el?.closest('tr');
    const scroller = el?.closest<HTMLElement>('.pivot-grid-scroll');
    let inView = false;
    if (el && scroller) {
      const box = el.getBoundingClientRect();
      const port = scroller.getBoundingClientRect();
      const top = port.top + scroller.clientTop;
      const left = port.left + scroller.clientLeft;
      const isBody = row?.parentElement?.tagName === 'TBODY';
      const stickyTop = isBody ? (scroller.querySelector('thead')?.getBoundingClientRect().height ?? 0) : 0;
      const isValue = el.tagName === 'TD';
      const edge = [...(row?.querySelectorAll<HTMLElement>('th.pg-rowhead, th.pg-fieldhead') ?? [])].at(-1);
      const stickyLeft = isValue && edge ? edge.getBoundingClientRect().right - left : 0;
      inView = box.top >= top + stickyTop - 1 && box.bottom <= top + scroller.clientHeight + 1
        && box.left >= left + stickyLeft - 1 && box.right <= left + scroller.clientWidth + 1;
    }
    const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));
    return {
      testId: el?.getAttribute('data-testid') ?? null,
      role: el?.getAttribute('role') ?? null,
      rowIndex: num(row?.getAttribute('aria-rowindex')),
      colIndex: num(el?.getAttribute('aria-colindex')),
      rowTestId: row?.getAttribute('data-testid') ?? null,
      text: (el?.textContent ?? '').slice(0, 200),
      inView,
    };
  });
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: string; readonly html: string; readonly summary: string }[];
}

const AXE_PATH = path.join(ROOT_DIR, 'node_modules', 'axe-core', 'axe.min.js');

/** axe-core's violations on the page as it is now. The page's CSP (script-src 'self') refuses
 *  an injected <script>, so axe goes in through the DevTools protocol, which CSP does not govern. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await readFile(AXE_PATH, 'utf8'));
  return page.evaluate(async () => {
    interface AxeResult { violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] }[] }
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact ?? null, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), html: n.html.slice(0, 200), summary: n.failureSummary ?? '' })),
    }));
  });
}

/** The server query the workbench runs for a draft, written here independently of the client:
 *  drill steps become `in` filters, totals are always asked for, view options are left out. */
export function serverQueryOf(draft: Draft): PivotQueryInput {
  const steps = draft.drill ?? [];
  return {
    dataset: draft.dataset, years: [...draft.years], rows: [...draft.rows], columns: [...draft.columns], measures: [...draft.measures],
    filters: [...draft.filters, ...steps.map((s) => ({ kind: 'in' as const, field: s.field, level: s.level, codes: [s.code] }))],
    totals: true,
    ...(draft.sort ? { sort: draft.sort } : {}),
    ...(draft.limit !== undefined ? { limit: draft.limit, ...(draft.other === true ? { other: true } : {}) } : {}),
  };
}
