// Who is calling: set on the request by the auth middleware. The chat routers only need the id
// (every read and write is scoped to it) and the role (admins see everyone's stats).
import type { Request } from 'express';
import { AppError } from '../errors';

export interface Caller {
  userId: string;
  role: 'admin' | 'user';
}

export function callerOf(req: Request): Caller {
  const auth = (req as Request & { auth?: Partial<Caller> }).auth;
  if (!auth?.userId) throw new AppError('unauthorized', 401, 'a Bearer token is required');
  return { userId: auth.userId, role: auth.role === 'admin' ? 'admin' : 'user' };
}
