import type { Page } from 'playwright-core';

/**
 * Collects the page's Svelte runtime warnings (console messages with
 * `[svelte]`, such as `binding_property_non_reactive`) as they are logged.
 * Svelte logs them only when compiled in dev mode (`startDevAppServer`).
 */
export function recordSvelteWarnings(page: Page): string[] {
  const warnings: string[] = [];
  page.on('console', (message) => {
    // Svelte styles its messages: "%c[svelte] code\n%cdetail"; drop the style markers.
    const text = message.text().replaceAll('%c', '');
    if (text.includes('[svelte]')) warnings.push(text.split('\nhttps://')[0]);
  });
  return warnings;
}
