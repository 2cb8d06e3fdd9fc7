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

  /** Drops several files on the drop zone at once, as dragging them from the desktop would. */
  async drop(files: { name: string; mimeType: string; text: string }[]) {
    const dataTransfer = await this.page.evaluateHandle((list) => {
      const transfer = new DataTransfer();
      for (const file of list) transfer.items.add(new File([file.text], file.name, { type: file.mimeType }));
      return transfer;
    }, files);
    await this.page.getByTestId('dropzone').dispatchEvent('dragover', { dataTransfer });
    await this.page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer });
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
