// The grid rendered to HTML on the server (no DOM here): what the first paint puts in the DOM,
// its ARIA attributes and test ids. Scrolling and focus are covered by the pure modules' tests
// and by the e2e suite.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Sort } from '../../shared/query/pivot-query';
import { samplePivot } from '../test-fixtures/sample-pivot';
import type { GridModel } from './grid-model';
import { modelFromResult } from './grid-model-basic';
import { widePivot } from './grid-test-pivots';
import { expandedModel } from './grid-test-models';
import { PivotGrid } from './pivot-grid';
import { ROW_HEIGHT } from './grid-sizes';

const render = (model: GridModel, sort?: Sort) => renderToStaticMarkup(createElement(PivotGrid, {
  model, busy: false, sort, onSort: () => undefined, onToggleExpand: () => undefined, onEscape: () => undefined,
}));
const all = (html: string, re: RegExp) => [...html.matchAll(new RegExp(re.source, 'g'))];
/** The opening tag of the element with this test id. */
const tag = (html: string, testId: string) => html.match(new RegExp(`<[a-z]+[^>]*data-testid="${testId}"[^>]*>`))?.[0] ?? '';
const element = (html: string, testId: string) => html.match(new RegExp(`<([a-z]+)[^>]*data-testid="${testId}"[^>]*>(.*?)</\\1>`))?.[2] ?? '';

describe('PivotGrid', () => {
  it('puts only the rows and columns in view in the DOM, and counts them all for ARIA', () => {
    const html = render(modelFromResult(widePivot(600, 25)));
    // One header row (a single measure: the column values are the leaves), 601 rows, 26 value columns.
    expect(tag(html, 'pivot-grid')).toContain('aria-rowcount="602"');
    expect(tag(html, 'pivot-grid')).toContain('aria-colcount="27"');
    const rows = all(html, /data-testid="grid-row-(\d+)"/).map((m) => Number(m[1]));
    const cells = all(html, /data-testid="grid-cell-(\d+)-(\d+)-0"/);
    expect(rows[0]).toBe(0);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60);
    const columns = new Set(cells.map((m) => Number(m[2])));
    expect(columns.has(0)).toBe(true);
    expect(columns.size).toBeLessThan(20);
    expect(cells.length).toBe(rows.length * columns.size);
    // Spacers stand in for the rest, so the scroll height is that of every row.
    const spacer = html.match(/<tr class="pg-spacer" aria-hidden="true" style="height:(\d+)px">/);
    expect(Number(spacer?.[1])).toBe((601 - rows.length) * ROW_HEIGHT);
    expect(all(html, /<td class="pg-gap" aria-hidden="true">/).length).toBe(rows.length + 1);
    expect(tag(html, `grid-row-${rows.length - 1}`)).toContain(`aria-rowindex="${rows.length + 1}"`);
    expect(tag(html, 'grid-cell-0-3-0')).toContain('aria-colindex="5"');
    expect(element(html, 'grid-cell-12-3-0')).toBe('12,003');
  });

  it('makes exactly one cell tabbable: the first heading', () => {
    const html = render(modelFromResult(samplePivot));
    const tabbable = all(html, /<(th|td)[^>]*tabindex="0"[^>]*>/);
    expect(tabbable).toHaveLength(1);
    expect(tabbable[0]?.[0]).toContain('data-testid="grid-rowfield-0"');
    expect(all(html, /tabindex="-1"/).length).toBeGreaterThan(20);
  });

  it('keeps the result\'s cell ids and texts, with the suppression rule as a tooltip', () => {
    const html = render(modelFromResult(samplePivot));
    expect(element(html, 'grid-cell-1-0-0')).toBe('20,500');
    expect(element(html, 'grid-cell-0-1-0')).toBe('*');
    expect(tag(html, 'grid-cell-0-1-0')).toMatch(/title="Suppressed to protect confidentiality/);
    expect(element(html, 'grid-cell-1-0-1')).toBe('–');
    expect(tag(html, 'grid-row-2')).toContain('class="pg-row is-total"');
    expect(tag(html, 'grid-row-2')).toContain('data-row-key="[]"');
    expect(element(html, 'grid-caption')).toBe('Finished consultant episodes, Mean length of stay (days) by Admission method group and Sex · APC 2022-23, 2023-24');
  });

  it('shows only the model\'s columns, in its order', () => {
    const html = render({ ...modelFromResult(samplePivot), columns: [1, 0] });
    const headers = all(html, /data-testid="grid-colheader-(\d+)-(\d+)"/).map((m) => `${m[1]}-${m[2]}`);
    expect(headers).toEqual(['1-0', '1-1', '0-0', '0-1']);
    expect(html).not.toContain('grid-cell-0-2-0');
    expect(tag(html, 'grid-cell-0-0-0')).toContain('aria-colindex="4"');
  });

  it('marks the sorted heading with aria-sort', () => {
    const byMale = render(modelFromResult(samplePivot), { by: 'measure', measure: 'fce', column: ['1'], direction: 'desc' });
    expect(all(byMale, /aria-sort="(\w+)"/).map((m) => m[1])).toEqual(['descending']);
    expect(tag(byMale, 'grid-colheader-0-0')).toContain('aria-sort="descending"');
    const byTotal = render(modelFromResult(samplePivot), { by: 'measure', measure: 'los_mean', direction: 'asc' });
    expect(tag(byTotal, 'grid-colheader-2-1')).toContain('aria-sort="ascending"');
    const byLabel = render(modelFromResult(samplePivot), { by: 'label', direction: 'asc' });
    expect(tag(byLabel, 'grid-rowfield-0')).toContain('aria-sort="ascending"');
  });

  it('draws disclosure buttons, indents and level tags for expanded members, and shares as percentages', () => {
    const html = render(expandedModel);
    expect(tag(html, 'expand-0')).toContain('aria-expanded="true"');
    expect(element(html, 'expand-0')).toBe('▾');
    expect(tag(html, 'expand-1')).toContain('aria-expanded="true"');
    expect(element(html, 'expand-1')).toContain('pg-spinner');
    expect(tag(html, 'expand-3')).toContain('aria-expanded="false"');
    expect(element(html, 'expand-3')).toBe('!');
    expect(html).not.toContain('data-testid="expand-2"');
    const child = html.match(/data-testid="grid-row-2".*?<\/th>/)?.[0] ?? '';
    expect(child).toContain('padding-left:16px');
    expect(child).toContain('<span class="pg-level">Block</span>');
    expect(child).toContain('title="Block: A15-A19 Tuberculosis"');
    expect(child).toContain('pg-expander-space');
    expect(element(html, 'grid-cell-0-0-0')).toBe('12.3%');
    expect(element(html, 'grid-cell-2-0-0')).toBe('–');
    expect(element(html, 'grid-caption')).toMatch(/· % of column total$/);
  });
});
