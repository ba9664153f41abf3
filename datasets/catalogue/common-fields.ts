// Fields every dataset shares: time, patient, residence and provider (hes-data.md §2.1, §3.3,
// §3.5), plus the specialty fields APC and OP share (§2.5, §3.4).
import type { CodeField } from '../../shared/catalogue/catalogue-types';
import { ageBandSql, ethnosGroupSql, specialtyGroupSql } from './derived-sql';
import { flatField, hierarchyField } from './define-field';

/** fyear → fquarter → month; `driver` names the date that assigns a record to a period. */
export const timeField = (driver: string): CodeField => hierarchyField({
  id: 'fyear', label: 'Financial year', group: 'Time', defaultLevel: 'fyear',
  description: `April-to-March financial year, quarter and month of ${driver}. Drill down from year to quarter to month.`,
  levels: [
    { id: 'fyear', label: 'Financial year', sql: 'fyear', codeList: 'fyear', role: 'time' },
    { id: 'fquarter', label: 'Quarter', sql: 'fquarter', codeList: 'fquarter', role: 'time' },
    { id: 'month', label: 'Month', sql: 'month', codeList: 'month', role: 'time' },
  ],
});

export const patientFields = (ageColumn: string, ageWhen: string): CodeField[] => [
  flatField({
    id: 'sex', label: 'Sex', group: 'Patient',
    description: 'Sex of the patient as recorded. "Not specified" (indeterminate) and "not known" are kept in every total.',
  }),
  flatField({
    id: 'age_band', label: 'Age band', group: 'Patient', sql: ageBandSql(ageColumn, 90),
    description: `Age ${ageWhen} in five-year bands, with under 1 year first and 90+ at the top. Ages are only shown in bands.`,
  }),
  flatField({
    id: 'age_band_85', label: 'Age band (85+)', group: 'Patient', sql: ageBandSql(ageColumn, 85),
    description: `Age ${ageWhen} in five-year bands with 85+ as the top band, as in many HES publications.`,
  }),
  flatField({
    id: 'ethnos', label: 'Ethnic category', group: 'Patient',
    description: 'Ethnic category in the 2001-census classification. Completion was poor before 2011-12; "not stated" and "not known" are separate codes.',
  }),
  flatField({
    id: 'ethnos_group', label: 'Ethnic group', group: 'Patient', sql: ethnosGroupSql,
    description: 'Ethnic category grouped into the five broad 2001-census groups, with not stated and not known together.',
  }),
];

export const residenceFields: readonly CodeField[] = [
  hierarchyField({
    id: 'resgor_ons', label: 'Residence', group: 'Residence', defaultLevel: 'region',
    description: 'Region and local authority district of the patient\'s residence (ONS codes). Residents of Wales, Scotland and elsewhere, and unknown residence, have pseudo codes. Districts are synthetic.',
    levels: [
      { id: 'region', label: 'Region of residence', sql: 'resgor_ons', codeList: 'resgor_ons', role: 'ons-region' },
      { id: 'district', label: 'Local authority district', sql: 'resladst_ons', codeList: 'resladst_ons' },
    ],
  }),
  flatField({
    id: 'imd04_decile', label: 'Deprivation decile (IMD)', group: 'Residence',
    description: 'Index of Multiple Deprivation decile of the small area of residence, using the IMD edition current for the activity year. Empty for residents outside England.',
  }),
  flatField({
    id: 'rururb_ind', label: 'Rural/urban classification', group: 'Residence',
    description: '2011 rural-urban classification of the small area of residence; code 9 means outside England.',
  }),
];

export const providerField: CodeField = hierarchyField({
  id: 'procode3', label: 'Provider', group: 'Provider', defaultLevel: 'procode3', showCodes: true,
  description: 'The provider organisation (trust) that delivered the care, with its NHS England region and integrated care board (2022 structure) and its sites. Providers are synthetic.',
  levels: [
    { id: 'provider_region', label: 'NHS England region', sql: 'provider_region', codeList: 'provider_region', role: 'nhs-region' },
    { id: 'provider_icb', label: 'Integrated care board', sql: 'provider_icb', codeList: 'provider_icb', role: 'icb' },
    { id: 'procode3', label: 'Provider (trust)', sql: 'procode3', codeList: 'procode3', granularity: 'provider' },
    { id: 'sitetret', label: 'Site of treatment', sql: 'sitetret', codeList: 'sitetret', granularity: 'provider' },
  ],
});

export const specialtyFields = (group: 'Episode' | 'Appointment'): CodeField[] => [
  flatField({
    id: 'mainspef', label: 'Main specialty', group, showCodes: true,
    description: 'The main specialty of the consultant responsible for the care. "&" means not known; maternity events without a consultant have no specialty.',
  }),
  flatField({
    id: 'tretspef', label: 'Treatment function', group, showCodes: true,
    description: 'The specialised service that delivered the care, which can differ from the consultant\'s main specialty (e.g. breast surgery under a general surgeon).',
  }),
  flatField({
    id: 'specialty_group', label: 'Specialty group', group, sql: specialtyGroupSql('mainspef'),
    description: 'Main specialty grouped into broad areas (surgical, medical, women\'s health, mental health …).',
  }),
];
