// The catalogue as the client sees it: datasets, fields, levels, measures, code search.
import { z } from 'zod';
import { DatasetIdSchema } from '../../../shared/catalogue/catalogue-types';
import { toDatasetView } from '../../../shared/catalogue/dataset-view';
import { searchCodes } from '../../../shared/catalogue/search-codes';
import { UnknownDatasetError } from '../../../shared/errors/domain-error';
import { authedProcedure, router } from '../trpc';

export const catalogueRouter = router({
  datasets: authedProcedure.query(({ ctx }) =>
    [...ctx.services.catalogue.datasets.values()].map((d) => ({ id: d.id, label: d.label, description: d.description, years: d.years }))),
  dataset: authedProcedure.input(z.object({ id: DatasetIdSchema })).query(({ ctx, input }) => {
    const dataset = ctx.services.catalogue.datasets.get(input.id);
    if (!dataset) throw new UnknownDatasetError(input.id);
    return toDatasetView(dataset, ctx.services.catalogue);
  }),
  searchCodes: authedProcedure
    .input(z.object({
      dataset: DatasetIdSchema,
      field: z.string().min(1).max(64),
      text: z.string().max(100),
      level: z.string().min(1).max(64).optional(),
      limit: z.number().int().min(1).max(200).optional(),
    }))
    .query(({ ctx, input }) => searchCodes(ctx.services.catalogue, input.dataset, input.field, input.text, {
      ...(input.level !== undefined ? { level: input.level } : {}),
      ...(input.limit !== undefined ? { limit: input.limit } : {}),
    })),
});
