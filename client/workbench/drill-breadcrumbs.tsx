// The breadcrumb of each drilled-into field: "Primary diagnosis: All › II Neoplasms › C15-C26".
// Any crumb goes back up to it; the last one is where the table is now.
import type { DatasetResponse } from '../api/api-types';
import type { Draft } from '../url/workbench-draft';
import { breadcrumbs, drillUpTo } from './view-edits';

interface Props { view: DatasetResponse; draft: Draft; onChange: (edit: (d: Draft) => Draft) => void }

export function DrillBreadcrumbs({ view, draft, onChange }: Props) {
  const trails = breadcrumbs(draft);
  if (trails.length === 0) return null;
  const labels = new Map(view.fields.map((f) => [f.id, f]));
  return (
    <div className="breadcrumbs" data-testid="breadcrumbs">
      {trails.map(({ field, steps }) => {
        const f = labels.get(field);
        const top = f?.type === 'code' ? f.levels.find((l) => l.id === steps[0]?.level)?.label : undefined;
        return (
          <nav key={field} aria-label={`Drill path of ${f?.label ?? field}`} data-testid={`breadcrumb-${field}`}>
            <span className="breadcrumb-field">{f?.label ?? field}:</span>
            <ol>
              <li><button type="button" className="crumb" data-testid={`crumb-${field}-0`} onClick={() => onChange((d) => drillUpTo(d, field, 0))}>
                {top ? `All (${top})` : 'All'}
              </button></li>
              {steps.map((s, i) => (
                <li key={`${s.level}:${s.code}`}>
                  {i === steps.length - 1
                    ? <span aria-current="location" data-testid={`crumb-${field}-${i + 1}`}>{s.code === s.label ? s.label : `${s.code} ${s.label}`}</span>
                    : <button type="button" className="crumb" data-testid={`crumb-${field}-${i + 1}`} onClick={() => onChange((d) => drillUpTo(d, field, i + 1))}>
                        {s.code === s.label ? s.label : `${s.code} ${s.label}`}
                      </button>}
                </li>
              ))}
            </ol>
          </nav>
        );
      })}
    </div>
  );
}
