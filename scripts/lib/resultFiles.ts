/**
 * Where the hardening checks write their results, and how to regenerate each
 * one. Shared by the tests, `npm run soak` and `npm run audit:report`, so the
 * report reads exactly the files the checks wrote.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const RESULTS_DIR = join(ROOT, 'test-results');

export const RESULT_FILES = {
  fuzz: { path: join(RESULTS_DIR, 'fuzz-mot.json'), command: 'npx vitest run tests/metrics/fuzz.test.ts' },
  soak: { path: join(RESULTS_DIR, 'soak.csv'), command: 'npm run soak -- --frames 20000' },
  soakTest: { path: join(RESULTS_DIR, 'soak-test.csv'), command: 'npx vitest run tests/browser/soak.test.ts' },
  a11y: { path: join(RESULTS_DIR, 'a11y.json'), command: 'npx vitest run tests/browser/a11y.test.ts' },
  privacy: { path: join(RESULTS_DIR, 'privacy.json'), command: 'npx vitest run tests/browser/privacy.test.ts' },
} as const;

export type ResultName = keyof typeof RESULT_FILES;

/** Writes `value` as pretty JSON with a timestamp, creating the folder. */
export function writeResultJson(name: ResultName, value: object): void {
  const file = RESULT_FILES[name].path;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ generatedAt: new Date().toISOString(), ...value }, null, 2)}\n`);
}
