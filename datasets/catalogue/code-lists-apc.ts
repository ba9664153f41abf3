// Admitted patient care code lists (hes-data.md §1.2, §2.2, §2.6). Historic codes are kept so
// older years label correctly; their dates are in the labels.
import type { CodeList } from '../../shared/catalogue/catalogue-types';
import { codeList, type CodeTuple } from './define-code-list';

const admimeth = codeList('admimeth', 'Method of admission', [
  ['11', 'Elective: waiting list'], ['12', 'Elective: booked'], ['13', 'Elective: planned'],
  ['21', 'Emergency: via A&E (incl. dental casualty), this provider'], ['22', 'Emergency: via GP'],
  ['23', 'Emergency: via bed bureau'], ['24', 'Emergency: via consultant clinic'],
  ['25', 'Emergency: via mental health crisis resolution team'],
  ['2A', 'Emergency: via A&E of another provider, not admitted there'],
  ['2B', 'Emergency: transfer of an admitted patient from another provider'],
  ['2C', 'Emergency: baby born at home as intended'], ['2D', 'Emergency: other emergency admission'],
  ['28', 'Emergency: other means (before 2013-14)'],
  ['31', 'Maternity: ante partum'], ['32', 'Maternity: post partum'],
  ['81', 'Transfer of a non-emergency patient from another provider'], ['82', 'Birth in this provider'],
  ['83', 'Baby born outside the provider, not at home as intended'],
  ['84', 'Admission by high-security psychiatric admissions panel (1999-2006)'],
  ['89', 'High-security psychiatric hospital waiting list (1999-2006)'],
  ['98', 'Not applicable', 'unknown'], ['99', 'Not known', 'unknown'],
]);

const admimethGroup = codeList('admimeth_group', 'Admission method group', [
  ['emergency', 'Emergency'], ['elective_waiting_list', 'Elective: waiting list or booked'],
  ['elective_planned', 'Elective: planned'], ['maternity', 'Maternity'], ['other', 'Other (incl. transfers, births, not known)'],
]);

const admimethPub = codeList('admimeth_pub', 'Admission method (publication groups)', [
  ['emergency', 'Emergency'], ['waiting_list', 'Waiting list'], ['planned', 'Planned'], ['other', 'Other'],
]);

const emergency = codeList('emergency', 'Emergency admission', [['1', 'Emergency'], ['0', 'Not emergency']]);

/** Residence and institution codes shared by source of admission and destination on discharge. */
const PLACES: readonly CodeTuple[] = [
  ['19', 'Usual place of residence (incl. no fixed abode)'], ['29', 'Temporary place of residence'],
  ['30', 'Repatriation from high-security psychiatric hospital (1999-00 to 2006-07)'],
  ['37', 'Court (1999-00 to 2006-07)'], ['38', 'Police station (1999-00 to 2006-07)'],
  ['39', 'Penal establishment, court or police custody'],
  ['48', 'High-security psychiatric hospital, Scotland'], ['49', 'NHS high-security psychiatric hospital'],
  ['50', 'NHS medium secure unit'], ['51', 'NHS other provider: general ward, young physically disabled or A&E'],
  ['52', 'NHS other provider: maternity or neonatal ward'],
  ['53', 'NHS other provider: mental illness or learning disability ward'], ['54', 'NHS-run care home'],
  ['65', 'Local authority residential accommodation'], ['66', 'Local authority foster care'],
];

const admisorc = codeList('admisorc', 'Source of admission', [
  ...PLACES,
  ['69', 'Local authority home or care (1989-90 to 1995-96)'], ['79', 'Baby born in or on the way to hospital'],
  ['85', 'Non-NHS care home'], ['86', 'Non-NHS nursing home'], ['87', 'Non-NHS hospital'], ['88', 'Non-NHS hospice'],
  ['89', 'Non-NHS institution'], ['98', 'Not applicable', 'unknown'], ['99', 'Not known', 'unknown'],
]);

const disdest = codeList('disdest', 'Destination on discharge', [
  ...PLACES,
  ['79', 'Not applicable: patient died or stillbirth'], ['84', 'Non-NHS medium secure unit'],
  ['85', 'Non-NHS care home'], ['87', 'Non-NHS hospital'], ['88', 'Non-NHS hospice'],
  ['98', 'Not applicable: spell not finished', 'unknown'], ['99', 'Not known', 'unknown'],
]);

const dismeth = codeList('dismeth', 'Method of discharge', [
  ['1', 'On clinical advice or with clinical consent'], ['2', 'Self-discharged, or discharged by relative or advocate'],
  ['3', 'By mental health review tribunal, Home Secretary or court'], ['4', 'Died'], ['5', 'Stillbirth'],
  ['8', 'Not applicable: spell not finished', 'unknown'], ['9', 'Not known', 'unknown'],
]);

const classpat = codeList('classpat', 'Patient classification', [
  ['1', 'Ordinary admission'], ['2', 'Day case'], ['3', 'Regular day attender'], ['4', 'Regular night attender'],
  ['5', 'Mothers and babies using delivery facilities only'],
  ['8', 'Not applicable (other maternity event)', 'unknown'], ['9', 'Not known', 'unknown'],
]);

const intmanig = codeList('intmanig', 'Intended management', [
  ['1', 'At least one night in hospital'], ['2', 'No overnight stay'], ['3', 'Planned series with overnight stays'],
  ['4', 'Planned series, no overnight stay'], ['5', 'Regular nights'],
  ['8', 'Not applicable', 'unknown'], ['9', 'Not known', 'unknown'],
]);

const epitype = codeList('epitype', 'Episode type', [
  ['1', 'General episode'], ['2', 'Delivery episode'], ['3', 'Birth episode'],
  ['4', 'Formally detained or long-stay psychiatric (to 2016-17)'], ['5', 'Other delivery event'], ['6', 'Other birth event'],
]);

const epiorder = codeList('epiorder', 'Episode order', [
  ['01', 'First episode of the spell (admission episode)'],
  ...Array.from({ length: 86 }, (_, i) => [String(i + 2).padStart(2, '0'), `Episode ${i + 2} of the spell`] as const),
  ['98', 'Not applicable', 'unknown'], ['99', 'Not known', 'unknown'],
]);

const spelbgin = codeList('spelbgin', 'Beginning of spell', [
  ['0', 'Not the first episode of a spell'], ['1', 'First episode of a spell that began in a previous year'],
  ['2', 'First episode of a spell that began in this year'],
]);

const spelend = codeList('spelend', 'End of spell', [['Y', 'Last episode of a finished spell'], ['N', 'Not the last episode of the spell']]);

const operstat = codeList('operstat', 'Operation status', [
  ['1', 'Operated on'], ['8', 'No operation performed'], ['9', 'Not known', 'unknown'],
]);

const losBand = codeList('los_band', 'Length of stay band', [
  ['0', '0 days (same day)'], ['1', '1 day'], ['2-3', '2-3 days'], ['4-7', '4-7 days'], ['8-14', '8-14 days'],
  ['15-28', '15-28 days'], ['29+', '29 days or more'], ['Unknown', 'Not known', 'unknown'],
]);

export const APC_CODE_LISTS: readonly CodeList[] = [
  admimeth, admimethGroup, admimethPub, emergency, admisorc, disdest, dismeth, classpat, intmanig, epitype,
  epiorder, spelbgin, spelend, operstat, losBand,
];
