// ICD-10 hierarchy (chapter → block → 3-char → 4-char) built from the UK Biobank "coding 19"
// table shipped beside this file. Pure: takes the TSV text, so server, generator and the
// browser demo can all build it. Rules follow hes-data.md §3.1.

export type Icd10Level = 'chapter' | 'block' | 'code3' | 'code4';

export interface Icd10Node {
  /** 'IX' for chapters, 'J09-J18' for blocks, 'J18' for 3-char, 'J181' / 'I10X' for 4-char. */
  readonly code: string;
  readonly label: string;
  readonly level: Icd10Level;
  /** Code of the node one level up; null for chapters. */
  readonly parent: string | null;
  /** May be recorded in HES (4-char codes, and X-padded 3-char leaves). */
  readonly selectable: boolean;
}

export interface Icd10Table {
  readonly chapters: readonly Icd10Node[];
  readonly blocks: readonly Icd10Node[];
  readonly codes3: readonly Icd10Node[];
  readonly codes4: readonly Icd10Node[];
  /** Five-character UK extensions: labels and search only, never generated or grouped. */
  readonly codes5: readonly Icd10Node[];
  readonly byLevel: (level: Icd10Level) => ReadonlyMap<string, Icd10Node>;
  /** Chapter, block and 3-char code of a 4-char code (walks the parents; never the letter). */
  readonly ancestors: (code4: string) => { chapter: string; block: string; code3: string } | undefined;
}

// Labels the source table words as placeholders.
const LABEL_OVERRIDES: Record<string, string> = {
  U071: 'COVID-19, virus identified',
  U072: 'COVID-19, virus not identified',
};

interface Row { coding: string; meaning: string; nodeId: string; parentId: string; selectable: boolean }

function parseRows(tsv: string): Row[] {
  const lines = tsv.split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines.shift();
  if (header === undefined || !header.startsWith('coding\tmeaning\tnode_id\tparent_id\tselectable')) {
    throw new Error('icd10.tsv: unexpected header');
  }
  return lines.map((line) => {
    const [coding = '', meaning = '', nodeId = '', parentId = '', selectable = ''] = line.split('\t');
    return { coding, meaning, nodeId, parentId, selectable: selectable === 'Y' };
  });
}

/** 'N39.0 Urinary tract infection…' → 'Urinary tract infection…'; chapters drop 'Chapter IX '. */
function stripCode(row: Row): string {
  const words = row.meaning.split(' ');
  const skip = row.coding.startsWith('Chapter ') ? 2 : 1;
  return words.slice(skip).join(' ').trim();
}

function kindOf(row: Row): Icd10Level | 'code5' {
  if (row.coding.startsWith('Chapter ')) return 'chapter';
  if (row.coding.startsWith('Block ')) return 'block';
  if (row.coding.length === 3) return 'code3';
  if (row.coding.length === 4) return 'code4';
  return 'code5';
}

export function parseIcd10(tsv: string): Icd10Table {
  // The table lists chapters as text sorts them (I, II, III, IV, IX, V…); node_id is the
  // classification's own order, so chapter IX comes after VIII.
  const all = parseRows(tsv);
  const chapterRows = all.filter((r) => kindOf(r) === 'chapter').sort((x, y) => Number(x.nodeId) - Number(y.nodeId));
  const rows = [...chapterRows, ...all.filter((r) => kindOf(r) !== 'chapter')];
  const byNodeId = new Map(rows.map((r) => [r.nodeId, r]));
  const codeOf = (r: Row): string => {
    const k = kindOf(r);
    if (k === 'chapter') return r.coding.slice('Chapter '.length);
    if (k === 'block') return r.coding.slice('Block '.length);
    return r.coding;
  };
  const parentRow = (r: Row) => byNodeId.get(r.parentId);
  const levels: Record<Icd10Level, Map<string, Icd10Node>> = {
    chapter: new Map(), block: new Map(), code3: new Map(), code4: new Map(),
  };
  const codes5: Icd10Node[] = [];
  const hasChildren = new Set(rows.map((r) => r.parentId));

  for (const r of rows) {
    const kind = kindOf(r);
    const p = parentRow(r);
    const parent = p ? codeOf(p) : null;
    let label = LABEL_OVERRIDES[r.coding] ?? stripCode(r);
    if (kind === 'code5') {
      codes5.push({ code: r.coding, label, level: 'code4', parent: r.coding.slice(0, 4), selectable: r.selectable });
      continue;
    }
    if (kind === 'code4' && p && /^(With|Without) /.test(label)) label = `${stripCode(p)} — ${label}`;
    levels[kind].set(codeOf(r), {
      code: codeOf(r), label, level: kind, parent,
      // Chapters and blocks are never recorded: ignore `selectable` on them (M30-M36 says Y).
      selectable: kind === 'code4' ? r.selectable : false,
    });
    // A 3-char category with no 4-char children is stored by HES X-padded (I10 → I10X).
    if (kind === 'code3' && (!hasChildren.has(r.nodeId) || r.coding === 'M45')) {
      levels.code4.set(`${r.coding}X`, { code: `${r.coding}X`, label, level: 'code4', parent: r.coding, selectable: true });
    }
  }
  // Five-char rows hung directly from a block (M45X0, T08X0…) need their X-padded parents.
  for (const c of codes5) {
    const code3 = c.code.slice(0, 3);
    if (!levels.code4.has(c.code.slice(0, 4)) && levels.code3.has(code3) && c.code[3] === 'X') {
      const p3 = levels.code3.get(code3)!;
      levels.code4.set(`${code3}X`, { code: `${code3}X`, label: p3.label, level: 'code4', parent: code3, selectable: true });
    }
  }

  const ancestorsCache = new Map<string, { chapter: string; block: string; code3: string }>();
  for (const c4 of levels.code4.values()) {
    const c3 = c4.parent === null ? undefined : levels.code3.get(c4.parent);
    const block = c3?.parent == null ? undefined : levels.block.get(c3.parent);
    if (c3 && block?.parent) ancestorsCache.set(c4.code, { chapter: block.parent, block: block.code, code3: c3.code });
  }

  return {
    chapters: [...levels.chapter.values()],
    blocks: [...levels.block.values()],
    codes3: [...levels.code3.values()],
    codes4: [...levels.code4.values()],
    codes5,
    byLevel: (level) => levels[level],
    ancestors: (code4) => ancestorsCache.get(code4),
  };
}
