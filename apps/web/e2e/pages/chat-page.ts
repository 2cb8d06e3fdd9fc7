import type { Page } from 'playwright-core';

export class ChatPage {
  private answersBefore = 0;

  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chat' }).click();
    await this.page.getByLabel('Message').waitFor();
  }

  async newChat() {
    await this.page.getByRole('button', { name: 'New chat' }).click();
  }

  async setSensitivity(value: '' | 'public' | 'internal' | 'confidential') {
    await this.page.getByLabel('Sensitivity').selectOption(value);
  }

  async useDocuments(on: boolean) {
    await this.page.getByLabel('Use my documents').setChecked(on);
  }

  /** Waits until the answer being written has received at least `count` streamed pieces. */
  async waitForPieces(count: number, timeoutMs = 30_000) {
    await this.page.waitForFunction(
      (min) => {
        const answers = document.querySelectorAll('[data-testid="answer"]');
        return Number(answers[answers.length - 1]?.getAttribute('data-deltas') ?? 0) >= min;
      },
      count,
      { timeout: timeoutMs },
    );
    return (await this.page.getByTestId('answer').last().innerText()).trim();
  }

  async stop() {
    await this.page.getByRole('button', { name: 'Stop' }).click();
  }

  async send(message: string) {
    this.answersBefore = await this.page.getByTestId('message-assistant').count();
    await this.page.getByLabel('Message').fill(message);
    await this.page.getByLabel('Message').press('Enter');
  }

  /** Waits until the new answer is complete (no longer streaming) and returns its parts. */
  async waitForAnswer(timeoutMs = 90_000) {
    await this.page.waitForFunction(
      (before) => {
        const answers = document.querySelectorAll('[data-testid="message-assistant"]');
        const last = answers[answers.length - 1];
        return answers.length > before && last !== undefined && last.querySelector('.typing') === null;
      },
      this.answersBefore,
      { timeout: timeoutMs },
    );
    const answer = this.page.getByTestId('message-assistant').last();
    const badge = answer.getByTestId('route-badge');
    return {
      answer,
      text: (await answer.getByTestId('answer').innerText()).trim(),
      badge,
      local: await badge.getAttribute('data-local'),
      sensitivity: await badge.getAttribute('data-sensitivity'),
      badgeText: (await badge.innerText()).trim(),
      citations: answer.getByTestId('citation'),
      /** The streamed pieces the page received and appended. */
      deltas: Number(await answer.getByTestId('answer').getAttribute('data-deltas')),
    };
  }

  async openReasons() {
    const badge = this.page.getByTestId('message-assistant').last().getByTestId('route-badge');
    await badge.locator('summary').click();
    return (await badge.locator('.route-details').innerText()).trim();
  }
}
