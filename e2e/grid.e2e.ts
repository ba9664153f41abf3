// The pivot grid in Chromium against the real server: a virtualised table of more than 10,000
// value cells read end to end and compared with the API, sticky headers, scroll frame times, the
// keyboard map (arrows, Home/End, PageDown, Enter to expand or sort, Escape to collapse), nested
// expansion in place by mouse, and % of parent computed from the API's protected figures.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PivotQueryInput } from '../shared/query/pivot-query';
import type { PivotResult } from '../shared/result/pivot-result';
import { useWorkbenchSuite } from './harness';
import {
  currentDraft, expectedShare, expectedText, expectGridMatches, fetchPivot, focusedCell, gridTexts, openPage, openView, screenshot,
  waitForIdle, type Cell,
} from './workbench-driver';

const suite = useWorkbenchSuite();

/** 219 ICD-10 blocks × 43 ICB columns × 2 measures: about 18,800 value cells. The draft is also
 *  the server query (no drill, totals on), so the API answers the same question. */
const BIG = {
  dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_01', level: 'block' }], columns: [{ field: 'procode3', level: 'provider_icb' }],
  measures: ['fce', 'los_mean'], filters: [], totals: true,
} satisfies PivotQueryInput;

/** ICD-10 chapters (drillable: chapter → block → 3-character code) by sex. */
const CHAPTERS = {
  dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_01' }], columns: [{ field: 'sex' }], measures: ['fce', 'los_mean'], filters: [], totals: true,
} satisfies PivotQueryInput;

/** The children of a member expanded in place, asked for by hand: the rows one level finer,
 *  filtered to the member (client/pivot/expansion-query.ts builds the same in the app). */
const childrenQuery = (query: PivotQueryInput, code: string, level: string, finer: string): PivotQueryInput => ({
  ...query, rows: [{ field: 'diag_01', level: finer }], filters: [{ kind: 'in', field: 'diag_01', level, codes: [code] }],
});

/** Column field headings, plus a row of measure headings when there are several measures. */
const headerRowsOf = (api: PivotResult) => Math.max(1, api.columnFields.length + (api.measures.length > 1 ? 1 : 0));

/** A grid row as the test expects it: its cells under the base result's columns. */
interface ExpectedRow { readonly codes: readonly string[]; readonly cells: readonly (readonly Cell[])[] }

/** A child result's row under the base columns. A column the child lacks had no records for the
 *  member: 0 for counts and sums, nothing for ratios and statistics. */
function underBaseColumns(base: PivotResult, child: PivotResult, r: number): ExpectedRow {
  const index = new Map(child.columns.map((c, i) => [c.codes.join('\u0001'), i]));
  const cells = base.columns.map((col) => {
    const i = index.get(col.codes.join('\u0001'));
    return base.measures.map((m, mi): Cell => (i === undefined
      ? { value: m.kind === 'count' || m.kind === 'sum' ? 0 : null, suppressed: false }
      : child.cells[r]![i]![mi]!));
  });
  return { codes: child.rows[r]!.codes, cells };
}

const baseRow = (api: PivotResult, r: number): ExpectedRow => ({ codes: api.rows[r]!.codes, cells: api.cells[r]! });
/** A child result's rows below its own grand total, in order, under the base columns. */
const childRows = (base: PivotResult, child: PivotResult) =>
  child.rows.flatMap((h, r) => (h.depth > 0 ? [underBaseColumns(base, child, r)] : []));

/** The base result with other rows, for expectGridMatches. */
const withRows = (api: PivotResult, rows: readonly ExpectedRow[]): PivotResult =>
  ({ ...api, rows: rows.map((r) => ({ ...api.rows[0]!, codes: [...r.codes] })), cells: rows.map((r) => r.cells.map((c) => [...c])) });

const gridSize = async (page: Page) => (await gridTexts(page)).size;

const press = async (page: Page, ...keys: string[]) => { for (const key of keys) await page.keyboard.press(key); };

/** Scrolls the grid to its top and across to `to`, as a mouse would (the focus stays), and lets it render. */
const scrollGridTo = (page: Page, to: 'start' | 'middle' | 'end') => page.locator('.pivot-grid-scroll').evaluate(async (s, where) => {
  s.scrollTo(where === 'start' ? 0 : where === 'middle' ? s.scrollWidth / 2 : s.scrollWidth, 0);
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}, to);

describe('pivot grid', () => {
  it('virtualises a table of more than 10,000 cells, shows every one as the API does, and keeps its headers in view', async () => {
    const page = await openPage(suite.browser);
    await openView(page, suite.baseUrl, BIG);
    const api = await fetchPivot(page, BIG);
    const valueCells = api.rows.length * api.columns.length * api.measures.length;
    expect(valueCells).toBeGreaterThan(10_000);

    const grid = page.getByTestId('pivot-grid');
    const rowCount = headerRowsOf(api) + api.rows.length;
    const colCount = api.rowFields.length + api.columns.length * api.measures.length;
    expect(Number(await grid.getAttribute('aria-rowcount'))).toBe(rowCount);
    expect(Number(await grid.getAttribute('aria-colcount'))).toBe(colCount);
    const rendered = await page.locator('[data-testid^="grid-cell-"]').count();
    expect(rendered).toBeGreaterThan(20);
    expect(rendered).toBeLessThan(valueCells / 10);

    // Scrolled to the far corner: the last row and column are rendered with the API's figures,
    // the header rows still sit at the top of the scroll area and the row labels at its left.
    const scroller = page.locator('.pivot-grid-scroll');
    const corner = await scroller.evaluate(async (s) => {
      s.scrollTo(s.scrollWidth, s.scrollHeight);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const port = s.getBoundingClientRect();
      const heads = [...s.querySelectorAll('tbody tr[data-testid] th.pg-rowhead')].map((th) => th.getBoundingClientRect())
        .filter((b) => b.bottom > port.top && b.top < port.bottom);
      return {
        top: port.top + s.clientTop, left: port.left + s.clientLeft, scrollTop: s.scrollTop, scrollLeft: s.scrollLeft,
        theadTop: s.querySelector('thead')?.getBoundingClientRect().top ?? Number.NaN,
        headLefts: heads.map((b) => b.left),
        lastRowIndex: Number(s.querySelector('tbody tr[data-testid]:last-of-type')?.getAttribute('aria-rowindex')),
      };
    });
    expect(corner.scrollTop).toBeGreaterThan(1000);
    expect(corner.scrollLeft).toBeGreaterThan(1000);
    expect(corner.theadTop).toBeCloseTo(corner.top, 0);
    expect(corner.headLefts.length).toBeGreaterThan(5);
    for (const left of corner.headLefts) expect(left).toBeCloseTo(corner.left, 0);
    expect(corner.lastRowIndex).toBe(rowCount);
    const [lastR, lastC, lastM] = [api.rows.length - 1, api.columns.length - 1, api.measures.length - 1];
    const lastCell = page.getByTestId(`grid-cell-${lastR}-${lastC}-${lastM}`);
    expect(await lastCell.textContent()).toBe(expectedText(api.cells[lastR]![lastC]![lastM]!, api.measures[lastM]!.decimals));
    expect(Number(await lastCell.getAttribute('aria-colindex'))).toBe(colCount);
    await screenshot(page, 'grid-scrolled');

    // Frame times while the whole grid scrolls by, down then across, one step per frame.
    const frames = await scroller.evaluate(async (s) => {
      const times: number[] = [];
      const next = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      s.scrollTo(0, 0);
      let last = await next();
      const step = async () => { const now = await next(); times.push(now - last); last = now; };
      for (let y = 0; y < s.scrollHeight - s.clientHeight; y += 140) { s.scrollTop = y; await step(); }
      for (let x = 0; x < s.scrollWidth - s.clientWidth; x += 216) { s.scrollLeft = x; await step(); }
      return times;
    });
    const sorted = [...frames].sort((a, b) => a - b);
    const mean = frames.reduce((a, b) => a + b, 0) / frames.length;
    console.log(`grid scroll: ${frames.length} frames in ${Math.round(frames.reduce((a, b) => a + b, 0))} ms; `
      + `mean ${mean.toFixed(1)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms; `
      + `${rendered} of ${valueCells} value cells in the DOM`);
    expect(frames.length).toBeGreaterThan(40);
    expect(sorted.at(-1)).toBeLessThan(500);

    expectGridMatches(await gridTexts(page), api);
    await page.context().close();
  });

  it('moves the focused cell with arrows, Home/End, Ctrl+End and PageDown, and scrolls it into view', async () => {
    const page = await openPage(suite.browser);
    await openView(page, suite.baseUrl, BIG);
    const api = await fetchPivot(page, BIG);
    const headerRows = headerRowsOf(api);
    const [lastR, lastC, lastM] = [api.rows.length - 1, api.columns.length - 1, api.measures.length - 1];

    // Tab reaches the grid once, on its first cell, and the next Tab leaves it (one tab stop).
    const inGrid = () => page.evaluate(() => document.querySelector('[data-testid="pivot-grid"]')?.contains(document.activeElement) === true);
    await page.getByTestId('show-as').focus();
    for (let tabs = 0; tabs < 10 && !(await inGrid()); tabs++) await page.keyboard.press('Tab');
    expect(await focusedCell(page)).toMatchObject({ testId: 'grid-rowfield-0', rowIndex: 1, colIndex: 1 });
    await page.keyboard.press('Tab');
    expect(await inGrid()).toBe(false);

    await page.getByTestId('grid-cell-0-0-0').click();
    expect(await focusedCell(page)).toMatchObject({ testId: 'grid-cell-0-0-0', rowIndex: headerRows + 1, colIndex: 2, inView: true });
    await page.keyboard.press('ArrowRight');
    expect(await focusedCell(page)).toMatchObject({ testId: 'grid-cell-0-0-1', colIndex: 3 });
    await page.keyboard.press('ArrowDown');
    expect(await focusedCell(page)).toMatchObject({ testId: 'grid-cell-1-0-1', rowIndex: headerRows + 2, colIndex: 3 });
    await press(page, 'ArrowLeft', 'ArrowLeft');
    expect(await focusedCell(page)).toMatchObject({ role: 'rowheader', rowTestId: 'grid-row-1', colIndex: 1 });
    await page.keyboard.press('ArrowLeft'); // at the edge: stays
    expect(await focusedCell(page)).toMatchObject({ role: 'rowheader', rowTestId: 'grid-row-1', colIndex: 1 });

    await page.keyboard.press('End');
    expect(await focusedCell(page)).toMatchObject({ testId: `grid-cell-1-${lastC}-${lastM}`, colIndex: api.rowFields.length + api.columns.length * api.measures.length, inView: true });
    await page.keyboard.press('Home');
    expect(await focusedCell(page)).toMatchObject({ role: 'rowheader', rowTestId: 'grid-row-1', colIndex: 1, inView: true });
    // Up through the body's first row onto the row-field heading, which spans the header rows.
    await press(page, 'ArrowUp', 'ArrowUp');
    expect(await focusedCell(page)).toMatchObject({ testId: 'grid-rowfield-0', role: 'columnheader', colIndex: 1 });

    await page.keyboard.press('Control+End');
    const end = await focusedCell(page);
    expect(end).toMatchObject({ testId: `grid-cell-${lastR}-${lastC}-${lastM}`, rowIndex: headerRows + api.rows.length, inView: true });
    expect(end.text).toBe(expectedText(api.cells[lastR]![lastC]![lastM]!, api.measures[lastM]!.decimals));
    await page.keyboard.press('ArrowDown'); // the last row: stays
    expect(await focusedCell(page)).toMatchObject({ testId: `grid-cell-${lastR}-${lastC}-${lastM}` });
    await press(page, 'Control+Home');
    expect(await focusedCell(page)).toMatchObject({ testId: 'grid-rowfield-0', inView: true });

    // PageDown moves about one screenful (the body rows in view, less one) and keeps the cell in view.
    await press(page, 'ArrowDown', 'ArrowRight');
    expect(await focusedCell(page)).toMatchObject({ testId: 'grid-cell-0-0-0' });
    const screenRows = await page.locator('.pivot-grid-scroll').evaluate((s) => {
      const rowHeight = s.querySelector('tbody tr[data-testid]')?.getBoundingClientRect().height ?? 1;
      return Math.floor((s.clientHeight - (s.querySelector('thead')?.getBoundingClientRect().height ?? 0)) / rowHeight);
    });
    expect(screenRows).toBeGreaterThan(5);
    await page.keyboard.press('PageDown');
    expect(await focusedCell(page)).toMatchObject({ testId: `grid-cell-${screenRows - 1}-0-0`, inView: true });
    await page.keyboard.press('PageDown');
    expect(await focusedCell(page)).toMatchObject({ testId: `grid-cell-${2 * (screenRows - 1)}-0-0`, inView: true });
    await page.keyboard.press('PageUp');
    expect(await focusedCell(page)).toMatchObject({ testId: `grid-cell-${screenRows - 1}-0-0`, inView: true });
    await page.context().close();
  });

  it('keeps the focus on a cell or column heading scrolled out of view, and the next key brings it back', async () => {
    const page = await openPage(suite.browser);
    await openView(page, suite.baseUrl, BIG);
    const api = await fetchPivot(page, BIG);
    const [lastR, lastC, lastM] = [api.rows.length - 1, api.columns.length - 1, api.measures.length - 1];

    await page.getByTestId('grid-cell-0-0-0').click();
    await press(page, 'Control+End');
    await scrollGridTo(page, 'start');
    expect(await focusedCell(page)).toMatchObject({ testId: `grid-cell-${lastR}-${lastC}-${lastM}`, inView: false });
    await press(page, 'ArrowUp');
    expect(await focusedCell(page)).toMatchObject({ testId: `grid-cell-${lastR - 1}-${lastC}-${lastM}`, inView: true });

    // A column group heading (an ICB over its two measures), reached from its second measure.
    await press(page, 'Control+Home', 'ArrowRight', 'ArrowDown', 'ArrowRight');
    expect(await focusedCell(page)).toMatchObject({ testId: 'grid-colheader-0-1' });
    await press(page, 'ArrowUp');
    const group = await focusedCell(page);
    expect(group).toMatchObject({ role: 'columnheader', rowIndex: 1, colIndex: 2 });
    await scrollGridTo(page, 'middle');
    expect(await focusedCell(page)).toMatchObject({ role: 'columnheader', rowIndex: 1, text: group.text });
    await press(page, 'ArrowDown'); // back to the column it came from
    expect(await focusedCell(page)).toMatchObject({ testId: 'grid-colheader-0-1', inView: true });

    // One focused by click.
    await page.locator('thead th[scope="colgroup"][aria-colindex="4"]').click();
    const clicked = await focusedCell(page);
    expect(clicked).toMatchObject({ role: 'columnheader', rowIndex: 1, colIndex: 4 });
    await scrollGridTo(page, 'end');
    expect(await focusedCell(page)).toMatchObject({ role: 'columnheader', rowIndex: 1, text: clicked.text });
    await page.context().close();
  });

  it('expands a row heading with Enter and collapses a child with Escape; Enter on a column heading sorts, twice flips', async () => {
    const page = await openPage(suite.browser);
    await openView(page, suite.baseUrl, CHAPTERS);
    const api = await fetchPivot(page, CHAPTERS);
    const chapter = api.rows[0]!;
    expect(chapter.depth).toBe(1);

    await page.getByTestId('grid-cell-0-0-0').click();
    await page.keyboard.press('ArrowLeft');
    expect(await focusedCell(page)).toMatchObject({ role: 'rowheader', rowTestId: 'grid-row-0' });
    await page.keyboard.press('Enter');
    await expect.poll(() => currentDraft(page)?.expanded).toEqual([{ codes: [chapter.codes[0]], levels: ['chapter'] }]);
    const children = await fetchPivot(page, childrenQuery(CHAPTERS, chapter.codes[0]!, 'chapter', 'block'));
    const expanded = withRows(api, [baseRow(api, 0), ...childRows(api, children), ...api.rows.slice(1).map((_, i) => baseRow(api, i + 1))]);
    await expect.poll(() => gridSize(page)).toBe(expanded.rows.length * api.columns.length * api.measures.length);
    expectGridMatches(await gridTexts(page), expanded);
    expect(await focusedCell(page)).toMatchObject({ role: 'rowheader', rowTestId: 'grid-row-0' });

    // Escape on a child row collapses its member and puts the focus back on the member's heading.
    await press(page, 'ArrowDown', 'ArrowDown');
    const child = await focusedCell(page);
    expect(child).toMatchObject({ role: 'rowheader', rowTestId: 'grid-row-2' });
    expect(child.text).toContain(children.rows.filter((h) => h.depth > 0)[1]!.labels[0]);
    await page.keyboard.press('Escape');
    await expect.poll(() => currentDraft(page)?.expanded).toBeUndefined();
    await expect.poll(() => gridSize(page)).toBe(api.rows.length * api.columns.length * api.measures.length);
    expect(await focusedCell(page)).toMatchObject({ role: 'rowheader', rowTestId: 'grid-row-0', colIndex: 1 });

    // Enter on the FCE heading of the first column value: sort by it, largest first, then flipped.
    // From the corner: right onto the column values' group headings, down onto their measures.
    const c = api.columns.findIndex((h) => h.depth === 1);
    await press(page, 'Control+Home', 'ArrowRight', 'ArrowDown');
    for (let i = 0; i < c * api.measures.length; i++) await page.keyboard.press('ArrowRight');
    expect(await focusedCell(page)).toMatchObject({ testId: `grid-colheader-${c}-0`, role: 'columnheader', rowIndex: 2, colIndex: 2 + c * api.measures.length });
    for (const direction of ['desc', 'asc'] as const) {
      await page.keyboard.press('Enter');
      const sort = { by: 'measure', measure: 'fce', column: api.columns[c]!.codes, direction } as const;
      await expect.poll(() => currentDraft(page)?.sort).toEqual(sort);
      await waitForIdle(page);
      const sortedApi = await fetchPivot(page, { ...CHAPTERS, sort });
      expect(sortedApi.rows.map((h) => h.codes.join())).not.toEqual(api.rows.map((h) => h.codes.join()));
      await expect.poll(async () => (await gridTexts(page)).get('grid-cell-0-0-0'))
        .toBe(expectedText(sortedApi.cells[0]![0]![0]!, 0));
      expectGridMatches(await gridTexts(page), sortedApi);
      expect(await page.getByTestId(`grid-colheader-${c}-0`).getAttribute('aria-sort')).toBe(direction === 'desc' ? 'descending' : 'ascending');
      expect(await focusedCell(page)).toMatchObject({ testId: `grid-colheader-${c}-0` });
    }
    await page.context().close();
  });

  it('expands chapter → block → 3-character code by mouse and shows % of parent from the protected figures', async () => {
    const page = await openPage(suite.browser);
    await openView(page, suite.baseUrl, CHAPTERS);
    const api = await fetchPivot(page, CHAPTERS);
    const chapter = api.rows[0]!.codes[0]!;

    await page.getByTestId('expand-0').click();
    await expect.poll(() => currentDraft(page)?.expanded).toEqual([{ codes: [chapter], levels: ['chapter'] }]);
    const blocks = await fetchPivot(page, childrenQuery(CHAPTERS, chapter, 'chapter', 'block'));
    const blockRows = childRows(api, blocks);
    const block = blockRows[0]!.codes[0]!;
    await expect.poll(() => gridSize(page)).toBe((api.rows.length + blockRows.length) * api.columns.length * api.measures.length);
    expect(await page.getByTestId('expand-0').getAttribute('aria-expanded')).toBe('true');

    await page.getByTestId('expand-1').click();
    await expect.poll(() => currentDraft(page)?.expanded).toEqual([{ codes: [chapter], levels: ['chapter'] }, { codes: [block], levels: ['block'] }]);
    const codes = await fetchPivot(page, childrenQuery(CHAPTERS, block, 'block', 'code3'));
    const codeRows = childRows(api, codes);
    expect(blocks.suppressedCount + codes.suppressedCount, 'the children show suppressed cells').toBeGreaterThan(0);

    // Rows as the grid should show them, each with the row its share is taken of.
    const total = api.rows.length - 1;
    expect(api.rows[total]!.depth).toBe(0);
    const rows: { row: ExpectedRow; parent: ExpectedRow }[] = [
      { row: baseRow(api, 0), parent: baseRow(api, total) },
      { row: blockRows[0]!, parent: baseRow(api, 0) },
      ...codeRows.map((row) => ({ row, parent: blockRows[0]! })),
      ...blockRows.slice(1).map((row) => ({ row, parent: baseRow(api, 0) })),
      ...api.rows.slice(1).map((_, i) => ({ row: baseRow(api, i + 1), parent: baseRow(api, total) })), // the grand total: 100% of itself
    ];
    await expect.poll(() => gridSize(page)).toBe(rows.length * api.columns.length * api.measures.length);
    expectGridMatches(await gridTexts(page), withRows(api, rows.map((r) => r.row)));
    await screenshot(page, 'grid-expanded');

    await page.getByTestId('show-as').selectOption('parent');
    await expect.poll(() => currentDraft(page)?.showAs).toBe('parent');
    const shareOf = (num: Cell, den: Cell): string => {
      if (num.suppressed || num.value === null) return expectedShare(null, num.suppressed);
      // A share of a suppressed parent would reveal it, unless the child is 0.
      if (den.suppressed) return num.value === 0 ? expectedShare(0, false) : '*';
      return den.value === null || den.value === 0 ? '–' : expectedShare((num.value / den.value) * 100, false);
    };
    const expected = new Map<string, string>();
    let suppressedShares = 0;
    rows.forEach(({ row, parent }, r) => api.columns.forEach((_, c) => api.measures.forEach((m, mi) => {
      const num = row.cells[c]![mi]!;
      const additive = m.kind === 'count' || m.kind === 'sum';
      expected.set(`grid-cell-${r}-${c}-${mi}`, additive ? shareOf(num, parent.cells[c]![mi]!) : expectedText(num, m.decimals));
      if (additive && num.suppressed) suppressedShares++;
    })));
    expect(suppressedShares).toBeGreaterThan(0);
    await expect.poll(async () => (await gridTexts(page)).get('grid-cell-1-0-0')).toBe(expected.get('grid-cell-1-0-0'));
    const texts = await gridTexts(page);
    expect(texts.size).toBe(expected.size);
    for (const [id, text] of expected) expect(texts.get(id), id).toBe(text);
    await page.context().close();
  });
});
