import type { Page } from 'playwright-core';

export class DocumentsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
    await this.page.getByRole('heading', { name: 'Documents', level: 1 }).waitFor();
  }

  /** Uploads through the file picker, as a person choosing files would. */
  async upload(files: { name: string; mimeType: string; text: string }[]) {
    await this.page.getByLabel('Choose files to upload').setInputFiles(files.map((file) => ({ name: file.name, mimeType: file.mimeType, buffer: Buffer.from(file.text) })));
  }

  row(filename: string) {
    return this.page.getByTestId('document-row').filter({ hasText: filename });
  }

  async waitUntilReady(filename: string, timeoutMs = 120_000) {
    const row = this.row(filename);
    await row.getByTestId('document-status').filter({ hasText: /Ready|Failed/ }).waitFor({ timeout: timeoutMs });
    return {
      status: (await row.getByTestId('document-status').textContent())?.trim(),
      progress: Number(await row.getByRole('progressbar').getAttribute('aria-valuenow')),
      chunks: (await row.getByTestId('document-chunks').textContent())?.trim() ?? '',
      id: await row.getAttribute('data-document-id'),
    };
  }
}
