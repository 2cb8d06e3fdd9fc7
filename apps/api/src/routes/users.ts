// POST /api/users: an administrator creates an account (whatever ALLOW_SIGNUP says).
import { createUserSchema, userResponseSchema } from '@switchyard/client';
import { Router } from 'express';
import { requireAdmin } from '../middleware/auth';
import type { AuthService } from '../services/auth';

export function createUsersRouter(auth: AuthService): Router {
  const router = Router();
  router.post('/', requireAdmin, async (req, res) => {
    const { email, password, role } = createUserSchema.parse(req.body);
    const user = await auth.createUser(email, password, role);
    res.status(201).json(userResponseSchema.parse({ user }));
  });
  return router;
}
