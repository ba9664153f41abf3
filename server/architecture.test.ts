// Enforces the import arrows of style.md so reviewers need not: shared/ stays pure, the client
// never imports server code (types only), and protect() has exactly one server caller.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from './build-client';

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT_DIR, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.relative(ROOT_DIR, path.join(e.parentPath, e.name)));
}

/** Every import / export-from specifier with whether it is type-only. */
function imports(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(path.join(ROOT_DIR, file), 'utf8');
  const out: { spec: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    out.push({ spec: m[3]!, typeOnly: m[2] !== undefined });
  }
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1]!, typeOnly: false });
  return out;
}

const resolvesInto = (file: string, spec: string, folder: string) =>
  spec.startsWith('.') && path.relative(ROOT_DIR, path.resolve(ROOT_DIR, path.dirname(file), spec)).startsWith(`${folder}/`);

describe('architecture', () => {
  it('sets DuckDB\'s allocator up in every server entry point before anything loads DuckDB', () => {
    for (const entry of ['server/start.ts', 'bench/serve-child.ts', 'bench/run-bench.ts']) {
      const first = /^import\s+[^;]*;/m.exec(readFileSync(path.join(ROOT_DIR, entry), 'utf8'))?.[0];
      expect(first, entry).toMatch(/^import '(\.\/|\.\.\/server\/)allocator-env';$/);
    }
  });

  it('keeps shared/ pure: no Node, DuckDB, React, server or client imports', () => {
    const offenders = sourceFiles('shared').filter((f) => !f.endsWith('.test.ts')).flatMap((f) => imports(f)
      .filter(({ spec }) => /^(node:|fs$|path$|@duckdb\/|express$|react|better-sqlite3)/.test(spec)
        || resolvesInto(f, spec, 'server') || resolvesInto(f, spec, 'client') || resolvesInto(f, spec, 'datasets'))
      .map(({ spec }) => `${f} → ${spec}`));
    expect(offenders).toEqual([]);
  });

  it('lets the client import server code for types only', () => {
    const offenders = sourceFiles('client').flatMap((f) => imports(f)
      .filter(({ spec, typeOnly }) => !typeOnly && resolvesInto(f, spec, 'server'))
      .map(({ spec }) => `${f} → ${spec}`));
    expect(offenders).toEqual([]);
  });

  it('calls protect() from the pivot path only: protected-table, which only run-pivot uses', () => {
    const callers = sourceFiles('server').filter((f) => !f.endsWith('.test.ts'))
      .filter((f) => imports(f).some(({ spec }) => spec.endsWith('disclosure/protect')));
    expect(callers).toEqual(['server/pivot/protected-table.ts']);
    const users = sourceFiles('server').filter((f) => !f.endsWith('.test.ts'))
      .filter((f) => imports(f).some(({ spec, typeOnly }) => !typeOnly && spec.endsWith('/protected-table')));
    expect(users).toEqual(['server/pivot/run-pivot.ts']);
  });

  it('keeps raw aggregates inside the engine and the pivot path', () => {
    const users = [...sourceFiles('server'), ...sourceFiles('client')].filter((f) => !f.endsWith('.test.ts'))
      .filter((f) => imports(f).some(({ spec }) => spec.endsWith('result/raw-aggregates')));
    expect(users.every((f) => f.startsWith('server/engine/') || f.startsWith('server/pivot/'))).toBe(true);
  });
});
