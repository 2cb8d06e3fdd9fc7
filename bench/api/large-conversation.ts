// A coding agent's request carries its whole conversation: here ~350 KB of source files it read
// (files of packages/router that hold no example secret or identifier, so the request may go to a
// cloud model). Used by api.bench.ts and profile.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@switchyard/stack';

const SOURCES = ['providers/local-extractive.ts', 'extractive/sentences.ts', 'policy.ts', 'router.ts'];

/**
 * A /v1/chat/completions body for `model`: 32 earlier turns (~330 KB of those files), then one
 * new file read (made unique by `turn`) and the question. An agent's next turn resends the same
 * earlier turns and adds its new one; `fresh` makes the earlier turns new too (another agent's
 * conversation, seen for the first time).
 */
export function largeConversationBody(model: string, turn = 0, fresh = false): string {
  const files = SOURCES.map((file) => readFileSync(path.join(repoRoot, 'packages/router/src', file), 'utf8'));
  const salt = (text: string, i: number) => (fresh ? `// conversation ${turn}, turn ${i}\n${text}` : text);
  const messages: { role: string; content: string }[] = [];
  for (let i = 0; i < 16; i++) {
    messages.push({ role: 'user', content: i === 0 ? 'Read the router package and explain it.' : 'Go on.' });
    messages.push({ role: 'assistant', content: salt(`Here is the file I read:\n\n${files[i % files.length] as string}`, i) });
  }
  messages.push({ role: 'user', content: 'And the last one?' });
  messages.push({ role: 'assistant', content: `Here is the file I read (read ${turn}):\n\n${files[turn % files.length] as string}` });
  messages.push({ role: 'user', content: 'What does the policy module decide?' });
  return JSON.stringify({ model, messages });
}
