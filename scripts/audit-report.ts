/**
 * Hardening audit: one table of what was tried and what happened, read from
 * the result files the checks write (test-results/). Missing results are
 * shown as "not run" with the command that produces them.
 *
 *   npm run audit:report
 */
import { axeRows, faultRows, fuzzRow, otherFaultFiles, privacyRow, soakRows, VITEST_COMMAND, type AuditRow } from './lib/auditSections.ts';

const WIDTHS = { area: 22, tried: 60 } as const;

/** Wraps `text` to `width` columns at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

function printTable(rows: readonly AuditRow[]): void {
  const happenedWidth = Math.max(40, (process.stdout.columns ?? 160) - WIDTHS.area - WIDTHS.tried - 6);
  const header = `${'area'.padEnd(WIDTHS.area)} | ${'what was tried'.padEnd(WIDTHS.tried)} | what happened`;
  console.log(header);
  console.log('-'.repeat(Math.min(header.length + happenedWidth, 200)));
  for (const r of rows) {
    const a = wrap(r.area, WIDTHS.area);
    const t = wrap(r.tried, WIDTHS.tried);
    const h = [...wrap(r.happened, happenedWidth), `[${r.source}]`];
    for (let i = 0; i < Math.max(a.length, t.length, h.length); i++) {
      console.log(`${(a[i] ?? '').padEnd(WIDTHS.area)} | ${(t[i] ?? '').padEnd(WIDTHS.tried)} | ${h[i] ?? ''}`);
    }
  }
}

function main(): void {
  console.log('TrackScope hardening audit\n');
  const faults = faultRows();
  printTable([fuzzRow(), ...faults, ...soakRows(), privacyRow(), ...axeRows()]);
  if (faults.some((r) => r.happened.includes('not run')))
    console.log(`\nFault-suite outcomes come from a vitest JSON report: ${VITEST_COMMAND}`);
  const others = otherFaultFiles();
  if (others.length > 0) console.log(`\nOther test files with fault-injection cases (titles matched): ${others.join(', ')}`);
}

main();
