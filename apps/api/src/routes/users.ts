// POST /api/users: an administrator creates an account (whatever ALLOW_SIGNUP says). The new
// password must be strong (400 `weak_password` with feedback); the creation is audited.
// User management (admins, services/users.ts): GET /api/users[/:id], PATCH /api/users/:id
// {role?, disabled?}, POST /api/users/:id/reset-password {password?}, DELETE /api/users/:id
// (deletes the account with its documents, conversations and API keys, and says how many).
import {
  deletedUserResponseSchema,
  managedUserResponseSchema,
  managedUsersResponseSchema,
  newUserSchema,
  resetPasswordResponseSchema,
  resetPasswordSchema,
  updateUserSchema,
  userResponseSchema,
} from '@switchyard/client';
import { Router, type Request } from 'express';
import { currentUser, originOf, requireAdmin } from '../middleware/auth';
import type { AuthService } from '../services/auth';
import type { UserAdminService } from '../services/users';

export function createUsersRouter(auth: AuthService, users?: UserAdminService): Router {
  const router = Router();
  router.post('/', requireAdmin, async (req, res) => {
    const { email, password, role } = newUserSchema.parse(req.body);
    const user = await auth.createUser(currentUser(req), email, password, role, originOf(req));
    res.status(201).json(userResponseSchema.parse({ user }));
  });
  if (users) mountUserManagement(router, users);
  return router;
}

function mountUserManagement(router: Router, users: UserAdminService): void {
  const idOf = (req: Request) => String(req.params.id);
  router.get('/', requireAdmin, async (_req, res) => {
    res.json(managedUsersResponseSchema.parse({ users: await users.list() }));
  });
  router.get('/:id', requireAdmin, async (req, res) => {
    res.json(managedUserResponseSchema.parse({ user: await users.get(idOf(req)) }));
  });
  router.patch('/:id', requireAdmin, async (req, res) => {
    const change = updateUserSchema.parse(req.body);
    res.json(managedUserResponseSchema.parse({ user: await users.update(currentUser(req), idOf(req), change) }));
  });
  router.post('/:id/reset-password', requireAdmin, async (req, res) => {
    const { password } = resetPasswordSchema.parse(req.body ?? {});
    res.json(resetPasswordResponseSchema.parse(await users.resetPassword(idOf(req), password)));
  });
  router.delete('/:id', requireAdmin, async (req, res) => {
    res.json(deletedUserResponseSchema.parse({ deleted: await users.remove(currentUser(req), idOf(req)) }));
  });
}
