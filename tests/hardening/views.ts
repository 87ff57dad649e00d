/**
 * Page helpers shared by the accessibility and privacy tests: opening each
 * view, walking the tab order, and reading focus rings and motion styles.
 */
import type { Page } from 'playwright-core';

export const TRAINING_TABS = ['mlp', 'lenet', 'tuner'] as const;
export type TrainingTab = (typeof TRAINING_TABS)[number];

/** Selects a Training sub-tab (the Training view must be open) and waits until it has settled. */
export async function openTraining(page: Page, tab: TrainingTab): Promise<void> {
  await page.getByTestId(`tab-${tab}`).click();
  await page.locator(`#training-panel-${tab}:not([hidden])`).waitFor({ timeout: 120_000 });
  if (tab === 'lenet') {
    await page.waitForFunction(() => /MNIST ready/.test(document.querySelector('[data-testid="lenet-status"]')?.textContent ?? ''), null, {
      timeout: 120_000,
    });
  }
  await page.waitForTimeout(500);
}

export interface FocusRing {
  focusVisible: boolean;
  visible: boolean;
  outline: string;
}

/** Whether the focused element matches :focus-visible and draws a non-zero outline or box-shadow. */
export function focusRing(page: Page): Promise<FocusRing | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    return {
      focusVisible: el.matches(':focus-visible'),
      visible: outline || s.boxShadow !== 'none',
      outline: `${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}`,
    };
  });
}

/** Presses Tab up to `limit` times and records the focus ring of each wanted test id when reached. */
export async function tabThrough(
  page: Page,
  wanted: readonly string[],
  limit: number,
): Promise<Array<{ testId: string; press: number; ring: FocusRing | null }>> {
  const reached: Array<{ testId: string; press: number; ring: FocusRing | null }> = [];
  for (let press = 1; press <= limit && reached.length < wanted.length; press++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    if (id && wanted.includes(id) && !reached.some((r) => r.testId === id))
      reached.push({ testId: id, press, ring: await focusRing(page) });
  }
  return reached;
}

/** Elements (and ::before/::after) whose computed style still runs a transition or an animation. */
export function reducedMotionOffenders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const moving = (s: CSSStyleDeclaration) =>
      s.transitionDuration.split(',').some((d) => parseFloat(d) > 0) ||
      (s.animationName !== 'none' && s.animationDuration.split(',').some((d) => parseFloat(d) > 0));
    const out: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        if (moving(getComputedStyle(el, pseudo))) {
          const id = el.getAttribute('data-testid') ?? el.id;
          out.push(
            `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}${pseudo ?? ''}`,
          );
        }
      }
    }
    return out;
  });
}

/** Chooses `path` in the Video view (which must be open) and waits until the run ends with results. */
export async function processVideo(page: Page, path: string, timeoutMs = 180_000): Promise<void> {
  await page.getByTestId('video-file').setInputFiles(path);
  await page.getByTestId('video-results').waitFor({ state: 'attached', timeout: timeoutMs });
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="video-status"]') && !document.querySelector('[data-testid="video-progress"]'),
    null,
    { timeout: timeoutMs, polling: 200 },
  );
}
