// Command-line options of `npm run bench` shared by its sections (`--name=value` numbers and
// bare flags), checked once with clear messages.

export const hasFlag = (argv: readonly string[], name: string): boolean => argv.includes(`--${name}`);

export function numberArg(argv: readonly string[], name: string, fallback: number, min: number, max: number): number {
  const raw = argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}; got ${raw}.`);
  return value;
}

export interface LoadArgs {
  readonly analysts: number;
  readonly durationS: number;
  readonly seed: number;
  /** Seconds of the same load before the measured `durationS` (a server past its cold start:
   *  DuckDB's buffer filled, the result cache and rollups warm); nothing in it is reported. */
  readonly warmupS: number;
}

/** `--analysts=20 --duration=30 --seed=1 --warmup=0`; `--full` makes the default duration the 120 s. */
export function loadArgs(argv: readonly string[]): LoadArgs {
  return {
    analysts: numberArg(argv, 'analysts', 20, 1, 200),
    durationS: numberArg(argv, 'duration', hasFlag(argv, 'full') ? 120 : 30, 5, 3600),
    seed: numberArg(argv, 'seed', 20240331, 0, 2 ** 31 - 1),
    warmupS: numberArg(argv, 'warmup', 0, 0, 600),
  };
}
