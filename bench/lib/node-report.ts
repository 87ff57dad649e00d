/** Node-only: write benchmark rows to bench/results/*.json, merging by (env, backend, detector). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform } from 'node:os';
import { dirname } from 'node:path';
import type { BenchRow } from './node-stats';

export interface BenchResults {
  readonly generatedAt: string;
  readonly host: { readonly node: string; readonly platform: string; readonly cpu: string; readonly cores: number };
  readonly rows: readonly BenchRow[];
}

const key = (r: BenchRow): string => `${r.env}|${r.backend}|${r.detector}`;

/** Existing rows with the same key are replaced; others are kept (so a browser run can append). */
export function mergeRows(existing: readonly BenchRow[], added: readonly BenchRow[]): BenchRow[] {
  const replaced = new Set(added.map(key));
  return [...existing.filter((r) => !replaced.has(key(r))), ...added];
}

export function readBenchResults(path: string): BenchResults | null {
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, 'utf8')) as BenchResults;
}

export function writeBenchResults(path: string, rows: readonly BenchRow[]): BenchResults {
  const previous = readBenchResults(path)?.rows ?? [];
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    host: { node: process.version, platform: platform(), cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length },
    rows: mergeRows(previous, rows),
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  return results;
}
