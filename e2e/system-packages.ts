// Finds the Debian packages the test suite needs and installs them with apt-get when running
// as root on Debian (saying so); otherwise stops with the one command to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface SystemPackage {
  readonly name: string;
  readonly binary: string;
}

export function ensureSystemPackages(packages: readonly SystemPackage[], log: (line: string) => void): void {
  const missing = packages.filter((p) => !existsSync(p.binary));
  if (missing.length === 0) return;
  const names = missing.map((p) => p.name).join(' ');
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    log(`Missing system package(s): ${names}. Install with:\n\n  sudo apt-get install -y ${names}\n`);
    process.exit(1);
  }
  log(`Installing missing Debian package(s) with apt-get: ${names} …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const result = spawnSync('apt-get', ['install', '-y', '-qq', ...missing.map((p) => p.name)], { stdio: 'inherit', env });
  if (result.status !== 0) {
    log(`apt-get install failed for: ${names}`);
    process.exit(1);
  }
  log(`Installed: ${names}.`);
}
