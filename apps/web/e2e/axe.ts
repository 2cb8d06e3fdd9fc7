// Accessibility scans with axe-core: the violations of moderate or higher impact on the page as
// it is now (minor ones are advice), each with the elements it was found on.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const counted = new Set(['moderate', 'serious', 'critical']);

export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations
    .filter((violation) => counted.has(violation.impact ?? ''))
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
}
