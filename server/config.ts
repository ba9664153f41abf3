// Configuration from the environment, checked once at start-up with clear messages.
import path from 'node:path';
import { z } from 'zod';
import { POLICY_IDS } from '../shared/disclosure/policy';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DEMO_EMAIL: z.string().default('analyst@demo.hes'),
  DEMO_PASSWORD: z.string().min(8, 'DEMO_PASSWORD must be at least 8 characters').default('demo-analyst-2024'),
  DEMO_SCALE: z.coerce.number().positive().max(2).default(0.01),
  DEMO_SEED: z.coerce.number().int().default(20240331),
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  /** DuckDB buffer memory; bounds the server's RSS (larger sorts and joins spill to DATA_DIR). */
  DUCKDB_MEMORY_LIMIT: z.string().regex(/^\d+(\.\d+)?\s*(MB|GB|MiB|GiB)$/i, 'a size such as 1GB or 512MB').default('1GB'),
  /** The disclosure policy every answer follows (agreements will choose per organisation). */
  DISCLOSURE_POLICY: z.enum(POLICY_IDS as [string, ...string[]]).default('hes-2018'),
});

export type Config = z.infer<typeof EnvSchema> & { readonly dataDir: string };

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}
