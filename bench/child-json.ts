// Runs one bench script in a child Node process and returns the JSON it prints last, so each
// engine (DuckDB, Perspective) is measured in a process of its own: its memory figures are its
// own, and one engine's heap cannot slow the other's timings.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT_DIR } from '../server/build-client';

export async function runJsonChild(script: string, args: readonly string[]): Promise<unknown> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'bench', script), ...args], {
    cwd: ROOT_DIR, stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
  const code = await new Promise<number | null>((resolve, reject) => { child.once('error', reject); child.once('exit', resolve); });
  if (code !== 0) throw new Error(`bench/${script} exited with code ${code}`);
  const last = stdout.trim().split('\n').at(-1);
  if (last === undefined) throw new Error(`bench/${script} printed nothing`);
  return JSON.parse(last) as unknown;
}
