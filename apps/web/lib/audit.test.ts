import type { AuditEvent } from '@switchyard/client';
import { describe, expect, it } from 'vitest';
import { auditCsv, auditFilters, csvCell, describeDetails } from './audit';

const event = (overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  id: '1767225600000-0',
  type: 'auth.login_failed',
  at: '2026-01-01T00:00:00.000Z',
  actorId: null,
  actorEmail: 'carol@acme-corp.com',
  ip: '203.0.113.9',
  targetType: 'user',
  targetId: 'u1',
  details: { reason: 'wrong_password' },
  ...overrides,
});

describe('audit CSV export', () => {
  it('writes a header and one row per event, quoting what needs it', () => {
    const csv = auditCsv([event(), event({ id: '2-0', type: 'key.created', actorEmail: 'a,b@acme-corp.com', details: { name: 'say "hi"' } })]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('time,event,actor email,actor id,address,target type,target id,details,id');
    expect(lines[1]).toBe('2026-01-01T00:00:00.000Z,auth.login_failed,carol@acme-corp.com,,203.0.113.9,user,u1,"{""reason"":""wrong_password""}",1767225600000-0');
    expect(lines[2]).toContain('"a,b@acme-corp.com"');
    expect(lines[2]).toContain('"{""name"":""say \\""hi\\""""}"');
    expect(lines).toHaveLength(3);
  });

  it('never lets a cell start a spreadsheet formula', () => {
    for (const hostile of ['=HYPERLINK("http://evil")', '+1+1', '-2', '@SUM(A1)', '\tx']) expect(csvCell(hostile).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
  });
});

describe('audit filters and details', () => {
  it('offers every event type under "all" and groups the failed sign-ins', () => {
    expect(auditFilters.find((filter) => filter.id === 'all')?.types).toEqual([]);
    expect(auditFilters.find((filter) => filter.id === 'failed')?.types).toEqual(['auth.login_failed', 'auth.login_throttled']);
  });

  it('describes details in a few words', () => {
    expect(describeDetails({ reason: 'wrong_password', retryAfterSeconds: 4 })).toBe('reason: wrong_password, retryAfterSeconds: 4');
    expect(describeDetails(null)).toBe('');
  });
});
