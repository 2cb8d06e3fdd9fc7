// Sign-up status, sign-up, login, logout and "who am I". Sign-up and login answer `{user, token}`
// and also set the HttpOnly session cookie the web app relies on. Sign-up judges the password's
// strength (400 `weak_password` with feedback); login is throttled per client address here and
// per account in the service (exponential backoff), and every outcome goes to the audit trail.
import { authResponseSchema, authStatusSchema, credentialsSchema, newCredentialsSchema, userResponseSchema } from '@switchyard/client';
import { Router, type RequestHandler } from 'express';
import { clearSessionCookie, currentUser, originOf, setSessionCookie } from '../middleware/auth';
import type { AuthService } from '../services/auth';

export function createAuthRouter(
  /** The session cookie's settings. */
  env: Parameters<typeof setSessionCookie>[1],
  auth: AuthService,
  deps: { authenticate: RequestHandler; ipRateLimit: RequestHandler; parseBody: RequestHandler },
): Router {
  const router = Router();

  // Unauthenticated, like the probes: the sign-in page asks it before anyone has an account.
  // Not behind the address limit, so loading the page never spends a person's login attempts.
  router.get('/status', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(authStatusSchema.parse(await auth.status()));
  });

  // The address limit runs before the body is read: a flood costs a counter, not a parse.
  router.post('/signup', deps.ipRateLimit, deps.parseBody, async (req, res) => {
    const { email, password } = newCredentialsSchema.parse(req.body);
    const user = await auth.signup(email, password, originOf(req));
    const token = await auth.createSession(user.id);
    setSessionCookie(res, env, token);
    res.status(201).json(authResponseSchema.parse({ user, token }));
  });

  router.post('/login', deps.ipRateLimit, deps.parseBody, async (req, res) => {
    const { email, password } = credentialsSchema.parse(req.body);
    const user = await auth.login(email, password, originOf(req));
    const token = await auth.createSession(user.id);
    setSessionCookie(res, env, token);
    res.json(authResponseSchema.parse({ user, token }));
  });

  router.post('/logout', deps.authenticate, async (req, res) => {
    if (req.principal?.sessionHash) await auth.endSession(req.principal.sessionHash, currentUser(req), originOf(req));
    clearSessionCookie(res, env);
    res.status(204).end();
  });

  router.get('/me', deps.authenticate, (req, res) => {
    res.json(userResponseSchema.parse({ user: currentUser(req) }));
  });

  return router;
}
