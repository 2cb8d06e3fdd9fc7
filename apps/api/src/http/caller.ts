// Who is calling, as the auth middleware put it on the request. The chat routers only need the
// id (every read and write is scoped to it) and the role (admins see everyone's stats).
import type { Request } from 'express';
import { currentUser } from '../middleware/auth';

export interface Caller {
  userId: string;
  role: 'admin' | 'user';
}

export function callerOf(req: Request): Caller {
  const user = currentUser(req);
  return { userId: user.id, role: user.role };
}
