// The server as a child process for the load and baseline benches, plus the HTTP calls an
// analyst makes. A child keeps the server's memory apart from the bench's own, so its RSS can
// be read from /proc and reported as the server's.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { DEMO } from '../e2e/harness';
import type { PivotQueryInput } from '../shared/query/pivot-query';
import type { PivotResult } from '../shared/result/pivot-result';
import { ROOT_DIR } from '../server/build-client';

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  close(): Promise<void>;
}

// Generation is never done here, but warming the rollups takes minutes nationally (five national
// years: the per-record table alone about ten).
const START_TIMEOUT_MS = 30 * 60_000;

/** Starts bench/serve-child.ts over `dataDir` and resolves with its URL once it listens. */
export async function startServerProcess(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child: ChildProcess = fork(path.join(ROOT_DIR, 'bench', 'serve-child.ts'), [], {
    cwd: ROOT_DIR,
    execArgv: ['--import', 'tsx'], // the child is the node process itself, so its pid's RSS is the server's
    env: { ...process.env, DATA_DIR: dataDir, DEMO_EMAIL: DEMO.email, DEMO_PASSWORD: DEMO.password, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const forked = performance.now();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The bench server did not start in time.')), START_TIMEOUT_MS);
    child.once('message', (m: unknown) => {
      clearTimeout(timer);
      if (typeof m === 'object' && m !== null && 'url' in m && typeof m.url === 'string') {
        console.log(`  server ready ${((performance.now() - forked) / 1000).toFixed(1)} s after it was started`);
        if ('warmMs' in m && typeof m.warmMs === 'number' && m.warmMs > 1) {
          console.log(`  server warmed its rollups in ${(m.warmMs / 1000).toFixed(1)} s: ${JSON.stringify('rollups' in m ? m.rollups : {})}`);
        }
        resolve(m.url);
      }
      else reject(new Error(`Unexpected message from the bench server: ${JSON.stringify(m)}`));
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`The bench server exited with code ${code} before listening.`)); });
  });
  if (child.pid === undefined) throw new Error('The bench server has no pid.');
  return {
    url,
    pid: child.pid,
    async close() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Signs the demo analyst in and returns the session cookie: each caller gets its own session. */
export async function signIn(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/trpc/auth.login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: DEMO.email, password: DEMO.password }),
  });
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
  if (!res.ok || cookie === undefined) throw new Error(`Sign-in failed: HTTP ${res.status} ${await res.text()}`);
  return cookie;
}

export type PivotOutcome =
  | { readonly ok: true; readonly result: PivotResult }
  | { readonly ok: false; readonly error: string };

/** One GET /trpc/query.pivot as the client sends it; any non-200, tRPC error or timeout fails. */
export async function requestPivot(baseUrl: string, cookie: string, query: PivotQueryInput, timeoutMs: number): Promise<PivotOutcome> {
  const url = `${baseUrl}/trpc/query.pivot?input=${encodeURIComponent(JSON.stringify(query))}`;
  try {
    const res = await fetch(url, { headers: { cookie }, signal: AbortSignal.timeout(timeoutMs) });
    const body = await res.text();
    if (!res.ok) return { ok: false, error: `HTTP ${res.status}: ${body.slice(0, 200)}` };
    const parsed = JSON.parse(body) as { result?: { data?: PivotResult }; error?: unknown };
    if (parsed.result?.data === undefined) return { ok: false, error: `tRPC error: ${body.slice(0, 200)}` };
    return { ok: true, result: parsed.result.data };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    return { ok: false, error: name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : String(error) };
  }
}
