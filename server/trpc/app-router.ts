// The whole API. The client imports only `type AppRouter` from here.
import { authRouter } from './routers/auth-router';
import { catalogueRouter } from './routers/catalogue-router';
import { queryRouter } from './routers/query-router';
import { router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  catalogue: catalogueRouter,
  query: queryRouter,
});

export type AppRouter = typeof appRouter;
