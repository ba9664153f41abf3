// Resident memory of a process from /proc/<pid>/status (Linux): VmRSS now, VmHWM its peak.
// Read from outside, so a server's or engine's memory is measured without its cooperation.
import { readFileSync } from 'node:fs';

/** The field in bytes, or undefined once the process has gone. */
export function procMemoryBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
