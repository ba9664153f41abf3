// OPCS-4 procedure hierarchy (chapter → 3-char category → 4-char subcategory), hes-data.md §3.2.
// No complete OPCS-4 table ships, so OPCS4 is built from a curated subset; buildOpcs4 accepts a
// full table (code without dot, title, optional chapter) later with no code change.

export interface Opcs4Node {
  readonly code: string;
  readonly label: string;
  readonly level: 'chapter' | 'code3' | 'code4';
  readonly parent: string | null;
}

export interface Opcs4Table {
  readonly chapters: readonly Opcs4Node[];
  readonly codes3: readonly Opcs4Node[];
  readonly codes4: readonly Opcs4Node[];
  /** Chapter and 3-char category of a 4-char code; undefined outside the hierarchy ('-', X997…). */
  readonly ancestors: (code4: string) => { chapter: string; code3: string } | undefined;
}

export interface Opcs4Row {
  /** 'W37' or 'W371' (no dot); a single letter gives a chapter title. */
  readonly code: string;
  readonly title: string;
  /** Chapter letter when it is not the code's first letter (overflow codes). */
  readonly chapter?: string;
}

/** Chapter titles (letters A–Z, no I). */
export const OPCS4_CHAPTERS: readonly { code: string; label: string }[] = [
  { code: 'A', label: 'Nervous system' },
  { code: 'B', label: 'Endocrine system and breast' },
  { code: 'C', label: 'Eye' },
  { code: 'D', label: 'Ear' },
  { code: 'E', label: 'Respiratory tract' },
  { code: 'F', label: 'Mouth' },
  { code: 'G', label: 'Upper digestive tract' },
  { code: 'H', label: 'Lower digestive tract' },
  { code: 'J', label: 'Other abdominal organs, principally digestive' },
  { code: 'K', label: 'Heart' },
  { code: 'L', label: 'Arteries and veins' },
  { code: 'M', label: 'Urinary' },
  { code: 'N', label: 'Male genital organs' },
  { code: 'O', label: 'Overflow codes' },
  { code: 'P', label: 'Lower female genital tract' },
  { code: 'Q', label: 'Upper female genital tract' },
  { code: 'R', label: 'Female genital tract associated with pregnancy, childbirth and the puerperium' },
  { code: 'S', label: 'Skin' },
  { code: 'T', label: 'Soft tissue' },
  { code: 'U', label: 'Diagnostic imaging, testing and rehabilitation' },
  { code: 'V', label: 'Bones and joints of skull and spine' },
  { code: 'W', label: 'Other bones and joints' },
  { code: 'X', label: 'Miscellaneous operations' },
  { code: 'Y', label: 'Subsidiary classification of methods of operation' },
  { code: 'Z', label: 'Subsidiary classification of sites of operation' },
];

/** Codes HES records in procedure fields that are not procedures (§1.6): outside the hierarchy. */
export const OPCS4_PLACEHOLDERS: readonly { code: string; label: string; unknown: boolean }[] = [
  { code: '-', label: 'No operation', unknown: false },
  { code: '&', label: 'Procedure not known', unknown: true },
  { code: 'X997', label: 'Placeholder code X99.7 (submitted in error)', unknown: true },
  { code: 'X998', label: 'Placeholder code X99.8 (submitted in error)', unknown: true },
  { code: 'X999', label: 'Placeholder code X99.9 (submitted in error)', unknown: true },
];

const PLACEHOLDER_CODES = new Set(OPCS4_PLACEHOLDERS.map((p) => p.code));

export function buildOpcs4(rows: readonly Opcs4Row[]): Opcs4Table {
  const chapters = new Map(OPCS4_CHAPTERS.map((c) => [c.code, { code: c.code, label: c.label, level: 'chapter', parent: null } as Opcs4Node]));
  const codes3 = new Map<string, Opcs4Node>();
  const codes4 = new Map<string, Opcs4Node>();
  const clean = rows
    .map((r) => ({ ...r, code: r.code.replace('.', '').trim().toUpperCase(), title: r.title.trim() }))
    .filter((r) => !PLACEHOLDER_CODES.has(r.code));

  for (const r of clean.filter((x) => x.code.length === 1)) {
    chapters.set(r.code, { code: r.code, label: r.title, level: 'chapter', parent: null });
  }
  const chapterOf = (r: { code: string; chapter?: string }) => r.chapter ?? r.code.slice(0, 1);
  for (const r of clean.filter((x) => x.code.length === 3)) {
    codes3.set(r.code, { code: r.code, label: r.title, level: 'code3', parent: chapterOf(r) });
  }
  for (const r of clean.filter((x) => x.code.length === 4)) {
    const code3 = r.code.slice(0, 3);
    // A full table always lists the category; a partial one may not, so make a stand-in.
    if (!codes3.has(code3)) {
      codes3.set(code3, { code: code3, label: `OPCS-4 category ${code3}`, level: 'code3', parent: chapterOf(r) });
    }
    codes4.set(r.code, { code: r.code, label: r.title, level: 'code4', parent: code3 });
  }
  for (const c3 of codes3.values()) {
    if (c3.parent !== null && !chapters.has(c3.parent)) {
      chapters.set(c3.parent, { code: c3.parent, label: `OPCS-4 chapter ${c3.parent}`, level: 'chapter', parent: null });
    }
  }

  const byCode = (a: Opcs4Node, b: Opcs4Node) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  return {
    chapters: [...chapters.values()].sort(byCode),
    codes3: [...codes3.values()].sort(byCode),
    codes4: [...codes4.values()].sort(byCode),
    ancestors: (code4) => {
      const c3 = codes4.get(code4)?.parent;
      const chapter = c3 === undefined || c3 === null ? undefined : codes3.get(c3)?.parent;
      return c3 && chapter ? { chapter, code3: c3 } : undefined;
    },
  };
}

// ---- Curated subset (§3.2). Titles other than W37, W37.1, C71.2, C75.1, Z94.1–3 are unverified.

const CATEGORIES: readonly (readonly [code: string, title: string, subcategories?: readonly (readonly [string, string])[]])[] = [
  ['A65', 'Release of entrapment of peripheral nerve', [['A651', 'Carpal tunnel release']]],
  ['B27', 'Total excision of breast'],
  ['B28', 'Other excision of breast'],
  ['C71', 'Extracapsular extraction of lens', [['C712', 'Phacoemulsification of lens']]],
  ['C72', 'Intracapsular extraction of lens'],
  ['C74', 'Other extraction of lens'],
  ['C75', 'Prosthesis of lens', [['C751', 'Insertion of prosthetic replacement for lens NEC']]],
  ['D15', 'Drainage of middle ear'],
  ['F34', 'Excision of tonsil'],
  ['G45', 'Fibreoptic endoscopic examination of upper gastrointestinal tract'],
  ['H01', 'Emergency excision of appendix'],
  ['H22', 'Diagnostic endoscopic examination of colon'],
  ['H25', 'Diagnostic endoscopic examination of lower bowel using fibreoptic sigmoidoscope'],
  ['J18', 'Excision of gall bladder'],
  ['K40', 'Saphenous vein graft replacement of coronary artery'],
  ['K45', 'Connection of thoracic artery to coronary artery'],
  ['K46', 'Other bypass of coronary artery'],
  ['K49', 'Transluminal balloon angioplasty of coronary artery'],
  ['K60', 'Cardiac pacemaker system introduced through vein'],
  ['K63', 'Contrast radiology of heart'],
  ['K75', 'Percutaneous transluminal balloon angioplasty and insertion of stent into coronary artery'],
  ['M45', 'Diagnostic endoscopic examination of bladder'],
  ['M65', 'Endoscopic resection of outlet of male bladder'],
  ['Q07', 'Abdominal excision of uterus'],
  ['Q18', 'Diagnostic endoscopic examination of uterus'],
  ['R17', 'Elective caesarean delivery'],
  ['R18', 'Other caesarean delivery'],
  ['R24', 'Normal delivery'],
  ['T20', 'Primary repair of inguinal hernia'],
  ['W37', 'Total prosthetic replacement of hip joint using cement', [['W371', 'Primary total prosthetic replacement of hip joint using cement']]],
  ['W38', 'Total prosthetic replacement of hip joint not using cement'],
  ['W39', 'Other total prosthetic replacement of hip joint'],
  ['W40', 'Total prosthetic replacement of knee joint using cement', [['W401', 'Primary total prosthetic replacement of knee joint using cement']]],
  ['W41', 'Total prosthetic replacement of knee joint not using cement'],
  ['W42', 'Other total prosthetic replacement of knee joint'],
  ['W46', 'Prosthetic replacement of head of femur using cement'],
  ['W47', 'Prosthetic replacement of head of femur not using cement'],
  ['W48', 'Other prosthetic replacement of head of femur'],
  ['W82', 'Therapeutic endoscopic operations on semilunar cartilage'],
  ['X35', 'Other intravenous injection'],
  ['X72', 'Delivery of chemotherapy for neoplasm'],
  ['Y75', 'Minimal access to abdominal cavity'],
  ['Z94', 'Laterality of operation', [['Z941', 'Bilateral operation'], ['Z942', 'Right sided operation'], ['Z943', 'Left sided operation']]],
];

/** 'Total prosthetic…' → 'total prosthetic…' (keeps acronyms such as 'NEC' as written). */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** The curated rows, each category with its `.8` Other specified and `.9` Unspecified children. */
export const OPCS4_CURATED_ROWS: readonly Opcs4Row[] = CATEGORIES.flatMap(([code, title, subs = []]) => [
  { code, title },
  ...subs.map(([c, t]) => ({ code: c, title: t })),
  { code: `${code}8`, title: `Other specified ${lowerFirst(title)}` },
  { code: `${code}9`, title: `Unspecified ${lowerFirst(title)}` },
]);

export const OPCS4: Opcs4Table = buildOpcs4(OPCS4_CURATED_ROWS);
