// Users, documents and chat traffic for the chaos suite, through the real HTTP API.
import { createClient, type Document, type SwitchyardClient } from '@switchyard/client';
import { waitFor } from '@switchyard/stack';
import type { Chaos } from './harness';

const topics = ['invoices', 'vacation policy', 'incident response', 'onboarding', 'travel expenses', 'security reviews', 'release process', 'customer refunds', 'hardware orders', 'office moves'];

/** A readable document of a few paragraphs; `size` scales the number of chunks it makes. */
export function documentText(index: number, size = 1 + (index % 4)): string {
  const topic = topics[index % topics.length]!;
  const paragraphs: string[] = [];
  for (let p = 0; p < size * 3; p += 1) {
    paragraphs.push(
      `Section ${p + 1} of the ${topic} guide, edition ${index}. Requests about ${topic} are handled by team ${index % 7} within ${2 + (p % 5)} working days. ` +
        `Each request needs a ticket number of the form ${topic.slice(0, 3).toUpperCase()}-${index}-${p}, an owner and a short description of the expected outcome. ` +
        `Escalations go to the duty manager, who answers within one working day and records the decision in the ${topic} log.`,
    );
  }
  return `# ${topic} guide ${index}\n\n${paragraphs.join('\n\n')}`;
}

export async function newUser(chaos: Chaos, label: string): Promise<{ client: SwitchyardClient; token: string; email: string }> {
  const email = `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.org`;
  const { user } = await chaos.admin.createUser({ email, password: chaos.canaries.password });
  const client = createClient({ baseUrl: chaos.apiUrl, fetch: chaos.recordingFetch });
  const { token } = await client.login({ email: user.email, password: chaos.canaries.password });
  client.setToken(token);
  chaos.users.push({ client, email });
  return { client, token, email };
}

export async function uploadTexts(client: SwitchyardClient, count: number, offset = 0): Promise<Document[]> {
  const documents: Document[] = [];
  for (let i = 0; i < count; i += 1) {
    const index = offset + i;
    const { documents: created } = await client.uploadText({ title: `Guide ${index}`, text: documentText(index) });
    documents.push(...created);
  }
  return documents;
}

/** Waits until every listed document is ready or failed; returns them by id. */
export async function settle(client: SwitchyardClient, ids: string[], timeoutMs = 120_000): Promise<Map<string, Document>> {
  let byId = new Map<string, Document>();
  await waitFor(
    'documents to settle',
    async () => {
      const { documents } = await client.listDocuments();
      byId = new Map(documents.map((document) => [document.id, document]));
      return ids.every((id) => ['ready', 'failed'].includes(byId.get(id)?.status ?? ''));
    },
    { timeoutMs, intervalMs: 250 },
  );
  return byId;
}
