// The workbench's charts in Chromium against the real server: the kind chosen for a table, the
// picker (stacked bars, pies, tile maps) and its place in the link, suppressed values as gaps,
// and drilling by clicking a bar or a tile. Every plotted number is compared with the API's answer.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PivotResult } from '../shared/result/pivot-result';
import type { Draft } from '../client/url/workbench-draft';
import { useWorkbenchSuite } from './harness';
import {
  chartRowIndexes, chartSeries, clickChartPoint, currentDraft, drawnChart, expectedChart, expectGridMatches, fetchPivot, gridTexts,
  openPage, screenshot, serverQueryOf, signIn, waitForIdle,
} from './workbench-driver';

const suite = useWorkbenchSuite();
let page: Page;

// One signed-in page serves every test of this file (after the suite's own set-up).
beforeAll(async () => {
  page = await openPage(suite.browser);
  await signIn(page, suite.baseUrl);
});

type FieldRef = Draft['rows'][number];

const ALL_YEARS = ['1920', '2021', '2122', '2223', '2324'];
const draftOf = (rows: FieldRef[], columns: FieldRef[] = [], more: Partial<Draft> = {}): Draft => ({
  dataset: 'apc', years: ['2324'], rows, columns, measures: ['fce'], filters: [], totals: true, ...more,
});

const apiQuery = serverQueryOf;

/** The most the chart draws of each kind (rows × columns); the grid shows the rest. */
const CAPS = new Map<string, { categories: number; series: number }>([
  ['bar', { categories: 60, series: 12 }], ['stacked-bar', { categories: 60, series: 12 }], ['horizontal-bar', { categories: 60, series: 12 }],
  ['line', { categories: 120, series: 12 }], ['heatmap', { categories: 80, series: 40 }], ['pie', { categories: 12, series: 1 }],
  ['map', { categories: 200, series: 1 }],
]);

async function show(draft: Draft): Promise<PivotResult> {
  await page.goto(`${suite.baseUrl}/?q=${encodeURIComponent(JSON.stringify(draft))}`);
  await waitForIdle(page);
  return fetchPivot(page, apiQuery(draft));
}

const chartKind = () => page.getByTestId('pivot-chart').getAttribute('data-kind');
const pickerOptions = () => page.getByTestId('chart-kind').locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
const caption = () => page.locator('.chart-caption').textContent();

/** data-series, data-row-indexes and data-kind equal what the API's cells say the chart should
 *  plot, and ECharts was given those numbers (bars and lines: one data array per series). */
async function expectChartMatches(api: PivotResult, kind: string, keepRow: (code: string) => boolean = () => true) {
  const want = expectedChart(api, kind, CAPS.get(kind)!);
  const kept = want.rowIndexes.flatMap((r, i) => (keepRow(api.rows[r]!.codes.at(-1)!) ? [i] : []));
  const pick = <T>(list: readonly T[]) => kept.map((i) => list[i]!);
  const series = { ...want.series, categories: pick(want.series.categories), series: want.series.series.map((s) => ({ ...s, values: pick(s.values) })) };
  expect(series.categories.length, 'something is plotted').toBeGreaterThan(0);
  await expect.poll(() => chartSeries(page)).toEqual(series);
  expect(await chartRowIndexes(page)).toEqual(pick(want.rowIndexes));
  expect(await chartKind()).toBe(kind);
  const isCartesian = kind === 'line' || kind.endsWith('bar');
  await drawnOf(isCartesian ? (kind === 'line' ? 'line' : 'bar') : kind);
  // Polled: ECharts gets the new option just after the attributes change.
  if (isCartesian) await expect.poll(async () => (await drawnChart(page))?.series.map((s) => s.data)).toEqual(series.series.map((s) => s.values));
  return { series, drawn: (await drawnChart(page))! };
}

/** The chart as ECharts drew it, once it has been drawn with series of this type. */
async function drawnOf(type: string) {
  await expect.poll(async () => (await drawnChart(page))?.series[0]?.type).toBe(type);
  return (await drawnChart(page))!;
}

describe('charts', () => {
  it('picks the kind that suits the table and plots exactly the API\'s figures', async () => {
    // Financial years in rows: a line per sex.
    const years = await show(draftOf([{ field: 'fyear' }], [{ field: 'sex' }], { years: ALL_YEARS }));
    expect(years.rows.filter((r) => r.depth === 1)).toHaveLength(ALL_YEARS.length);
    await expectChartMatches(years, 'line');
    expect(await page.getByTestId('chart-kind').inputValue()).toBe('auto');
    expect(await page.getByTestId('chart-kind').locator('option[value="auto"]').textContent()).toBe('Automatic (Line chart)');
    await screenshot(page, 'chart-line');

    // ICD-10 chapters: long labels, so horizontal bars.
    const chapters = await show(draftOf([{ field: 'diag_01', level: 'chapter' }]));
    await expectChartMatches(chapters, 'horizontal-bar');
    expect((await drawnChart(page))?.horizontal).toBe(true);
    await screenshot(page, 'chart-horizontal-bar');

    // Age bands × 42 ICBs: too many columns for bars, so a heatmap, cut at 40 columns.
    const wide = await show(draftOf([{ field: 'age_band' }], [{ field: 'procode3', level: 'provider_icb' }]));
    const icbColumns = wide.columns.filter((c) => c.depth === 1).length;
    expect(icbColumns).toBeGreaterThan(CAPS.get('heatmap')!.series);
    const { series } = await expectChartMatches(wide, 'heatmap');
    expect(series.series).toHaveLength(CAPS.get('heatmap')!.series);
    expect(await caption()).toContain(`Showing the first ${CAPS.get('heatmap')!.series} of ${icbColumns} columns.`);
    // The coloured series holds [column, row, value] for every cell with a number.
    const heat = await drawnOf('heatmap');
    const cells = series.series.flatMap((s, x) => s.values.flatMap((v, y) => (v === null ? [] : [[x, y, v]])));
    expect(heat.series[0]!.data).toEqual(cells);
    await screenshot(page, 'chart-heatmap');

    // Admission method × sex: grouped (not stacked) bars.
    const methods = await show(draftOf([{ field: 'admimeth_group' }], [{ field: 'sex' }]));
    const grouped = await expectChartMatches(methods, 'bar');
    expect(grouped.drawn.series.length).toBeGreaterThan(1);
    expect(grouped.drawn.series.map((s) => s.stack)).toEqual(grouped.drawn.series.map(() => null));
    expect(await caption()).toContain('Totals are not plotted.');
    await screenshot(page, 'chart-bar');
  });

  it('switches to stacked bars and pies with the picker, offers pies only where they fit, and keeps the choice in the link', async () => {
    const draft = draftOf([{ field: 'admimeth_group' }], [{ field: 'sex' }]);
    const methods = await show(draft);
    expect(await pickerOptions()).toContain('stacked-bar');
    expect(await pickerOptions(), 'no pie for several series').not.toContain('pie');

    await page.getByTestId('chart-kind').selectOption('stacked-bar');
    await expect.poll(() => currentDraft(page)?.chart).toBe('stacked-bar');
    await expectChartMatches(methods, 'stacked-bar');
    // Every series on one stack: ECharts adds them up rather than setting them side by side.
    const stacks = async () => (await drawnChart(page))?.series.map((s) => s.stack) ?? [];
    await expect.poll(async () => (await stacks()).every((s, _, all) => s !== null && s === all[0])).toBe(true);
    expect((await stacks()).length).toBe(methods.columns.filter((c) => c.depth === 1).length);
    await screenshot(page, 'chart-stacked-bar');

    await page.reload();
    await waitForIdle(page);
    expect(currentDraft(page)).toEqual({ ...draft, chart: 'stacked-bar' });
    expect(await page.getByTestId('chart-kind').inputValue()).toBe('stacked-bar');
    await expectChartMatches(methods, 'stacked-bar');

    // One additive series over five categories: a pie, each slice the API's value.
    const single = await show(draftOf([{ field: 'admimeth_group' }]));
    expect(await pickerOptions()).toContain('pie');
    await page.getByTestId('chart-kind').selectOption('pie');
    await expect.poll(() => currentDraft(page)?.chart).toBe('pie');
    const pie = await expectChartMatches(single, 'pie');
    const slices = (await drawnOf('pie')).series[0]!.data;
    expect(slices).toEqual(pie.series.categories.map((name, i) => expect.objectContaining({ name, value: pie.series.series[0]!.values[i] ?? '-' })));
    await screenshot(page, 'chart-pie');
    await page.reload();
    await waitForIdle(page);
    expect(await chartKind()).toBe('pie');

    // 22 chapters are too many slices; a link asking for a pie gets bars and says so.
    const chapters = await show(draftOf([{ field: 'diag_01', level: 'chapter' }], [], { chart: 'pie' }));
    expect(chapters.rows.filter((r) => r.depth === 1).length).toBeGreaterThan(CAPS.get('pie')!.categories);
    expect(await pickerOptions(), 'no pie for many categories').not.toContain('pie');
    await expectChartMatches(chapters, 'horizontal-bar');
    expect(await page.getByTestId('chart-fallback').textContent()).toContain('A pie chart does not suit this table');
  });

  it('draws regions and ICBs as tile maps with the API\'s values and names residences off the map', async () => {
    const isEnglishRegion = (code: string) => /^E1200000[1-9]$/.test(code);
    const regions = await show(draftOf([{ field: 'resgor_ons', level: 'region' }]));
    expect(await pickerOptions()).toContain('map');
    await page.getByTestId('chart-kind').selectOption('map');
    await expect.poll(() => currentDraft(page)?.chart).toBe('map');
    const { series } = await expectChartMatches(regions, 'map', isEnglishRegion);
    expect(series.categories).toHaveLength(9);
    const regionMap = await drawnOf('map');
    expect(regionMap.mapAreas).toBe(9);
    const leaves = regions.rows.flatMap((h, r) => (h.depth === 1 ? [{ h, r }] : []));
    const tileValue = ({ r }: { r: number }) => { const cell = regions.cells[r]![0]![0]!; return cell.value ?? '-'; };
    expect(regionMap.series[0]!.data).toEqual(leaves.filter(({ h }) => isEnglishRegion(h.codes[0]!))
      .map((leaf) => expect.objectContaining({ name: leaf.h.codes[0], value: tileValue(leaf) })));
    // Every pseudo residence (Wales, Scotland, not known …) is named as not on the map.
    const offMap = leaves.filter(({ h }) => !isEnglishRegion(h.codes[0]!)).map(({ h }) => h.labels[0]!);
    expect(offMap).toContain('Wales');
    expect(await page.getByTestId('chart-not-on-map').textContent()).toBe(`Not on the map: ${offMap.join(', ')}. `);
    await screenshot(page, 'chart-map-regions');

    // ICBs by the link's choice: one tile per ICB in the data.
    const icbs = await show(draftOf([{ field: 'procode3', level: 'provider_icb' }], [], { chart: 'map' }));
    const icbLeaves = icbs.rows.flatMap((h, r) => (h.depth === 1 ? [{ h, r }] : []));
    expect(icbLeaves.length).toBeGreaterThanOrEqual(40);
    await expectChartMatches(icbs, 'map');
    const icbMap = await drawnOf('map');
    expect(icbMap.mapAreas).toBe(icbLeaves.length);
    const icbTile = ({ h, r }: { h: { codes: string[] }; r: number }) => expect.objectContaining({ name: h.codes[0], value: icbs.cells[r]![0]![0]!.value ?? '-' });
    expect(icbMap.series[0]!.data).toEqual(icbLeaves.map(icbTile));
    expect(await page.getByTestId('chart-not-on-map').count()).toBe(0);
    await screenshot(page, 'chart-map-icb');
  });

  it('leaves suppressed values out as gaps, never zeros, and says so', async () => {
    const candidates = [
      draftOf([{ field: 'diag_01', level: 'block' }], [{ field: 'procode3', level: 'provider_region' }]),
      draftOf([{ field: 'diag_01', level: 'chapter' }], [{ field: 'procode3', level: 'provider_region' }]),
      draftOf([{ field: 'procode3' }], [{ field: 'sex' }]),
    ];
    const caps = CAPS.get('horizontal-bar')!;
    const suppressesPlotted = (api: PivotResult) => {
      const columns = api.columns.flatMap((h, c) => (h.depth === api.columnFields.length ? [c] : [])).slice(0, caps.series);
      return expectedChart(api, 'horizontal-bar', caps).rowIndexes.some((r) => columns.some((c) => api.cells[r]![c]![0]!.suppressed));
    };
    let chosen: { draft: Draft; api: PivotResult } | undefined;
    for (const draft of candidates) {
      const api = await fetchPivot(page, apiQuery(draft));
      if (suppressesPlotted(api)) { chosen = { draft, api }; break; }
    }
    expect(chosen, 'a candidate pivot has a suppressed cell within what the chart plots').toBeDefined();
    const { draft, api } = chosen!;
    await show(draft);
    const kind = (await chartKind())!;
    expect(kind).toMatch(/bar$/);
    const { series, drawn } = await expectChartMatches(api, kind);
    // A suppressed cell is a null (a gap) in what is plotted and in what ECharts drew, never 0;
    // every other cell is the API's value.
    const rows = await chartRowIndexes(page);
    const columns = api.columns.flatMap((h, c) => (h.depth === api.columnFields.length ? [c] : []));
    let gaps = 0;
    series.series.forEach((s, k) => s.values.forEach((v, i) => {
      const cell = api.cells[rows[i]!]![columns[k]!]![0]!;
      if (cell.suppressed) { gaps++; expect(v).toBeNull(); expect(drawn.series[k]!.data[i]).toBeNull(); }
      else expect(v).toBe(cell.value);
    }));
    expect(gaps).toBeGreaterThan(0);
    expect(await page.getByTestId('chart-suppressed-note').textContent()).toContain('* suppressed values are not plotted (gaps in the bars).');
    await screenshot(page, 'chart-suppressed');
  });

  it('drills into the clicked chapter\'s bar and back with the All crumb; grid and chart follow the API', async () => {
    const draft = draftOf([{ field: 'diag_01', level: 'chapter' }]);
    const chapters = await show(draft);
    const { series } = await expectChartMatches(chapters, 'horizontal-bar');
    await drawnOf('bar');
    // The biggest chapter's bar is the widest target.
    const values = series.series[0]!.values.map((v) => v ?? -1);
    const index = values.indexOf(Math.max(...values));
    const row = chapters.rows[(await chartRowIndexes(page))[index]!]!;
    await clickChartPoint(page, { dataIndex: index });

    await page.getByTestId('crumb-diag_01-1').waitFor();
    expect(await page.getByTestId('crumb-diag_01-1').textContent()).toBe(`${row.codes[0]} ${row.labels[0]}`);
    const drilled = currentDraft(page) as unknown as Draft;
    expect(drilled.drill).toEqual([{ field: 'diag_01', level: 'chapter', code: row.codes[0], label: row.labels[0] }]);
    expect(drilled.rows).toEqual([{ field: 'diag_01', level: 'block' }]);
    const drilledQuery = apiQuery(drilled);
    expect(drilledQuery.filters).toEqual([{ kind: 'in', field: 'diag_01', level: 'chapter', codes: [row.codes[0]] }]);
    const blocks = await fetchPivot(page, drilledQuery);
    expect(blocks.rowFields.map((f) => f.level)).toEqual(['block']);
    await expectChartMatches(blocks, (await chartKindAfter(blocks))!);
    await waitForIdle(page);
    expectGridMatches(await gridTexts(page), blocks);
    await screenshot(page, 'chart-drilled-chapter');

    await page.getByTestId('crumb-diag_01-0').click();
    await page.getByTestId('breadcrumbs').waitFor({ state: 'detached' });
    expect(currentDraft(page)).toEqual(draft);
    await expectChartMatches(chapters, 'horizontal-bar');
    await waitForIdle(page);
    expectGridMatches(await gridTexts(page), chapters);
  });

  it('drills into the clicked region\'s tile, down to its districts', async () => {
    const draft = draftOf([{ field: 'resgor_ons', level: 'region' }], [], { chart: 'map' });
    const regions = await show(draft);
    await expectChartMatches(regions, 'map', (code) => /^E1200000[1-9]$/.test(code));
    await drawnOf('map');
    const london = regions.rows.find((h) => h.depth === 1 && h.codes[0] === 'E12000007')!;
    await clickChartPoint(page, { area: 'E12000007' });

    await page.getByTestId('crumb-resgor_ons-1').waitFor();
    const drilled = currentDraft(page) as unknown as Draft;
    expect(drilled.drill).toEqual([{ field: 'resgor_ons', level: 'region', code: 'E12000007', label: london.labels[0] }]);
    expect(drilled.rows).toEqual([{ field: 'resgor_ons', level: 'district' }]);
    const districts = await fetchPivot(page, apiQuery(drilled));
    expect(districts.rows.filter((h) => h.depth === 1).length).toBeGreaterThan(1);
    // Districts have no tiles: the chart says so and draws the automatic kind instead.
    await expectChartMatches(districts, (await chartKindAfter(districts))!);
    expect(await page.getByTestId('chart-fallback').textContent()).toContain('A tile map does not suit this table');
    await waitForIdle(page);
    expectGridMatches(await gridTexts(page), districts);
    await screenshot(page, 'chart-drilled-region');

    await page.getByTestId('crumb-resgor_ons-0').click();
    await page.getByTestId('breadcrumbs').waitFor({ state: 'detached' });
    expect(currentDraft(page)).toEqual(draft);
    await expectChartMatches(regions, 'map', (code) => /^E1200000[1-9]$/.test(code));
  });
});

/** The kind the chart settles on once it shows `api`'s rows (bars either way for these tables). */
async function chartKindAfter(api: PivotResult): Promise<string | null> {
  const categories = expectedChart(api, 'bar', CAPS.get('bar')!).series.categories;
  await expect.poll(async () => (await chartSeries(page)).categories).toEqual(categories);
  const kind = await chartKind();
  expect(kind).toMatch(/^(bar|horizontal-bar)$/);
  return kind;
}
