// tRPC instance, context and the two procedure kinds (public, authed). Errors leave without
// stacks; domain errors carry their code; anything unexpected becomes a fixed message with an
// incident id, and the full error goes only to the server log under that id.
import { randomUUID } from 'node:crypto';
import { initTRPC, TRPCError } from '@trpc/server';
import type { Request, Response } from 'express';
import { DomainError, NotAuthenticatedError } from '../../shared/errors/domain-error';
import type { AppStore, User } from '../store/app-store';
import type { Services } from '../services';
import { readSessionToken } from '../auth/session-cookie';
import { toTRPCError } from './to-trpc-error';

export interface Context {
  readonly req: Request;
  readonly res: Response;
  readonly services: Services;
  readonly user: User | undefined;
}

export function createContextFactory(services: Services) {
  return ({ req, res }: { req: Request; res: Response }): Context => {
    const token = readSessionToken(req);
    const user = token ? services.store.findSessionUser(token) : undefined;
    return { req, res, services, user };
  };
}

/** Summarise zod issues as "path: message" lines an analyst (or a script author) can act on. */
function describeInputError(error: TRPCError): string | undefined {
  const cause = error.cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined;
  if (!cause?.issues) return undefined;
  return cause.issues.map((i) => `${i.path.map(String).join('.') || 'input'}: ${i.message}`).join('; ');
}

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter({ shape, error }) {
    const domain = error.cause instanceof DomainError ? error.cause : undefined;
    let message = shape.message;
    let incidentId: string | undefined;
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      incidentId = randomUUID();
      // The message may hold engine text: log it here, send only the incident id.
      console.error(`[incident ${incidentId}]`, error.cause ?? error);
      message = `Something went wrong on the server (incident ${incidentId}). Nothing was lost; please try again.`;
    } else if (error.code === 'BAD_REQUEST' && !domain) {
      message = `Invalid request: ${describeInputError(error) ?? shape.message}`;
    }
    const { stack: _stack, ...data } = shape.data as typeof shape.data & { stack?: string };
    return {
      ...shape,
      message,
      data: { ...data, domainCode: domain?.code ?? null, path: data.path, domainPath: domain?.path ?? null, incidentId: incidentId ?? null },
    };
  },
});

export const router = t.router;

const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new NotAuthenticatedError();
  return next({ ctx: { ...ctx, user: ctx.user } });
});
