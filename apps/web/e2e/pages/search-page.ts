import type { Page } from 'playwright-core';

export class SearchPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await this.page.getByRole('heading', { name: 'Search', level: 1 }).waitFor();
  }

  async search(query: string) {
    await this.page.getByLabel('Search your documents').fill(query);
    await this.page.getByRole('button', { name: 'Search', exact: true }).click();
    await this.page.getByRole('status').filter({ hasText: /passage|No passages/ }).waitFor();
  }

  results() {
    return this.page.getByTestId('search-result');
  }
}
