import type { Page } from 'playwright-core';

/** One document: title, label, the original (preview and download) and its passages. */
export class DocumentPage {
  constructor(private readonly page: Page) {}

  async open(id: string) {
    await this.page.goto(`/documents/${encodeURIComponent(id)}`);
    await this.heading().waitFor();
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 }).first();
  }

  async rename(title: string) {
    await this.page.getByRole('button', { name: 'Rename document' }).click();
    await this.page.getByLabel('Title', { exact: true }).fill(title);
    await this.page.getByRole('button', { name: 'Save title' }).click();
    await this.page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  async setLabel(level: 'Public' | 'Internal' | 'Confidential') {
    await this.page.getByLabel('Your label').selectOption({ label: level });
    await this.page.getByRole('button', { name: 'Save label' }).click();
    await this.page.getByTestId('label-notes').waitFor();
  }

  async showOriginal() {
    await this.page.getByRole('button', { name: 'Show the original' }).click();
    const preview = this.page.getByTestId('document-preview');
    await preview.waitFor();
    return preview;
  }

  download() {
    return this.page.getByTestId('download-original');
  }

  targetPassage() {
    return this.page.locator('.passage.target');
  }
}
