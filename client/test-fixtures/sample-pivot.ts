// A hand-written pivot result for unit tests: rows = admission method group (2 values),
// columns = sex (2 values), measures = FCEs and mean length of stay, with totals, one
// suppressed cell and one empty statistic.
import type { PivotResponse } from '../api/api-types';

const c = (value: number | null, suppressed = false) => ({ value: suppressed ? null : value, suppressed });

export const samplePivot: PivotResponse = {
  dataset: 'apc',
  years: ['2223', '2324'],
  rowFields: [{ field: 'admimeth_group', level: 'admimeth_group', label: 'Admission method group', levelLabel: 'Admission method group', drillable: false, showCodes: false, role: null }],
  columnFields: [{ field: 'sex', level: 'sex', label: 'Sex', levelLabel: 'Sex', drillable: false, showCodes: false, role: null }],
  measures: [
    { id: 'fce', label: 'Finished consultant episodes', kind: 'count', unit: 'episodes', decimals: 0 },
    { id: 'los_mean', label: 'Mean length of stay (days)', kind: 'statistic', unit: 'spells', decimals: 1 },
  ],
  rows: [
    { codes: ['elective'], labels: ['Elective'], depth: 1 },
    { codes: ['emergency'], labels: ['Emergency'], depth: 1 },
    { codes: [], labels: [], depth: 0 },
  ],
  columns: [
    { codes: ['1'], labels: ['Male'], depth: 1 },
    { codes: ['2'], labels: ['Female'], depth: 1 },
    { codes: [], labels: [], depth: 0 },
  ],
  cells: [
    [[c(1234), c(3.25)], [c(null, true), c(null, true)], [c(1240), c(3.3)]],
    [[c(20500), c(null)], [c(18000), c(5.04)], [c(38500), c(5.1)]],
    [[c(21735), c(4)], [c(18005), c(5)], [c(39740), c(4.6)]],
  ],
  policy: { id: 'hes-2018', label: 'HES disclosure control (2018)', rules: ['Counts of 1 to 7 are suppressed (*); zero is shown as 0.', 'Means and medians are suppressed when 1 to 7 records contribute.'], protectionWidth: 4 },
  suppressedCount: 2,
  asOf: '2024-03-31',
  dataVersion: 'test',
  notes: [],
};
