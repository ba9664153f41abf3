// The one real server the whole attack suite runs against (127.0.0.1, port 0, a fresh temp data
// dir generated at demo scale 0.001 for two years), the suite's own DuckDB over its Parquet, and
// a fresh signed-in analyst per attacker so one attacker's history never protects another's
// targets. Start-up rollups are off: they change no answer and cost the suite's time budget.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashPassword } from '../auth/passwords';
import { readConfig } from '../config';
import { startServer, type RunningServer } from '../start-server';
import { signIn, type Attacker } from './attacker';
import { loadSharedLp, type FeasibleInterval } from './exact-intervals';
import { Truth } from './truth';

export const YEARS: readonly string[] = ['2223', '2324'];
const PASSWORD = 'attack-suite-pass-1';

export interface AttackContext {
  readonly truth: Truth;
  /** The shared LP's exact interval, when shared/disclosure has it. */
  readonly lp: FeasibleInterval | undefined;
  readonly years: readonly string[];
  /** A new analyst, created in the app store and signed in through auth.login. */
  newAttacker(label: string): Promise<Attacker>;
  readonly attackers: Attacker[];
}

export interface RunningAttackContext {
  readonly ctx: AttackContext;
  close(): Promise<void>;
}

export async function startAttackContext(): Promise<RunningAttackContext> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hes-attack-'));
  let server: RunningServer | undefined;
  try {
    const config = readConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DEMO_SCALE: '0.001', DEMO_EMAIL: 'demo@attack.hes', DEMO_PASSWORD: PASSWORD });
    server = await startServer(config, { log: () => {}, data: { years: YEARS }, seedRollups: false });
    const running = server;
    const truth = await Truth.open(dataDir);
    const passwordHash = await hashPassword(PASSWORD);
    const baseUrl = running.url.replace('localhost', '127.0.0.1');
    const attackers: Attacker[] = [];
    let next = 0;
    const ctx: AttackContext = {
      truth, lp: await loadSharedLp(), years: YEARS, attackers,
      async newAttacker(label) {
        next += 1;
        const email = `attacker-${next}@attack.hes`;
        running.services.store.createUser({ email, name: `Attacker ${next} (${label})`, role: 'analyst', passwordHash });
        const attacker = await signIn(baseUrl, email, PASSWORD);
        attackers.push(attacker);
        return attacker;
      },
    };
    return {
      ctx,
      async close() {
        truth.close();
        await running.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
