// Sign in and out. A wrong email and a wrong password get the same answer.
import { z } from 'zod';
import { InvalidCredentialsError } from '../../../shared/errors/domain-error';
import { verifyPassword } from '../../auth/passwords';
import { clearSessionCookie, readSessionToken, SESSION_TTL_MS, setSessionCookie } from '../../auth/session-cookie';
import { authedProcedure, publicProcedure, router } from '../trpc';

const publicUser = (u: { email: string; name: string; role: string }) => ({ email: u.email, name: u.name, role: u.role });

export const authRouter = router({
  login: publicProcedure
    .input(z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(256) }))
    .mutation(async ({ ctx, input }) => {
      const user = ctx.services.store.findUserByEmail(input.email);
      // Verify even for an unknown email would cost the same time; refuse uniformly.
      if (!user || !(await verifyPassword(user.passwordHash, input.password))) throw new InvalidCredentialsError();
      const token = ctx.services.store.createSession(user.id, SESSION_TTL_MS);
      setSessionCookie(ctx.res, token, ctx.req.secure);
      return { user: publicUser(user) };
    }),
  logout: authedProcedure.mutation(({ ctx }) => {
    const token = readSessionToken(ctx.req);
    if (token) ctx.services.store.deleteSession(token);
    clearSessionCookie(ctx.res);
    return { ok: true as const };
  }),
  me: authedProcedure.query(({ ctx }) => ({ user: publicUser(ctx.user) })),
});
