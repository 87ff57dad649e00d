import type { Page } from 'playwright-core';

/** The page's live TF.js tensor count (`?testHooks=1`), for "tensors stay flat" checks. */
export const numTensors = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { trackscope: { numTensors: () => number } }).trackscope.numTensors());
