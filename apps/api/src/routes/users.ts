// POST /api/users: an administrator creates an account (whatever ALLOW_SIGNUP says). The new
// password must be strong (400 `weak_password` with feedback); the creation is audited.
import { newUserSchema, userResponseSchema } from '@switchyard/client';
import { Router } from 'express';
import { currentUser, originOf, requireAdmin } from '../middleware/auth';
import type { AuthService } from '../services/auth';

export function createUsersRouter(auth: AuthService): Router {
  const router = Router();
  router.post('/', requireAdmin, async (req, res) => {
    const { email, password, role } = newUserSchema.parse(req.body);
    const user = await auth.createUser(currentUser(req), email, password, role, originOf(req));
    res.status(201).json(userResponseSchema.parse({ user }));
  });
  return router;
}
