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

  /** What screen readers were last told by the chat's status region ('' before any answer). */
  async announcement() {
    return ((await this.page.getByTestId('chat-announcer').textContent()) ?? '').trim();
  }

  /** Live regions (read out by screen readers as they change) whose text contains `text`. */
  liveRegionsWith(text: string) {
    return this.page.locator('[aria-live]:not([aria-live="off"]), [role="status"], [role="log"], [role="alert"]').filter({ hasText: text });
  }

  /** The select of small screens that switches conversations (hidden on wide ones). */
  switcher() {
    return this.page.getByLabel('Conversation', { exact: true });
  }

  /** Picks the newest conversation whose title contains `title` from the small-screen switcher. */
  async switchTo(title: string) {
    const value = await this.switcher().locator('option', { hasText: title }).first().getAttribute('value');
    if (!value) throw new Error(`no conversation titled "${title}" in the switcher`);
    await this.switcher().selectOption(value);
  }

  /** The text of the switcher's chosen entry. */
  async switcherChoice() {
    return this.switcher().evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
  }

  /** The answers shown, oldest first. */
  answers() {
    return this.page.getByTestId('message-assistant');
  }

  /** The route badge's visible line of an answer (model, sensitivity, cost, latency, cache). */
  async badgeText(answer = this.answers().last()) {
    return (await answer.getByTestId('route-badge').locator('summary').innerText()).replace(/\s+/g, ' ').trim();
  }

  /** Reloads the page (the address names the conversation) and waits for its answers. */
  async reload() {
    await this.page.reload();
    await this.page.getByLabel('Message').waitFor();
    await this.answers().first().getByTestId('route-badge').waitFor();
  }

  async openReasons() {
    const badge = this.page.getByTestId('message-assistant').last().getByTestId('route-badge');
    await badge.locator('summary').click();
    return (await badge.locator('.route-details').innerText()).trim();
  }
}
