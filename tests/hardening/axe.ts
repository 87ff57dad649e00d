/**
 * Runs axe-core in a page served with a strict CSP. An inline <script> would
 * be blocked by `script-src 'self'`, so the library source is evaluated
 * through the DevTools protocol (Playwright's `evaluate`), which CSP does not
 * govern, and nothing is added to the page's DOM.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../../scripts/lib/resultFiles.ts';

export interface AxeNode {
  target: string[];
  html: string;
  failureSummary: string;
}
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}
export interface AxeViewResult {
  view: string;
  passes: number;
  incomplete: number;
  violations: AxeViolation[];
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
export const SEVERE = new Set(['serious', 'critical']);

export async function runAxe(page: Page, view: string): Promise<AxeViewResult> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  const raw = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<unknown> } }).axe;
    return axe.run(document, { resultTypes: ['violations', 'incomplete'] });
  })) as {
    passes: unknown[];
    incomplete: unknown[];
    violations: Array<AxeViolation & { nodes: Array<AxeNode & Record<string, unknown>> }>;
  };
  return {
    view,
    passes: raw.passes.length,
    incomplete: raw.incomplete.length,
    violations: raw.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html.slice(0, 200), failureSummary: n.failureSummary })),
    })),
  };
}

/** One line per violation, for assertion messages. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');
}
