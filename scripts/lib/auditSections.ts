/**
 * The rows of `npm run audit:report`, each built from a result file that a
 * test or the soak wrote. A missing file yields a "not run" row naming the
 * command that produces it; nothing here is a hard-coded result.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RESULT_FILES, ROOT, type ResultName } from './resultFiles.ts';
import { parseSoakCsv, summarizeSoak } from './soakCsv.ts';

export interface AuditRow {
  area: string;
  tried: string;
  happened: string;
  source: string;
}

const rel = (p: string) => relative(ROOT, p);
const mib = (b: number) => (Number.isFinite(b) ? `${(b / 2 ** 20).toFixed(2)} MiB` : 'n/a');

function readJson<T>(name: ResultName): { data: T; source: string } | AuditRow {
  const { path, command } = RESULT_FILES[name];
  if (!existsSync(path)) return { area: name, tried: '–', happened: `not run (run: ${command})`, source: rel(path) };
  const data = JSON.parse(readFileSync(path, 'utf8')) as T & { generatedAt?: string };
  return { data, source: `${rel(path)} (${data.generatedAt ?? statSync(path).mtime.toISOString()})` };
}
const isRow = (v: unknown): v is AuditRow => typeof v === 'object' && v !== null && 'happened' in v;

export function fuzzRow(): AuditRow {
  const r = readJson<{
    seed: number;
    cases: number;
    parsed: number;
    rejected: number;
    rowsParsed: number;
    otherExceptions: number;
    reasons: Record<string, number>;
  }>('fuzz');
  if (isRow(r)) return { ...r, area: 'fuzz: MOT parser' };
  const d = r.data;
  const reasons = Object.entries(d.reasons)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return {
    area: 'fuzz: MOT parser',
    tried: `${d.cases} inputs (seed ${d.seed}): random/truncated lines, NaN/Infinity, huge numbers, negative sizes, wrong column counts, garbage bytes`,
    happened: `${d.parsed} parsed (${d.rowsParsed} rows, all finite), ${d.rejected} MotParseError (${reasons}), ${d.otherExceptions} other exceptions`,
    source: r.source,
  };
}

/** Test files that inject faults, by kind; a file that no longer exists is reported as missing. */
const FAULT_SUITES: Array<[string, string]> = [
  ['model tampering (missing, truncated, same-size altered weights, missing manifest)', 'tests/models/manifest.test.ts'],
  ['camera errors (messages per failure)', 'tests/app/cameraErrors.test.ts'],
  ['camera unplugged / denied / missing, WebGL context loss, hidden tab', 'tests/browser/faults.test.ts'],
  ['video bad inputs (empty, audio-only, HEVC, truncated MP4/WebM, ...)', 'tests/video/bad-input.test.ts'],
  ['video bad inputs in the UI (earlier results kept)', 'tests/browser/video-bad-input.test.ts'],
  ['detector: wrong input shape, coco-ssd fallback', 'tests/detection/memory-leak.test.ts'],
  ['detector fallback when a model cannot load', 'tests/detection/fallback.test.ts'],
  ['MOT parser fuzz', 'tests/metrics/fuzz.test.ts'],
];

interface VitestJson {
  testResults: Array<{ name: string; assertionResults: Array<{ status: string }> }>;
}
const VITEST_JSON = join(ROOT, 'test-results/vitest.json');
export const VITEST_COMMAND = 'npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json';

function testCount(file: string): number {
  return (readFileSync(join(ROOT, file), 'utf8').match(/^\s*it(\.each\([\s\S]*?\))?\(/gm) ?? []).length;
}

export function faultRows(): AuditRow[] {
  const report = existsSync(VITEST_JSON) ? (JSON.parse(readFileSync(VITEST_JSON, 'utf8')) as VitestJson) : null;
  return FAULT_SUITES.map(([what, file]) => {
    if (!existsSync(join(ROOT, file))) return { area: 'faults injected', tried: what, happened: 'test file missing', source: file };
    const result = report?.testResults.find((t) => t.name.endsWith(file));
    const outcome = result
      ? `${result.assertionResults.filter((a) => a.status === 'passed').length} passed, ${result.assertionResults.filter((a) => a.status === 'failed').length} failed`
      : `${testCount(file)} test blocks; outcome not run (see note below)`;
    return { area: 'faults injected', tried: what, happened: outcome, source: file };
  });
}

/** Other test files whose titles mention faults, so new fault suites show up without editing this list. */
export function otherFaultFiles(): string[] {
  const known = new Set(FAULT_SUITES.map(([, f]) => f));
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.test.ts') && !known.has(rel(path))) {
        const titles = readFileSync(path, 'utf8').match(
          /\bit(?:\.each\([\s\S]*?\))?\(\s*['`"][^'`"]*(?:tamper|corrupt|truncat|malformed|bad input|invalid|denied|unplug|context loss|garbage|NaN|crash)[^'`"]*/gi,
        );
        if (titles) found.push(`${rel(path)} (${titles.length})`);
      }
    }
  };
  walk(join(ROOT, 'tests'));
  return found;
}

export function soakRows(): AuditRow[] {
  return (['soak', 'soakTest'] as const).map((name) => {
    const { path, command } = RESULT_FILES[name];
    const area = name === 'soak' ? 'soak (npm run soak)' : 'soak (test)';
    if (!existsSync(path)) return { area, tried: '–', happened: `not run (run: ${command})`, source: rel(path) };
    const s = summarizeSoak(parseSoakCsv(readFileSync(path, 'utf8')));
    const flat = (r: { min: number; max: number }) => (r.min === r.max ? 'flat' : `NOT flat (${r.min}..${r.max})`);
    return {
      area,
      tried: `${s.frames} camera frames, ${s.samples} samples, ${s.seconds.toFixed(0)} s`,
      happened:
        `tensors ${s.tensors.first} ${flat(s.tensors)}; bytes ${mib(s.bytes.first)} ${flat(s.bytes)}; ` +
        `heap page ${mib(s.pageHeap.first)}→${mib(s.pageHeap.last)}, worker ${mib(s.workerHeap.first)}→${mib(s.workerHeap.last)}; ` +
        `${s.fps.mean.toFixed(1)} camera fps (slowest ${s.fps.min.toFixed(1)}), tracked ${s.trackedFps.toFixed(1)}, detect ${s.detectFps.toFixed(1)}`,
      source: `${rel(path)} (${statSync(path).mtime.toISOString()})`,
    };
  });
}

export function privacyRow(): AuditRow {
  type Privacy = {
    visited: string[];
    requests: number;
    foreignRequests: string[];
    blockedByRoute: string[];
    cspRefusedForeignFetch: boolean;
    crossOriginIsolated: boolean;
    headers: Record<string, { csp?: string; coop?: string; coep?: string }>;
  };
  const r = readJson<Privacy>('privacy');
  if (isRow(r)) return { ...r, area: 'privacy' };
  const d = r.data;
  const headers = Object.entries(d.headers)
    .map(([page, h]) => `${page}: ${h.csp ? 'CSP' : 'no CSP'}/${h.coop ?? 'no COOP'}/${h.coep ?? 'no COEP'}`)
    .join('; ');
  return {
    area: 'privacy',
    tried: `visited ${d.visited.join(', ')}; foreign requests aborted by route; deliberate foreign fetch`,
    happened: `${d.requests} requests, ${d.foreignRequests.length} foreign, ${d.blockedByRoute.length} blocked by route; CSP refused foreign fetch: ${d.cspRefusedForeignFetch}; crossOriginIsolated ${d.crossOriginIsolated}; ${headers}`,
    source: r.source,
  };
}

export function axeRows(): AuditRow[] {
  type A11y = {
    waived?: Array<{ view: string; rule: string; target: string; file: string }>;
    views: Array<{ view: string; passes: number; violations: Array<{ id: string; impact: string | null; nodes: unknown[] }> }>;
    keyboard: { reached?: Array<{ testId: string }> };
    reducedMotion: { offenders?: Record<string, string[]> };
  };
  const r = readJson<A11y>('a11y');
  if (isRow(r)) return [{ ...r, area: 'accessibility' }];
  const rows: AuditRow[] = r.data.views.map((v) => ({
    area: `axe: ${v.view}`,
    tried: `${v.passes} rules passed`,
    happened: v.violations.length === 0 ? 'no violations' : v.violations.map((x) => `${x.impact} ${x.id} (${x.nodes.length})`).join(', '),
    source: r.source,
  }));
  for (const w of r.data.waived ?? []) {
    rows.push({
      area: `axe waived: ${w.view}`,
      tried: `${w.rule} at ${w.target}`,
      happened: `waived, fix pending in ${w.file}`,
      source: r.source,
    });
  }
  const reached = r.data.keyboard.reached?.map((k) => k.testId).join(', ') ?? 'not recorded';
  const moving = Object.values(r.data.reducedMotion.offenders ?? {}).flat().length;
  rows.push({
    area: 'keyboard / motion',
    tried: 'Tab order, focus ring, prefers-reduced-motion',
    happened: `Tab reached ${reached}; ${moving} elements still animating under reduced motion`,
    source: r.source,
  });
  return rows;
}
