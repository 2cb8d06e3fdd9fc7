import type { Page } from 'playwright-core';

export class LoginPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/login');
    await this.page.getByRole('heading', { name: 'Sign in' }).waitFor();
  }

  /** Signs up: on a first run the form already is the sign-up (of the administrator). */
  async signUp(email: string, password: string) {
    await this.page.locator('form [type=submit]').waitFor();
    const tab = this.page.getByRole('tab', { name: 'Create account' });
    if ((await tab.count()) > 0) await tab.click();
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.submit().filter({ hasText: /^Create (admin )?account$/ }).click();
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The Sign in / Create account switch (absent when there is only one thing to do). */
  tabs() {
    return this.page.getByRole('tab');
  }

  submit() {
    return this.page.locator('form [type=submit]');
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.submit().click();
  }

  error() {
    return this.page.locator('.form-error[role=alert]');
  }

  /** What the sign-up form says about a refused password (rules missed, then suggestions). */
  passwordAdvice() {
    return this.page.getByTestId('password-advice');
  }
}
