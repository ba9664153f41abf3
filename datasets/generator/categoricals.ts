// Small categorical distributions the generator draws codes from (admission method, source,
// destination, …). Each list holds several named distributions; SQL picks a slot of the
// distribution chosen per stratum. Code meanings: hes-data.md §2. Shares are plausible choices.

type Dist = readonly (readonly [code: string, weight: number])[];

export const CATEGORICALS = {
  admimeth: {
    emergency: [['21', 66], ['22', 13], ['23', 1], ['24', 3], ['2A', 2], ['2B', 2], ['2D', 13]],
    emergencyMental: [['21', 55], ['22', 10], ['24', 3], ['25', 20], ['2A', 2], ['2B', 2], ['2D', 8]],
    waitingList: [['11', 82], ['12', 18]],
    planned: [['13', 1]],
    maternityDelivery: [['31', 1]],
    maternityOther: [['31', 40], ['32', 60]],
    birth: [['82', 95], ['83', 5]],
    transfer: [['81', 97], ['99', 3]],
  },
  admisorc: {
    usual: [['19', 955], ['29', 10], ['39', 2], ['54', 5], ['65', 5], ['85', 10], ['86', 8], ['87', 2], ['99', 3]],
    usualOld: [['19', 880], ['29', 5], ['54', 20], ['65', 20], ['85', 35], ['86', 30], ['99', 10]],
    transfer: [['51', 85], ['52', 2], ['53', 5], ['87', 8]],
    birth: [['79', 1]],
    maternity: [['19', 97], ['29', 2], ['99', 1]],
  },
  disdest: {
    home: [['19', 955], ['29', 10], ['51', 15], ['54', 4], ['65', 4], ['85', 4], ['87', 3], ['88', 2], ['99', 3]],
    homeOld: [['19', 860], ['29', 5], ['51', 30], ['54', 25], ['65', 20], ['85', 40], ['87', 5], ['88', 10], ['99', 5]],
    maternity: [['19', 985], ['51', 10], ['99', 5]],
  },
  dismeth: {
    usual: [['1', 975], ['2', 15], ['9', 10]],
    mental: [['1', 930], ['2', 40], ['3', 20], ['9', 10]],
  },
  intmanig: {
    emergency: [['1', 985], ['9', 15]],
    electiveOrdinary: [['1', 88], ['2', 10], ['9', 2]],
    dayCase: [['2', 1]],
    regularDay: [['4', 1]],
    regularNight: [['5', 1]],
    other: [['1', 97], ['8', 2], ['9', 1]],
  },
  admincat: {
    all: [['01', 985], ['02', 11], ['99', 4]],
  },
  ethnos: {
    all: [['A', 740], ['B', 9], ['C', 50], ['D', 8], ['E', 4], ['F', 6], ['G', 8], ['H', 28], ['J', 24], ['K', 9],
      ['L', 17], ['M', 11], ['N', 22], ['P', 5], ['R', 4], ['S', 18], ['Z', 25], ['99', 12]],
  },
  imd: {
    all: [['01', 120], ['02', 115], ['03', 110], ['04', 105], ['05', 100], ['06', 98], ['07', 92], ['08', 90], ['09', 85], ['10', 85]],
  },
  rururb: {
    other: [['1', 30], ['2', 4], ['3', 44], ['4', 1], ['5', 10], ['6', 1], ['7', 9], ['8', 1]],
    london: [['1', 97], ['3', 3]],
  },
  // OP
  opPriority: { all: [['1', 74], ['2', 16], ['3', 7], ['9', 3]] },
  opRefsourc: {
    all: [['03', 52], ['05', 14], ['04', 3], ['10', 4], ['01', 3], ['11', 8], ['06', 2], ['12', 2], ['13', 2],
      ['14', 2], ['15', 2], ['17', 1], ['92', 1], ['08', 2], ['97', 1], ['99', 1]],
  },
  opStafftyp: { all: [['03', 78], ['04', 19], ['08', 1], ['99', 2]] },
  // A&E
  aeRefsource: {
    all: [['01', 650], ['03', 200], ['00', 70], ['07', 30], ['08', 20], ['06', 10], ['05', 5], ['04', 5], ['02', 2], ['92', 1], ['93', 1], ['99', 6]],
  },
  aePatgroup: { hesae: [['10', 20], ['20', 20], ['30', 10], ['40', 30], ['50', 0.2], ['60', 300], ['80', 550], ['99', 70]] },
  aeInclocType: { hesae: [['10', 40], ['40', 2], ['50', 2], ['60', 10], ['91', 30], ['99', 16]] },
  aeAcuity: {
    admitted: [['1', 3], ['2', 30], ['3', 50], ['4', 15], ['5', 2]],
    other: [['1', 0.5], ['2', 10], ['3', 40], ['4', 38], ['5', 11.5]],
  },
  aeAttendcat: {
    major: [['1', 93], ['2', 3.5], ['3', 3], ['9', 0.5]],
    minor: [['1', 95], ['2', 2], ['3', 2.5], ['9', 0.5]],
  },
} as const satisfies Record<string, Record<string, Dist>>;

export type CategoricalName = keyof typeof CATEGORICALS;

/** Slots per distribution: the smallest share drawn is 1 / CATEGORICAL_SLOTS. */
export const CATEGORICAL_SLOTS = 1000;

/** Index of a named distribution inside its list (the SQL key). */
export function distIndex<N extends CategoricalName>(name: N, dist: keyof (typeof CATEGORICALS)[N]): number {
  const i = Object.keys(CATEGORICALS[name]).indexOf(String(dist));
  if (i < 0) throw new RangeError(`no distribution ${String(dist)} in ${name}`);
  return i;
}
