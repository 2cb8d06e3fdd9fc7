import type { Page } from 'playwright-core';

export class DashboardPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await this.page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await this.page.getByTestId('provider-row').first().waitFor();
  }

  async stat(label: string) {
    const card = this.page.locator('.stat').filter({ has: this.page.locator('.stat-label', { hasText: label }) });
    return (await card.locator('.stat-value').innerText()).trim();
  }

  charts() {
    return this.page.locator('.chart-card svg.recharts-surface');
  }

  /** The series names in the legend of the chart with this title. */
  async legend(title: string): Promise<string[]> {
    const card = this.page.locator('.chart-card').filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
    await card.locator('.recharts-legend-item-text').first().waitFor();
    return (await card.locator('.recharts-legend-item-text').allInnerTexts()).map((text) => text.trim());
  }
}
