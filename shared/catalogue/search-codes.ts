// Code search for a field's hierarchy: by code prefix (dot- and case-insensitive) and by words
// of the label. Pure, so the server procedure and the offline browser demo share it.
import { UnknownDatasetError, UnknownFieldError, UnknownLevelError } from '../errors/domain-error';
import type { Catalogue, CodeEntry, CodeList, DatasetId } from './catalogue-types';
import { indexDataset } from './dataset-index';

export interface CodeMatch {
  readonly field: string;
  readonly level: string;
  readonly code: string;
  readonly label: string;
  /** Labels of the ancestors at the coarser levels, coarsest first. */
  readonly parentLabels: string[];
}

const normaliseCode = (s: string): string => s.replaceAll('.', '').replaceAll(' ', '').toUpperCase();
const words = (s: string): string[] => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);

// Tokenised labels and code lookups are built once per code list (lists are immutable data).
const labelWords = new WeakMap<CodeList, readonly (readonly string[])[]>();
const byCode = new WeakMap<CodeList, ReadonlyMap<string, CodeEntry>>();

function wordsOf(list: CodeList): readonly (readonly string[])[] {
  let w = labelWords.get(list);
  if (w === undefined) {
    w = list.codes.map((c) => words(c.label));
    labelWords.set(list, w);
  }
  return w;
}

function entryOf(list: CodeList, code: string): CodeEntry | undefined {
  let m = byCode.get(list);
  if (m === undefined) {
    m = new Map(list.codes.map((c) => [c.code, c]));
    byCode.set(list, m);
  }
  return m.get(code);
}

/** Every query word is a prefix of some word of the label. */
const labelMatches = (query: readonly string[], label: readonly string[]): boolean =>
  query.every((q) => label.some((w) => w.startsWith(q)));

interface Ranked { readonly match: CodeMatch; readonly tier: number; readonly levelIndex: number }

/**
 * Searches the codes of `field` (all its levels, or `opts.level`) in {@link Catalogue} `catalogue`.
 * Ranking: exact code, then code prefix, then label matches; within each, coarser levels first,
 * then by code. Returns [] for blank text; throws for an unknown dataset, field or level.
 */
export function searchCodes(
  catalogue: Catalogue, dataset: DatasetId, field: string, text: string,
  opts: { level?: string; limit?: number } = {},
): CodeMatch[] {
  const ds = catalogue.datasets.get(dataset);
  if (ds === undefined) throw new UnknownDatasetError(dataset);
  const index = indexDataset(ds);
  const f = index.fields.get(field);
  if (f === undefined) throw new UnknownFieldError(dataset, field, 'field');
  if (f.type !== 'code') return [];
  if (opts.level !== undefined && index.level(f, opts.level) === undefined) throw new UnknownLevelError(field, opts.level, 'level');
  const codeQuery = normaliseCode(text);
  const wordQuery = words(text);
  if (codeQuery.length === 0 && wordQuery.length === 0) return [];

  const lists = f.levels.map((l) => catalogue.codeLists.get(l.codeList));
  const parentLabels = (levelIndex: number, entry: CodeEntry): string[] => {
    const out: string[] = [];
    let parent = entry.parent;
    for (let i = levelIndex - 1; i >= 0 && parent !== undefined; i--) {
      const list = lists[i];
      const p = list === undefined ? undefined : entryOf(list, parent);
      if (p === undefined || p.code === entry.code) break; // pseudo codes are their own parent
      out.unshift(p.label);
      parent = p.parent;
    }
    return out;
  };

  const ranked: Ranked[] = [];
  f.levels.forEach((level, levelIndex) => {
    const list = lists[levelIndex];
    if (list === undefined || (opts.level !== undefined && level.id !== opts.level)) return;
    const labels = wordsOf(list);
    list.codes.forEach((entry, i) => {
      const code = normaliseCode(entry.code);
      const tier = codeQuery.length > 0 && code === codeQuery ? 0
        : codeQuery.length > 0 && code.startsWith(codeQuery) ? 1
        : wordQuery.length > 0 && labelMatches(wordQuery, labels[i] ?? []) ? 2
        : -1;
      if (tier < 0) return;
      ranked.push({
        tier, levelIndex,
        match: { field: f.id, level: level.id, code: entry.code, label: entry.label, parentLabels: parentLabels(levelIndex, entry) },
      });
    });
  });

  ranked.sort((a, b) =>
    a.tier - b.tier || a.levelIndex - b.levelIndex
    || (a.match.code < b.match.code ? -1 : a.match.code > b.match.code ? 1 : 0));
  return ranked.slice(0, opts.limit ?? 50).map((r) => r.match);
}
