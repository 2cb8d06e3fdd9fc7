// The audit page's helpers: the filters it offers (groups of event types), words for each event,
// and the CSV export of what is loaded.
import type { AuditEvent, AuditEventType } from '@switchyard/client';

export const auditFilters: { id: string; label: string; types: AuditEventType[] }[] = [
  { id: 'all', label: 'All events', types: [] },
  { id: 'signins', label: 'Sign-ins and sign-ups', types: ['auth.signup', 'auth.login_succeeded', 'auth.login_failed', 'auth.login_throttled', 'auth.logout'] },
  { id: 'failed', label: 'Failed and throttled sign-ins', types: ['auth.login_failed', 'auth.login_throttled'] },
  { id: 'keys', label: 'API keys', types: ['key.created', 'key.revoked'] },
  { id: 'users', label: 'Users and roles', types: ['user.created', 'user.updated', 'user.deleted'] },
  { id: 'documents', label: 'Document deletions', types: ['document.deleted'] },
  {
    id: 'collections',
    label: 'Collections and sharing',
    types: ['collection.created', 'collection.updated', 'collection.deleted', 'collection.member_added', 'collection.member_removed'],
  },
  {
    id: 'providers',
    label: 'Providers and policy',
    types: ['provider.created', 'provider.updated', 'provider.deleted', 'provider.toggled', 'provider.key_rolled', 'policy.changed'],
  },
];

export const auditEventLabels: Record<AuditEventType, string> = {
  'auth.signup': 'Signed up',
  'auth.login_succeeded': 'Signed in',
  'auth.login_failed': 'Sign-in failed',
  'auth.login_throttled': 'Sign-in throttled',
  'auth.logout': 'Signed out',
  'user.created': 'User created',
  'user.updated': 'User changed',
  'user.deleted': 'User deleted',
  'key.created': 'API key created',
  'key.revoked': 'API key revoked',
  'document.deleted': 'Document deleted',
  'collection.created': 'Collection created',
  'collection.updated': 'Collection changed',
  'collection.deleted': 'Collection deleted',
  'collection.member_added': 'Collection shared',
  'collection.member_removed': 'Collection unshared',
  'provider.created': 'Provider added',
  'provider.updated': 'Provider changed',
  'provider.deleted': 'Provider deleted',
  'provider.toggled': 'Provider enabled/disabled',
  'provider.key_rolled': 'Provider key rotated',
  'policy.changed': 'Routing policy changed',
};

/** The details of an event in a few words ("reason: wrong_password, role: user"). */
export function describeDetails(details: AuditEvent['details']): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) is prefixed with ' so an email
 * typed into a sign-in form cannot become one.
 */
export function csvCell(value: string | null): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const COLUMNS = ['time', 'event', 'actor email', 'actor id', 'address', 'target type', 'target id', 'details', 'id'];

export function auditCsv(events: AuditEvent[]): string {
  const rows = events.map((event) =>
    [event.at, event.type, event.actorEmail, event.actorId, event.ip, event.targetType, event.targetId, event.details ? JSON.stringify(event.details) : '', event.id].map(csvCell).join(','),
  );
  return `${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
