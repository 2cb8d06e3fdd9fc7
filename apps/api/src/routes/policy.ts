// The routing policy at run time (admins only): view it with each tier's chain, replace it
// (versioned; `expectedVersion` refuses a stale edit), go back to the environment's, list past
// versions, and dry-run a candidate over the last routed requests. Work: services/policy.ts.
import {
  policyDryRunRequestSchema,
  policyDryRunResponseSchema,
  policyResponseSchema,
  policyVersionsResponseSchema,
  replacePolicySchema,
} from '@switchyard/client';
import { Router } from 'express';
import { z } from 'zod';
import { currentUser, requireAdmin } from '../middleware/auth';
import type { PolicyService } from '../services/policy';

const resetQuerySchema = z.object({ expectedVersion: z.coerce.number().int().nonnegative().optional() }).strict();

export function createPolicyRouter(policies: PolicyService): Router {
  const router = Router();
  router.use(requireAdmin);

  router.get('/', async (_req, res) => {
    res.json(policyResponseSchema.parse(await policies.get()));
  });

  router.put('/', async (req, res) => {
    const { policy, expectedVersion } = replacePolicySchema.parse(req.body);
    res.json(policyResponseSchema.parse(await policies.replace(policy, currentUser(req).email, expectedVersion)));
  });

  router.delete('/', async (req, res) => {
    const { expectedVersion } = resetQuerySchema.parse(req.query);
    res.json(policyResponseSchema.parse(await policies.reset(currentUser(req).email, expectedVersion)));
  });

  router.get('/versions', async (_req, res) => {
    res.json(policyVersionsResponseSchema.parse(await policies.versions()));
  });

  router.post('/dry-run', async (req, res) => {
    const { policy, limit } = policyDryRunRequestSchema.parse(req.body);
    res.json(policyDryRunResponseSchema.parse(await policies.dryRun(policy, limit)));
  });

  return router;
}
