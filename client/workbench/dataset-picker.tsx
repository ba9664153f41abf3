// Chooses the dataset (APC, OP, A&E). Switching starts a fresh view of the new dataset,
// keeping the chosen years where it has them.
import { useQuery } from '@tanstack/react-query';
import type { DatasetId } from '../../shared/catalogue/catalogue-types';
import { DatasetIdSchema } from '../../shared/catalogue/catalogue-types';
import { useTRPC } from '../api/trpc';

export function DatasetPicker({ value, onChange }: { value: DatasetId; onChange: (id: DatasetId) => void }) {
  const trpc = useTRPC();
  const datasets = useQuery(trpc.catalogue.datasets.queryOptions());
  const options = datasets.data ?? [];
  return (
    <div className="panel">
      <label className="panel-title" htmlFor="dataset-select">Dataset</label>
      <select id="dataset-select" data-testid="dataset-select" value={value}
        onChange={(e) => { const id = DatasetIdSchema.safeParse(e.target.value); if (id.success) onChange(id.data); }}>
        {options.length === 0 && <option value={value}>{value.toUpperCase()}</option>}
        {options.map((d) => <option key={d.id} value={d.id} title={d.description}>{d.label}</option>)}
      </select>
      {datasets.isError && <p className="error-message" role="alert">{datasets.error.message}</p>}
    </div>
  );
}
