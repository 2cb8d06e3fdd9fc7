// Documents the browser tests upload, and a few API calls to set the stage quickly.

/** A one-page PDF with real text (Helvetica), so the worker can index it and pdf.js can draw it. */
export function makePdf(lines: string[]): Buffer {
  const escape = (text: string) => text.replace(/[\\()]/g, (char) => `\\${char}`);
  const content = ['BT', '/F1 18 Tf', '72 720 Td', '24 TL', ...lines.map((line) => `(${escape(line)}) '`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export interface UploadFile {
  name: string;
  mimeType: string;
  data: Buffer;
}

export const handbook: UploadFile = {
  name: 'zephyr-handbook.md',
  mimeType: 'text/markdown',
  data: Buffer.from(
    [
      '# Zephyr project handbook',
      '',
      'The Zephyr project launches on 14 March 2031 at the Rotterdam office. The launch budget is 48,000 euros and is owned by the finance team.',
      '',
      '## Refunds',
      '',
      'Refunds for Zephyr subscriptions are processed within nine business days. Customers request a refund from the billing page.',
      '',
      '## Support',
      '',
      'The Zephyr support desk answers tickets from 8:00 to 18:00 on weekdays. Urgent incidents are escalated to the on-call engineer.',
      '',
      'Days off are booked in the HR portal. The Office manager approves them within two days.',
    ].join('\n'),
  ),
};

export const travelPolicy: UploadFile = {
  name: 'travel-policy.html',
  mimeType: 'text/html',
  data: Buffer.from(
    [
      '<!doctype html><html><head><title>Travel policy</title><style>body{display:none}</style></head><body>',
      '<h1>Kestrel travel policy</h1>',
      '<p>Kestrel employees book trains for any trip under six hours. Flights need the approval of a director.</p>',
      '<ul><li>Hotels up to 160 euros a night</li><li>Meals up to 45 euros a day</li></ul>',
      '<script>window.__htmlPreviewRan = true</script>',
      '<p><img src="http://evil.example/pixel.png" alt="tracker">Receipts go to finance within 30 days.</p>',
      '</body></html>',
    ].join('\n'),
  ),
};

export const orchardGuide: UploadFile = {
  name: 'orchard-guide.pdf',
  mimeType: 'application/pdf',
  data: makePdf(['Orchard guide', 'Pear trees are pruned in late winter.', 'Apple trees are thinned after the June drop.']),
};

export async function apiCall<T>(apiUrl: string, token: string, path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  if (typeof init.body === 'string') headers.set('content-type', 'application/json');
  const response = await fetch(`${apiUrl}${path}`, { ...init, headers });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Uploads files as `token`'s owner and waits until every one is indexed. */
export async function uploadAndWait(apiUrl: string, token: string, files: UploadFile[], timeoutMs = 180_000): Promise<{ id: string; filename: string }[]> {
  const form = new FormData();
  for (const file of files) form.append('files', new Blob([new Uint8Array(file.data)], { type: file.mimeType }), file.name);
  const { documents } = await apiCall<{ documents: { id: string; filename: string }[] }>(apiUrl, token, '/api/documents', { method: 'POST', body: form });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { documents: listed } = await apiCall<{ documents: { id: string; status: string; error?: string }[] }>(apiUrl, token, '/api/documents');
    const mine = listed.filter((document) => documents.some((uploaded) => uploaded.id === document.id));
    const failed = mine.find((document) => document.status === 'failed');
    if (failed) throw new Error(`indexing failed: ${failed.error}`);
    if (mine.every((document) => document.status === 'ready')) return documents;
    if (Date.now() > deadline) throw new Error('documents were not indexed in time');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
