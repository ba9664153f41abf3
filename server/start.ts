// `npm start`: build the client if needed, generate the demo data on first start, serve.
import './allocator-env'; // first: before anything loads DuckDB
import { ensureClientBuilt, CLIENT_DIST } from './build-client';
import { readConfig } from './config';
import { startServer } from './start-server';

async function main(): Promise<void> {
  const config = readConfig();
  const log = (line: string) => console.log(line);
  await ensureClientBuilt(log);
  const server = await startServer(config, { clientDir: CLIENT_DIST, log, keepEngineFile: true });
  log('');
  log(`HES Workbench is running at ${server.url}`);
  log(`Demo login: ${config.DEMO_EMAIL} / ${config.DEMO_PASSWORD}  (set DEMO_EMAIL / DEMO_PASSWORD to change)`);
  log(`Data: ${config.dataDir} (as of ${server.services.asOf}); synthetic data, not real patients.`);
  // Ctrl-C reaches this process twice (from the terminal and relayed by tsx): a second signal
  // must not kill it half-way through closing (the engine's database file would not be closed).
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= server.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
