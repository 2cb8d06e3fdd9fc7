import { describe, expect, it } from 'vitest';
import { chatRequestSchema, credentialsSchema, searchRequestSchema } from './schemas';

describe('contract schemas', () => {
  it('normalises emails and rejects short passwords with a readable message', () => {
    expect(credentialsSchema.parse({ email: ' Ada@Example.COM ', password: 'longenough' }).email).toBe('ada@example.com');
    const result = credentialsSchema.safeParse({ email: 'ada@example.com', password: 'short' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('password must be at least 8 characters');
  });

  it('fills chat defaults and refuses unknown sensitivity levels', () => {
    expect(chatRequestSchema.parse({ message: 'hi' })).toMatchObject({ useDocuments: true, stream: false });
    expect(chatRequestSchema.safeParse({ message: 'hi', sensitivity: 'secret' }).success).toBe(false);
  });

  it('bounds search limits', () => {
    expect(searchRequestSchema.parse({ query: 'x' }).limit).toBe(8);
    expect(searchRequestSchema.safeParse({ query: 'x', limit: 500 }).success).toBe(false);
  });
});
