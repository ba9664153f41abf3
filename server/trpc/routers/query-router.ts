// Pivots. Output is validated against the wire schema, so a stray field fails here rather
// than reaching a browser.
import { PivotQuerySchema } from '../../../shared/query/pivot-query';
import { PivotResultSchema } from '../../../shared/result/pivot-result';
import { runPivot } from '../../pivot/run-pivot';
import { authedProcedure, router } from '../trpc';

export const queryRouter = router({
  pivot: authedProcedure
    .input(PivotQuerySchema)
    .output(PivotResultSchema)
    .query(({ ctx, input, signal }) => runPivot(ctx.services, ctx.user, input, signal)),
});
