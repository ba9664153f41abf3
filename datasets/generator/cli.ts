// Command line for the generator: `npm run generate -- --data-dir data --scale 1 --years 2324 --datasets apc`.
// Prints one progress line per dataset-year; bad options exit with status 2 and a clear message.

import { parseArgs } from 'node:util';
import { ensureData, generate, GeneratorOptionsError, type DatasetId } from './generate';
import { GeneratorOptionsError as OptionsError } from './options';

const usage = `Usage: npm run generate -- [--data-dir DIR] [--seed N] [--scale X] [--years 1920,2324] [--datasets apc,op,ae] [--if-needed]
  --data-dir   output folder (default: $DATA_DIR or ./data)
  --seed       whole number (default 20240331)
  --scale      0 < X <= 2; 1 = national volumes, 0.01 = demo (default 0.01)
  --years      financial years 1314…2324, comma-separated (default 1920,2021,2122,2223,2324)
  --datasets   any of apc, op, ae (default all)
  --if-needed  keep existing data when its manifest already matches`;

function list(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

function number(name: 'seed' | 'scale', value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || Number.isNaN(n)) throw new OptionsError(name, `--${name} must be a number; got "${value}".`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' }, seed: { type: 'string' }, scale: { type: 'string' }, years: { type: 'string' },
      datasets: { type: 'string' }, 'if-needed': { type: 'boolean' }, help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const seed = number('seed', values.seed);
  const scale = number('scale', values.scale);
  const years = list(values.years);
  const datasets = list(values.datasets) as DatasetId[] | undefined;
  const opts = {
    dataDir: values['data-dir'] ?? process.env['DATA_DIR'] ?? 'data',
    ...(seed === undefined ? {} : { seed }), ...(scale === undefined ? {} : { scale }),
    ...(years === undefined ? {} : { years }), ...(datasets === undefined ? {} : { datasets }),
    onProgress: (msg: string) => console.log(msg),
  };
  const t0 = performance.now();
  const manifest = await (values['if-needed'] ? ensureData(opts) : generate(opts));
  console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${opts.dataDir} (data version ${manifest.dataVersion}, as of ${manifest.asOf})`);
}

main().catch((e: unknown) => {
  if (e instanceof GeneratorOptionsError) {
    console.error(`generate: ${e.message}\n\n${usage}`);
    process.exit(2);
  }
  if (e instanceof TypeError && 'code' in e && typeof e.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS')) {
    console.error(`generate: ${e.message}\n\n${usage}`);
    process.exit(2);
  }
  console.error(e);
  process.exit(1);
});
