import type { Page } from 'playwright-core';

export class ChatPage {
  private answersBefore = 0;
  private answersDoneBefore = 0;

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

  /** The message box. */
  input() {
    return this.page.getByLabel('Message', { exact: true });
  }

  /**
   * Records the answer's text length at every change from now on (in the page), so a test can
   * tell a progressively painted answer from one that appeared at once.
   */
  async recordPaints() {
    await this.page.evaluate(() => {
      const lengths: number[] = [];
      (window as unknown as { __answerLengths: number[] }).__answerLengths = lengths;
      const observer = new MutationObserver(() => {
        const answers = document.querySelectorAll('[data-testid="answer"]');
        const last = answers[answers.length - 1];
        const length = (last?.textContent ?? '').length;
        if (length > 0 && lengths.at(-1) !== length) lengths.push(length);
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }

  /** The distinct lengths the answer was painted at, in order. */
  paintedLengths() {
    return this.page.evaluate(() => (window as unknown as { __answerLengths?: number[] }).__answerLengths ?? []);
  }

  modelPicker() {
    return this.page.getByTestId('model-picker');
  }

  banner() {
    return this.page.getByTestId('extractive-banner');
  }

  /** The version switcher of the last question that has several versions. */
  versionPosition() {
    return this.page.getByTestId('version-position').last();
  }

  /** Shows the version before the one shown, and waits until it is shown. */
  async previousVersion() {
    await this.switchVersion('Previous version', -1);
  }

  async nextVersion() {
    await this.switchVersion('Next version', 1);
  }

  private async switchVersion(button: string, step: number) {
    const position = async () => Number(/Version (\d+)/.exec((await this.versionPosition().textContent()) ?? '')?.[1]);
    const before = await position();
    await this.page.getByRole('button', { name: button }).last().click();
    await this.page.waitForFunction(
      (expected) => {
        const shown = document.querySelectorAll('[data-testid="version-position"]');
        return shown[shown.length - 1]?.textContent?.startsWith(`Version ${expected} `) ?? false;
      },
      before + step,
    );
  }

  /** How many answers the page has completed so far. */
  private async answersDone() {
    return Number(await this.page.locator('.messages').getAttribute('data-answers-done'));
  }

  async regenerate() {
    this.answersBefore = await this.answers().count();
    this.answersDoneBefore = await this.answersDone();
    await this.answers().last().getByRole('button', { name: 'Regenerate answer' }).click();
  }

  async copyLastAnswer() {
    await this.answers().last().getByRole('button', { name: 'Copy answer' }).click();
  }

  /** Edits the last question and sends it again. */
  async editLastQuestion(text: string) {
    this.answersBefore = await this.answers().count();
    this.answersDoneBefore = await this.answersDone();
    const question = this.page.getByTestId('message-user').last();
    await question.getByRole('button', { name: 'Edit question' }).click();
    await this.page.getByLabel('Edit your question').fill(text);
    await this.page.getByRole('button', { name: 'Send edited question' }).click();
  }

  /** Waits until the answer asked for by regenerate() or editLastQuestion() is complete (it replaces one). */
  async waitForStreamEnd(timeoutMs = 90_000) {
    await this.page.waitForFunction(
      (before) => Number(document.querySelector('.messages')?.getAttribute('data-answers-done')) > before && document.querySelector('.typing') === null,
      this.answersDoneBefore,
      { timeout: timeoutMs },
    );
  }

  /** Opens the conversations (on a phone: the panel over the chat). */
  async openConversations() {
    const toggle = this.page.getByRole('button', { name: 'Manage conversations' });
    if (await toggle.isVisible()) {
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    }
    const list = this.page.getByRole('region', { name: 'Conversations' });
    await list.waitFor();
    return list;
  }

  conversationItems() {
    return this.page.getByTestId('conversation-item');
  }

  async searchConversations(query: string) {
    const list = await this.openConversations();
    await list.getByLabel('Search conversations').fill(query);
    await list.getByRole('status').filter({ hasText: `“${query}”` }).waitFor();
  }

  async renameConversation(from: string, to: string) {
    const list = await this.openConversations();
    await list.getByRole('button', { name: `Rename conversation ${from}` }).click();
    await list.getByLabel('New title').fill(to);
    await list.getByRole('button', { name: 'Save', exact: true }).click();
    await list.getByRole('button', { name: `Rename conversation ${to}` }).waitFor({ state: 'attached' });
  }

  async deleteConversation(title: string) {
    const list = await this.openConversations();
    await list.getByRole('button', { name: `Delete conversation ${title}` }).click();
  }

  undoToast() {
    return this.page.getByTestId('undo-toast');
  }
}
