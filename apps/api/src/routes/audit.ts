// GET /api/audit (admins only): the audit trail, newest first, `?limit&before&type`.
import { auditQuerySchema, auditResponseSchema } from '@switchyard/client';
import { Router } from 'express';
import { requireAdmin } from '../middleware/auth';
import type { AuditLog } from '../services/audit';

export function createAuditRouter(audit: Pick<AuditLog, 'list'>): Router {
  const router = Router();
  router.get('/', requireAdmin, async (req, res) => {
    // Strict: a parameter we cannot honour is refused, not ignored.
    const { limit, before, type } = auditQuerySchema.strict().parse(req.query);
    res.setHeader('Cache-Control', 'no-store');
    res.json(auditResponseSchema.parse(await audit.list({ limit, before, types: type })));
  });
  return router;
}
