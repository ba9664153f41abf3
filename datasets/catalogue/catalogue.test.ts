// Checks the catalogue against its schema and its own cross-references, the ICD-10 counts of
// hes-data.md §3.1, and code search over the real code lists.
import { describe, expect, it } from 'vitest';
import { CodeListSchema, DatasetSchema, type CodeField, type CodeList } from '../../shared/catalogue/catalogue-types';
import { searchCodes } from '../../shared/catalogue/search-codes';
import { TooManyCellsError } from '../../shared/errors/domain-error';
import { PivotQuerySchema, type PivotQueryInput } from '../../shared/query/pivot-query';
import { buildPlan } from '../../shared/sql/build-plan';
import { SPECIALTIES } from '../reference/specialties';
import { FCE } from './apc-measures';
import { loadCatalogue } from './load-catalogue';

const YEARS = ['1920', '2021', '2122', '2223', '2324'];
const catalogue = loadCatalogue(YEARS);
const datasets = [...catalogue.datasets.values()];
const list = (id: string): CodeList => {
  const l = catalogue.codeLists.get(id);
  if (l === undefined) throw new Error(`no code list ${id}`);
  return l;
};
const codeFields = (): { dataset: string; field: CodeField }[] =>
  datasets.flatMap((d) => d.fields.flatMap((f) => (f.type === 'code' ? [{ dataset: d.id, field: f }] : [])));
const dupes = (xs: readonly string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);

describe('catalogue structure', () => {
  it('has the three datasets, each valid against DatasetSchema', () => {
    expect([...catalogue.datasets.keys()].sort()).toEqual(['ae', 'apc', 'op']);
    for (const d of datasets) expect(() => DatasetSchema.parse(d)).not.toThrow();
  });

  it('lists ICD-10 chapters in classification order (IX after VIII), so grids sort by chapter', () => {
    const chapters = catalogue.codeLists.get('icd10_chapter')!.codes.map((c) => c.code);
    expect(chapters.slice(0, 10)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X']);
    expect(chapters.slice(-4)).toEqual(['XIX', 'XX', 'XXI', 'XXII']);
  });

  it('has valid code lists with unique codes', () => {
    for (const l of catalogue.codeLists.values()) {
      expect(() => CodeListSchema.parse(l)).not.toThrow();
      expect(l.codes.length, l.id).toBeGreaterThan(0);
      expect(dupes(l.codes.map((c) => c.code)), l.id).toEqual([]);
    }
  });

  it('has unique field, level and measure ids', () => {
    for (const d of datasets) {
      expect(dupes(d.fields.map((f) => f.id)), d.id).toEqual([]);
      expect(dupes(d.measures.map((m) => m.id)), d.id).toEqual([]);
    }
    for (const { field } of codeFields()) expect(dupes(field.levels.map((l) => l.id)), field.id).toEqual([]);
  });

  it('points every default level and level code list at something that exists', () => {
    for (const { dataset, field } of codeFields()) {
      expect(field.levels.map((l) => l.id), `${dataset}.${field.id}`).toContain(field.defaultLevel);
      for (const level of field.levels) expect(catalogue.codeLists.has(level.codeList), `${field.id}.${level.id}`).toBe(true);
    }
  });

  it('gives every code below the top level of a hierarchy a parent in the level above', () => {
    let checked = 0;
    for (const { field } of codeFields()) {
      field.levels.forEach((level, i) => {
        const above = field.levels[i - 1];
        if (above === undefined) return;
        const parents = new Set(list(above.codeList).codes.map((c) => c.code));
        for (const c of list(level.codeList).codes) {
          checked += 1;
          expect(c.parent !== undefined && parents.has(c.parent), `${field.id}.${level.id} ${c.code} → ${c.parent}`).toBe(true);
        }
      });
    }
    expect(checked).toBeGreaterThan(12_000);
  });

  it('has a default measure and ratios built from count measures of the same dataset', () => {
    for (const d of datasets) {
      const byId = new Map(d.measures.map((m) => [m.id, m]));
      expect(byId.get(d.defaultMeasure)?.kind, d.id).toBe('count');
      for (const m of d.measures) {
        if (m.kind !== 'ratio') continue;
        expect(byId.get(m.numerator)?.kind, `${d.id}.${m.id}`).toBe('count');
        expect(byId.get(m.denominator)?.kind, `${d.id}.${m.id}`).toBe('count');
      }
    }
  });

  it('starts every APC measure from the FCE condition', () => {
    const apc = catalogue.datasets.get('apc');
    expect(apc?.baseWhere).toBeNull();
    for (const m of apc?.measures ?? []) if (m.kind !== 'ratio') expect(m.where, m.id).toContain(FCE);
    expect(apc?.measures.length).toBeGreaterThan(20);
  });

  it('offers number fields for ranges only, never as code fields', () => {
    const numbers = (id: 'apc' | 'op' | 'ae') => catalogue.datasets.get(id)?.fields.filter((f) => f.type === 'number').map((f) => f.id);
    expect(numbers('apc')).toEqual(['startage', 'speldur', 'epidur']);
    expect(numbers('op')).toEqual(['apptage', 'waiting']);
    expect(numbers('ae')).toEqual(['arrivalage', 'depdur']);
  });
});

describe('code lists', () => {
  it('holds the ICD-10 table at four levels', () => {
    expect(list('icd10_chapter').codes).toHaveLength(22);
    expect(list('icd10_block').codes).toHaveLength(264);
    expect(list('icd10_3').codes).toHaveLength(2060);
    // 12,385 four-char codes, 258 X-padded 3-char leaves, and the HES not-known code R96X.
    expect(list('icd10_4').codes).toHaveLength(12_385 + 258 + 1);
  });

  it('places D50 under chapter III and H60 under chapter VIII by walking parents', () => {
    const walk = (code: string) => {
      const block = list('icd10_3').codes.find((c) => c.code === code)?.parent;
      return list('icd10_block').codes.find((c) => c.code === block)?.parent;
    };
    expect(walk('D50')).toBe('III');
    expect(walk('D48')).toBe('II');
    expect(walk('H60')).toBe('VIII');
  });

  it('flags not-known codes', () => {
    const flag = (id: string, code: string) => list(id).codes.find((c) => c.code === code)?.unknown === true;
    expect(flag('icd10_4', 'R69X')).toBe(true);
    expect(flag('icd10_4', 'R96X')).toBe(true);
    expect(flag('icd10_4', 'J181')).toBe(false);
    expect(flag('opcs4_4', '&')).toBe(true);
    expect(flag('opcs4_4', '-')).toBe(false);
    expect(flag('sex', '0')).toBe(true);
    expect(flag('ethnos', 'Z')).toBe(true);
    expect(flag('resgor_ons', 'Y')).toBe(true);
    expect(flag('resgor_ons', 'W99999999')).toBe(false);
    expect(flag('disdest', '98')).toBe(true);
  });

  it('covers exactly the loaded years in the time lists', () => {
    expect(list('fyear').codes.map((c) => c.code)).toEqual(YEARS);
    expect(list('fyear').codes[4]?.label).toBe('2023-24');
    expect(list('fquarter').codes).toHaveLength(20);
    expect(list('fquarter').codes.find((c) => c.code === '2023-24 Q1')?.parent).toBe('2324');
    const months = list('month').codes;
    expect(months).toHaveLength(60);
    expect(months.find((c) => c.code === '2023-04')).toMatchObject({ label: 'Apr 2023', parent: '2023-24 Q1' });
    expect(months.find((c) => c.code === '2024-03')).toMatchObject({ label: 'Mar 2024', parent: '2023-24 Q4' });
  });

  it('orders the age bands from <1 to 90+ then Unknown', () => {
    const codes = list('age_band').codes.map((c) => c.code);
    expect(codes.slice(0, 3)).toEqual(['<1', '1-4', '5-9']);
    expect(codes.slice(-3)).toEqual(['85-89', '90+', 'Unknown']);
    expect(codes).toHaveLength(21);
    expect(list('age_band_85').codes.map((c) => c.code).slice(-2)).toEqual(['85+', 'Unknown']);
  });

  it('lists every specialty as a treatment function and only consultant specialties under mainspef', () => {
    expect(list('tretspef').codes).toHaveLength(SPECIALTIES.length);
    const main = new Set(list('mainspef').codes.map((c) => c.code));
    expect(main.has('300')).toBe(true);
    expect(main.has('103')).toBe(false);
    expect(list('tretspef').codes.find((c) => c.code === '651')?.label).toBe('Treatment function 651');
  });
});

describe('code search over the catalogue', () => {
  it('finds the pneumonia block and 3-char codes J12–J18, block first', () => {
    const hits = searchCodes(catalogue, 'apc', 'diag_01', 'pneumonia', { limit: 200 });
    expect(hits[0]).toMatchObject({ level: 'block', code: 'J09-J18' });
    const code3 = hits.filter((h) => h.level === 'code3').map((h) => h.code);
    for (const c of ['J12', 'J13', 'J14', 'J15', 'J16', 'J18']) expect(code3).toContain(c);
    expect(hits.find((h) => h.code === 'J181')?.parentLabels).toEqual([
      'Diseases of the respiratory system', 'Influenza and pneumonia', 'Pneumonia, organism unspecified',
    ]);
  });

  it('finds hip replacements W37–W39 by word', () => {
    const hits = searchCodes(catalogue, 'apc', 'opertn_01', 'hip');
    expect(hits.filter((h) => h.level === 'code3').map((h) => h.code)).toEqual(['W37', 'W38', 'W39']);
    expect(hits.map((h) => h.code)).toContain('W371');
  });

  it('finds codes with a dot and in any case, exact match first', () => {
    expect(searchCodes(catalogue, 'apc', 'diag_01', 'j18.1')[0]).toMatchObject({ code: 'J181', level: 'code4' });
    expect(searchCodes(catalogue, 'op', 'opertn_01', 'w37').map((h) => h.code).slice(0, 2)).toEqual(['W37', 'W371']);
  });

  it('searches the residence and time hierarchies too', () => {
    expect(searchCodes(catalogue, 'ae', 'resgor_ons', 'north west', { level: 'region' }).map((h) => h.code)).toEqual(['E12000002']);
    // The quarter labelled "(Apr-Jun)" also matches and, being coarser, comes first.
    const hits = searchCodes(catalogue, 'apc', 'fyear', 'apr 2023');
    expect(hits.map((h) => h.code)).toEqual(['2023-24 Q1', '2023-04']);
    expect(hits[1]?.parentLabels).toEqual(['2023-24', '2023-24 Q1 (Apr-Jun)']);
  });
});

describe('the size check of drill-downs (real hierarchies)', () => {
  const plan = (filters: PivotQueryInput['filters']) => buildPlan(PivotQuerySchema.parse({
    dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_01', level: 'code4' }], columns: [{ field: 'procode3', level: 'provider_icb' }], measures: ['fce'], filters,
  }), catalogue);

  it('counts only the children of a drilled parent, so drilling into a 3-char code is allowed', () => {
    expect(() => plan([])).toThrow(TooManyCellsError);
    expect(() => plan([{ kind: 'in', field: 'diag_01', level: 'code3', codes: ['F71'] }])).not.toThrow();
    expect(() => plan([{ kind: 'in', field: 'diag_01', level: 'chapter', codes: ['X'] }])).not.toThrow();
  });

  it('still refuses a drill whose children are too many', () => {
    const chapters = list('icd10_chapter').codes.map((c) => c.code);
    expect(() => plan([{ kind: 'in', field: 'diag_01', level: 'chapter', codes: chapters }])).toThrow(TooManyCellsError);
  });
});
