/** Login, logout and the current user. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { runAsTenant, tenantContext } from '../../db/tenant.js';
import {
  clearLoginFailures,
  createSession,
  deleteSession,
  hashPassword,
  loadUser,
  recordLoginFailure,
  SESSION_COOKIE,
  throttleLockedUntil,
  verifyPassword,
} from '../auth.js';
import { ApiError } from '../errors.js';
import { route } from '../route.js';
import { loginBody } from '../schemas.js';
import { loginCandidates } from '../system-queries.js';

let dummyHash: Promise<string> | null = null;

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const cfg = app.bijakConfig;
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: cfg.secureCookies ?? false };

  route(
    app,
    {
      method: 'POST',
      url: '/auth/login',
      summary: 'Log in; sets the bijak_session cookie',
      tag: 'auth',
      access: 'public',
      body: loginBody,
      csrf: false,
      response: '{user: User, csrfToken}',
    },
    async ({ body, req, reply }) => {
      const key = `${body.username.toLowerCase()}|${req.ip}`;
      const locked = await throttleLockedUntil(app.db, key);
      if (locked) {
        const retry = Math.max(1, Math.ceil((Date.parse(locked) - Date.now()) / 1000));
        throw new ApiError(
          'rate_limited',
          `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${Math.ceil(retry / 60)} menit.`,
          `Too many failed logins. Try again in ${Math.ceil(retry / 60)} minutes.`,
          undefined,
          { 'retry-after': String(retry) },
        );
      }
      // a username may exist in several organisations: each candidate's password is tried (the organisation's
      // code narrows it to one); unknown users cost the same work, so timing does not reveal which exist
      const candidates = await loginCandidates(app.systemDb, body.username.toLowerCase(), body.organization);
      let row: (typeof candidates)[number] | undefined;
      for (const c of candidates) {
        if (await verifyPassword(c.password_hash, body.password)) {
          row = c;
          break;
        }
      }
      if (!candidates.length) {
        dummyHash ??= hashPassword('bijak-dummy-password', cfg.argon2);
        await verifyPassword(await dummyHash, body.password);
      }
      if (!row) {
        await recordLoginFailure(app.db, key, cfg.loginMaxFailures, cfg.loginLockMs);
        throw new ApiError('unauthenticated', 'Nama pengguna atau kata sandi salah.', 'Wrong username or password.');
      }
      await clearLoginFailures(app.db, key);
      const orgId = row.org_id;
      const store = tenantContext.getStore();
      if (store) store.orgId = orgId;
      const s = await runAsTenant(orgId, () => createSession(app.db, orgId, row.id, cfg.sessionHours));
      const user = await runAsTenant(orgId, () => loadUser(app.db, row.id));
      reply.setCookie(SESSION_COOKIE, s.token, { ...cookieOpts, expires: s.expiresAt });
      return { user, csrfToken: s.csrfToken };
    },
  );

  const clear = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, cookieOpts);

  route(app, { method: 'POST', url: '/auth/logout', summary: 'Log out', tag: 'auth', access: 'public', response: '{ok: true}' }, async ({ req, reply }) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await deleteSession(app.db, token);
    if (req.user) await app.authChanged(req.user.id);
    clear(reply);
    return { ok: true };
  });

  route(
    app,
    { method: 'GET', url: '/auth/me', summary: 'The logged-in user and the CSRF token', tag: 'auth', access: 'user', response: '{user: User, csrfToken}' },
    ({ req }) => ({
      user: req.user,
      csrfToken: req.csrfToken,
    }),
  );
}
