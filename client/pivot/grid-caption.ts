// The grid's caption: measures by fields · dataset years, plus what the figures are shares of
// when the model shows percentages, so a screenshot or screen reader says what it is.
import type { GridModel, ShowAs } from './grid-model';
import { fieldHeading } from './pivot-columns';

const listText = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`);

const SHOW_AS_TEXT = new Map<ShowAs, string>([
  ['row', '% of row total'], ['column', '% of column total'], ['total', '% of grand total'], ['parent', '% of parent row'],
]);

export function gridCaption(model: GridModel): string {
  const { result } = model;
  const fields = [...result.rowFields, ...result.columnFields].map(fieldHeading);
  const years = result.years.map((y) => `20${y.slice(0, 2)}-${y.slice(2)}`).join(', ');
  const base = `${result.measures.map((m) => m.label).join(', ')}${fields.length > 0 ? ` by ${listText(fields)}` : ''} · ${result.dataset.toUpperCase()} ${years}`;
  const shares = model.percent.some(Boolean) ? SHOW_AS_TEXT.get(model.showAs) : undefined;
  return shares ? `${base} · ${shares}` : base;
}
