import type { Page } from 'playwright-core';

export class KeysPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
    await this.page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
  }

  async create(name: string) {
    await this.page.getByLabel('Key name').fill(name);
    await this.page.getByRole('button', { name: 'Create key' }).click();
    return this.page.getByTestId('new-key').inputValue();
  }

  async dismissNewKey() {
    await this.page.getByRole('button', { name: 'Done' }).click();
  }

  rows() {
    return this.page.locator('table.table tbody tr');
  }

  async revoke(name: string) {
    await this.page.getByRole('button', { name: `Revoke ${name}` }).click();
    await this.rows().filter({ hasText: name }).getByRole('button', { name: 'Revoke', exact: true }).click();
  }
}
