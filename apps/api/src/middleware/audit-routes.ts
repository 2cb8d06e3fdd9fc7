// Audit records for changes made through routers that do not record them themselves (documents,
// collections, providers, policy, user management): each listed route records its event once
// the response finished with a 2xx, naming the caller, the address and the id in the path.
// Sign-ins, keys and user creation are recorded by the auth service with more detail. A router
// that starts recording an action itself should drop its line here.
import type { AuditEventType } from '@switchyard/client';
import { Router, type Request } from 'express';
import type { AuditLog } from '../services/audit';
import { originOf } from './auth';

interface AuditedRoute {
  method: 'post' | 'put' | 'patch' | 'delete';
  path: string;
  type: AuditEventType;
  target: string;
  /** Body fields worth keeping (never secrets): who was added, with which role. */
  bodyFields?: string[];
}

export const auditedRoutes: AuditedRoute[] = [
  { method: 'delete', path: '/api/documents/:id', type: 'document.deleted', target: 'document' },
  { method: 'post', path: '/api/collections', type: 'collection.created', target: 'collection', bodyFields: ['name'] },
  { method: 'patch', path: '/api/collections/:id', type: 'collection.updated', target: 'collection', bodyFields: ['name'] },
  { method: 'delete', path: '/api/collections/:id', type: 'collection.deleted', target: 'collection' },
  { method: 'post', path: '/api/collections/:id/members', type: 'collection.member_added', target: 'collection', bodyFields: ['userId', 'email', 'role'] },
  { method: 'delete', path: '/api/collections/:id/members/:userId', type: 'collection.member_removed', target: 'collection' },
  { method: 'post', path: '/api/providers', type: 'provider.created', target: 'provider', bodyFields: ['id', 'kind', 'local'] },
  { method: 'patch', path: '/api/providers/:id', type: 'provider.updated', target: 'provider' },
  { method: 'delete', path: '/api/providers/:id', type: 'provider.deleted', target: 'provider' },
  { method: 'post', path: '/api/providers/:id/toggle', type: 'provider.toggled', target: 'provider' },
  { method: 'post', path: '/api/providers/:id/roll-key', type: 'provider.key_rolled', target: 'provider' },
  { method: 'put', path: '/api/policy', type: 'policy.changed', target: 'policy', bodyFields: ['expectedVersion'] },
  { method: 'delete', path: '/api/policy', type: 'policy.changed', target: 'policy' },
  { method: 'patch', path: '/api/users/:id', type: 'user.updated', target: 'user', bodyFields: ['role', 'disabled'] },
  { method: 'post', path: '/api/users/:id/:action', type: 'user.updated', target: 'user' },
  { method: 'delete', path: '/api/users/:id', type: 'user.deleted', target: 'user' },
];

function pickFields(body: unknown, fields: string[] | undefined): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  if (!fields || typeof body !== 'object' || body === null) return picked;
  for (const field of fields) {
    const value = (body as Record<string, unknown>)[field];
    if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') picked[field] = value;
  }
  return picked;
}

/** Mount before the routers it watches; it only listens for the end of each response. */
export function auditRoutes(audit: Pick<AuditLog, 'record'>, routes: AuditedRoute[] = auditedRoutes): Router {
  const router = Router();
  for (const route of routes) {
    router[route.method](route.path, (req: Request, res, next) => {
      res.once('finish', () => {
        const actor = req.principal?.user;
        if (!actor || res.statusCode < 200 || res.statusCode >= 300) return;
        const { id, ...otherParams } = req.params as Record<string, string>;
        void audit.record({
          type: route.type,
          actor,
          ip: originOf(req).ip,
          ...(id ? { target: { type: route.target, id } } : {}),
          details: { ...otherParams, ...pickFields(req.body, route.bodyFields) },
        });
      });
      next();
    });
  }
  return router;
}
