// Assembles the HTTP server: tRPC at /trpc, the built client at /, security headers, and an
// error handler that never sends a stack trace.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import compression from 'compression';
import express, { type ErrorRequestHandler } from 'express';
import { appRouter } from './trpc/app-router';
import { createContextFactory } from './trpc/trpc';
import type { Services } from './services';

export interface AppOptions {
  readonly services: Services;
  /** Folder holding the built client (index.html); omitted in API-only tests. */
  readonly clientDir?: string;
}

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'",
};

export function createApp({ services, clientDir }: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => { res.set(SECURITY_HEADERS); next(); });
  app.use('/trpc', createExpressMiddleware({ router: appRouter, createContext: createContextFactory(services) }));
  app.get('/healthz', (_req, res) => { res.json({ ok: true, dataVersion: services.dataVersion }); });

  if (clientDir && existsSync(path.join(clientDir, 'index.html'))) {
    // The client's JS is ~570 kB raw but ~175 kB gzipped: compress it on its way out.
    app.use(compression());
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    // Client-side routes (/workbench?q=…) all load the single page.
    app.get('/{*path}', (_req, res) => { res.sendFile('index.html', { root: clientDir }); });
  }

  const onError: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    console.error('[http]', error);
    if (!res.headersSent) res.status(500).json({ error: 'Something went wrong on the server. Nothing was lost; please try again.' });
  };
  app.use(onError);
  return app;
}
