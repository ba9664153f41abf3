// ICD-10 weights and slot lists: curated codes exist, picks stay in chapter, sex and era.

import { describe, expect, it } from 'vitest';
import { loadIcd10 } from '../reference/load-icd10';
import { CAUSE_HEAD, CHILD_HEAD, expandEntry, OP_DIAGNOSES, PRIMARY_HEAD, SECONDARY_ADULT, SECONDARY_CHILD } from './icd-weights';
import { buildIcdLists, DIAG_KEYS, DIAG_SLOTS, diagKey } from './lookup-icd';

const icd = loadIcd10();
const lists = buildIcdLists(icd);
const column = (name: string) => lists.columns.find((c) => c.name === name)?.values ?? [];
const codeOfId = column('icd4');
const chapterOf = (code: string) => icd.ancestors(code)?.chapter;

describe('ICD-10 weights and lookup lists', () => {
  it('every curated entry names selectable codes of its own chapter', () => {
    const check = (key: string, entries: readonly (readonly [string, number])[]) => {
      const chapter = key === 'XV-delivery' ? 'XV' : key === 'XXII-pre' ? 'XXII' : key.replace('-birth', '');
      for (const [code] of entries) {
        const codes = expandEntry(icd, code);
        expect(codes.length, `${key} ${code}`).toBeGreaterThan(0);
        for (const c of codes) expect(chapterOf(c), `${key} ${c}`).toBe(chapter);
      }
    };
    for (const [key, entries] of PRIMARY_HEAD) check(key, entries);
    for (const [key, entries] of CHILD_HEAD) check(key, entries);
    for (const [code] of [...SECONDARY_ADULT, ...SECONDARY_CHILD, ...OP_DIAGNOSES]) {
      expect(icd.byLevel('code4').get(code)?.selectable, code).toBe(true);
      expect(chapterOf(code), code).not.toBe('XX');
    }
    for (const [code] of CAUSE_HEAD) for (const c of expandEntry(icd, code)) expect(chapterOf(c)).toBe('XX');
  });

  it('primary-diagnosis slots hold selectable codes of the right chapter, never C42 or XX, sex-appropriate', () => {
    const picks = column('diag_pick');
    DIAG_KEYS.forEach((key) => {
      const chapter = key === 'XV-delivery' ? 'XV' : key === 'XXII-pre' ? 'XXII' : key.replace('-birth', '');
      for (const sexClass of [0, 1, 2]) {
        const k = diagKey(key, sexClass, false);
        const codes = new Set(picks.slice(k * DIAG_SLOTS, (k + 1) * DIAG_SLOTS).map((id) => String(codeOfId[Number(id) - 1])));
        for (const c of codes) {
          expect(chapterOf(c), `${key} ${c}`).toBe(chapter);
          expect(c.startsWith('C42')).toBe(false);
          if (sexClass === 0 && key !== 'XV' && key !== 'XV-delivery') expect(/^(N[7-9]|C5[1-8])/.test(c), `${key} male ${c}`).toBe(false);
        }
        if (key === 'XXII-pre') expect([...codes].some((c) => c.startsWith('U07'))).toBe(false);
        if (key === 'XXI-birth') for (const c of codes) expect(c.startsWith('Z38')).toBe(true);
      }
    });
  });
});
