import type { Page } from 'playwright-core';

export class LoginPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/login');
    await this.page.getByRole('heading', { name: 'Sign in' }).waitFor();
  }

  async signUp(email: string, password: string) {
    await this.page.getByRole('tab', { name: 'Create account' }).click();
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Create account', exact: true }).and(this.page.locator('[type=submit]')).click();
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.locator('form [type=submit]').click();
  }

  error() {
    return this.page.locator('.form-error[role=alert]');
  }
}
