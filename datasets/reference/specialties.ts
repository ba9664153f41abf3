// Specialty and treatment-function codes for mainspef/tretspef (hes-data.md §2.5) and the
// specialty groups of §3.4. Treatment functions without a published label here are shown as
// "Treatment function NNN" until a full table is loaded.

export interface SpecialtyGroup {
  readonly code: string;
  readonly label: string;
  readonly unknown?: true;
}

export const SPECIALTY_GROUPS: readonly SpecialtyGroup[] = [
  { code: 'surgical', label: 'Surgical' },
  { code: 'emergency_critical', label: 'Emergency, anaesthetics & critical care' },
  { code: 'paediatric', label: 'Paediatric sub-specialties' },
  { code: 'medical', label: 'Medical' },
  { code: 'womens_health', label: "Women's health" },
  { code: 'primary_care', label: 'Primary care' },
  { code: 'allied_health', label: 'Allied health professional' },
  { code: 'mental_health', label: 'Mental health' },
  { code: 'diagnostic_other', label: 'Diagnostic and other' },
  { code: 'non_uk', label: 'Non-UK provider' },
  { code: 'not_known', label: 'Not known', unknown: true },
];

export interface Specialty {
  readonly code: string;
  readonly label: string;
  /** Id in SPECIALTY_GROUPS. */
  readonly group: string;
  /** A treatment function only (valid in tretspef, not as a consultant's main specialty). */
  readonly tretspefOnly: boolean;
  readonly unknown?: true;
}

type Entry = readonly [code: string, label: string];

const MAIN: readonly (readonly [group: string, entries: readonly Entry[]])[] = [
  ['surgical', [
    ['100', 'General Surgery'], ['101', 'Urology'], ['107', 'Vascular Surgery'], ['110', 'Trauma & Orthopaedics'],
    ['120', 'ENT'], ['130', 'Ophthalmology'], ['140', 'Oral Surgery'], ['141', 'Restorative Dentistry'],
    ['142', 'Paediatric Dentistry'], ['143', 'Orthodontics'], ['145', 'Oral & Maxillofacial Surgery'],
    ['146', 'Endodontics'], ['147', 'Periodontics'], ['148', 'Prosthodontics'], ['149', 'Surgical Dentistry'],
    ['150', 'Neurosurgery'], ['160', 'Plastic Surgery'], ['170', 'Cardiothoracic Surgery'], ['171', 'Paediatric Surgery'],
  ]],
  ['emergency_critical', [
    ['180', 'Emergency Medicine'], ['190', 'Anaesthetics'], ['191', 'Pain Management (retired 2004)'],
    ['192', 'Intensive Care Medicine'], ['200', 'Aviation & Space Medicine'],
  ]],
  ['medical', [
    ['300', 'General Internal Medicine'], ['301', 'Gastroenterology'], ['302', 'Endocrinology & Diabetes'],
    ['303', 'Clinical Haematology'], ['304', 'Clinical Physiology'], ['305', 'Clinical Pharmacology'],
    ['310', 'Audio Vestibular Medicine'], ['311', 'Clinical Genetics'],
    ['312', 'Clinical Cytogenetics & Molecular Genetics (retired 2010)'], ['313', 'Clinical Immunology'],
    ['314', 'Rehabilitation Medicine'], ['315', 'Palliative Medicine'], ['317', 'Allergy'], ['320', 'Cardiology'],
    ['321', 'Paediatric Cardiology'], ['325', 'Sport & Exercise Medicine'], ['326', 'Acute Internal Medicine'],
    ['330', 'Dermatology'], ['340', 'Respiratory Medicine'], ['350', 'Infectious Diseases'], ['352', 'Tropical Medicine'],
    ['360', 'Genitourinary Medicine'], ['361', 'Renal Medicine'], ['370', 'Medical Oncology'], ['371', 'Nuclear Medicine'],
    ['400', 'Neurology'], ['401', 'Clinical Neurophysiology'], ['410', 'Rheumatology'], ['420', 'Paediatrics'],
    ['421', 'Paediatric Neurology'], ['430', 'Geriatric Medicine'], ['450', 'Dental Medicine'],
    ['451', 'Special Care Dentistry'], ['460', 'Medical Ophthalmology'],
  ]],
  ['womens_health', [
    ['501', 'Obstetrics'], ['502', 'Gynaecology'], ['504', 'Community Sexual & Reproductive Health'],
    // Retired 2004; labels from the pre-2004 list (unverified).
    ['510', 'Antenatal Clinic (retired 2004)'], ['520', 'Postnatal Clinic (retired 2004)'], ['560', 'Midwifery'],
  ]],
  // 610/620 lie outside the §3.4 ranges; as GP codes they join primary care (unverified).
  ['primary_care', [
    ['600', 'General Medical Practice'], ['601', 'General Dental Practice'],
    ['610', 'GP Maternity (retired 2004)'], ['620', 'GP Other (retired 2004)'],
  ]],
  ['mental_health', [
    ['700', 'Learning Disability'], ['710', 'Adult Mental Illness'], ['711', 'Child & Adolescent Psychiatry'],
    ['712', 'Forensic Psychiatry'], ['713', 'Medical Psychotherapy'], ['715', 'Old Age Psychiatry'],
  ]],
  ['diagnostic_other', [
    ['800', 'Clinical Oncology'], ['810', 'Radiology'], ['820', 'General Pathology'], ['821', 'Blood Transfusion'],
    ['822', 'Chemical Pathology'], ['823', 'Haematology'], ['824', 'Histopathology'], ['830', 'Immunopathology'],
    ['831', 'Medical Microbiology & Virology'], ['833', 'Medical Microbiology'], ['834', 'Medical Virology'],
    ['900', 'Community Medicine'], ['901', 'Occupational Medicine'], ['902', 'Community Health Services Dental'],
    ['903', 'Public Health Medicine'], ['904', 'Public Health Dental'], ['950', 'Nursing'],
  ]],
  ['allied_health', [['960', 'Allied Health Professional']]],
  ['non_uk', [['199', 'Non-UK provider (surgical)'], ['499', 'Non-UK provider (medical)']]],
];

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

// Paediatric sub-specialty codes in use (from the 2004 extension; the exact set is unverified).
const PAEDIATRIC_CODES = [
  ...range(211, 223), '230', '240', '241', '242', ...range(250, 264), '280', '290', '291',
];

const TRETSPEF_ONLY: readonly (readonly [group: string, entries: readonly Entry[]])[] = [
  ['surgical', [
    ['102', 'Transplant Surgery'], ['103', 'Breast Surgery'], ['104', 'Colorectal Surgery'],
    ['105', 'Hepatobiliary & Pancreatic Surgery'], ['106', 'Upper GI Surgery'], ['108', 'Spinal Surgery'],
  ]],
  ['paediatric', PAEDIATRIC_CODES.map((c) => [c, `Treatment function ${c}`] as const)],
  ['medical', [['306', 'Hepatology'], ['307', 'Diabetes'], ['328', 'Stroke Medicine']]],
  ['allied_health', range(650, 663).map((c) => [c, c === '650' ? 'Physiotherapy' : `Treatment function ${c}`] as const)],
  ['mental_health', range(720, 727).map((c) => [c, `Treatment function ${c}`] as const)],
  ['diagnostic_other', [['812', 'Diagnostic Imaging'], ['840', 'Audiology']]],
];

const flatten = (groups: typeof MAIN, tretspefOnly: boolean): Specialty[] =>
  groups.flatMap(([group, entries]) => entries.map(([code, label]) => ({ code, label, group, tretspefOnly })));

/** Every code, sorted; `&` (not known) last. */
export const SPECIALTIES: readonly Specialty[] = [
  ...[...flatten(MAIN, false), ...flatten(TRETSPEF_ONLY, true)].sort((a, b) => a.code.localeCompare(b.code)),
  { code: '&', label: 'Not known', group: 'not_known', tretspefOnly: false, unknown: true },
];
