// Code lists shared by APC, OP and A&E: patient, residence-derived and specialty codes
// (hes-data.md §2.1, §2.5, §2.6, §3.4).
import type { CodeList } from '../../shared/catalogue/catalogue-types';
import { SPECIALTIES, SPECIALTY_GROUPS } from '../reference/specialties';
import { codeList, entry } from './define-code-list';
import { ageBandCodes } from './derived-sql';

const sex = codeList('sex', 'Sex', [
  ['1', 'Male'], ['2', 'Female'], ['9', 'Not specified (indeterminate)', 'unknown'], ['0', 'Not known', 'unknown'],
]);

const ethnos = codeList('ethnos', 'Ethnic category', [
  ['A', 'White: British'], ['B', 'White: Irish'], ['C', 'White: any other White background'],
  ['D', 'Mixed: White and Black Caribbean'], ['E', 'Mixed: White and Black African'], ['F', 'Mixed: White and Asian'],
  ['G', 'Mixed: any other mixed background'], ['H', 'Asian or Asian British: Indian'],
  ['J', 'Asian or Asian British: Pakistani'], ['K', 'Asian or Asian British: Bangladeshi'],
  ['L', 'Asian or Asian British: any other Asian background'], ['M', 'Black or Black British: Caribbean'],
  ['N', 'Black or Black British: African'], ['P', 'Black or Black British: any other Black background'],
  ['R', 'Other ethnic group: Chinese'], ['S', 'Other ethnic group: any other ethnic group'],
  ['Z', 'Not stated', 'unknown'], ['X', 'Not known (before 2013)', 'unknown'], ['99', 'Not known', 'unknown'],
]);

const ethnosGroup = codeList('ethnos_group', 'Ethnic group', [
  ['white', 'White'], ['mixed', 'Mixed'], ['asian', 'Asian or Asian British'], ['black', 'Black or Black British'],
  ['chinese_other', 'Chinese or other ethnic group'], ['not_known', 'Not stated or not known', 'unknown'],
]);

const ageBand = (id: string, top: 85 | 90): CodeList =>
  codeList(id, top === 90 ? 'Age band' : 'Age band (85+)', ageBandCodes(top).map((c) =>
    c === 'Unknown' ? [c, 'Age not known', 'unknown'] as const : [c, c === '<1' ? 'Under 1' : c] as const));

const imdLabels = [
  'Most deprived 10%', 'More deprived 10-20%', 'More deprived 20-30%', 'More deprived 30-40%', 'More deprived 40-50%',
  'Less deprived 40-50%', 'Less deprived 30-40%', 'Less deprived 20-30%', 'Less deprived 10-20%', 'Least deprived 10%',
];
const imd = codeList('imd04_decile', 'IMD decile', imdLabels.map((l, i) => [String(i + 1).padStart(2, '0'), l] as const));

const rururb = codeList('rururb_ind', 'Rural/urban classification (2011)', [
  ['1', 'Urban: major conurbation'], ['2', 'Urban: minor conurbation'], ['3', 'Urban: city and town'],
  ['4', 'Urban: city and town in a sparse setting'], ['5', 'Rural: town and fringe'],
  ['6', 'Rural: town and fringe in a sparse setting'], ['7', 'Rural: village and dispersed'],
  ['8', 'Rural: village and dispersed in a sparse setting'], ['9', 'Outside England'],
]);

const admincat = codeList('admincat', 'Administrative category', [
  ['01', 'NHS patient'], ['02', 'Private patient'], ['03', 'Amenity patient'], ['04', 'Category II patient'],
  ['98', 'Not applicable', 'unknown'], ['99', 'Not known', 'unknown'],
]);

const mainspef: CodeList = {
  id: 'mainspef', label: 'Main specialty',
  codes: SPECIALTIES.filter((s) => !s.tretspefOnly).map((s) => entry(s.code, s.label, s.unknown === true)),
};
const tretspef: CodeList = {
  id: 'tretspef', label: 'Treatment function',
  codes: SPECIALTIES.map((s) => entry(s.code, s.label, s.unknown === true)),
};
const specialtyGroup: CodeList = {
  id: 'specialty_group', label: 'Specialty group',
  codes: SPECIALTY_GROUPS.map((g) => entry(g.code, g.label, g.unknown === true)),
};

export const COMMON_CODE_LISTS: readonly CodeList[] = [
  sex, ethnos, ethnosGroup, ageBand('age_band', 90), ageBand('age_band_85', 85), imd, rururb, admincat,
  mainspef, tretspef, specialtyGroup,
];
