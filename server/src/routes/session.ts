import { signInSchema, type Session } from '@gridmap/shared';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppDeps } from '../app.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { clientAddress } from '../auth/session-context.ts';
import { closeSession, openSession, SESSION_COOKIE, SESSION_MAX_MS } from '../auth/sessions.ts';
import { SignInThrottle } from '../auth/sign-in-throttle.ts';
import { findAccountByUsername } from '../db/accounts-sql.ts';
import { recordAudit } from '../db/audit-sql.ts';
import { ApiError } from '../errors/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { validate } from '../http/validate.ts';
import { limitBody, MAX_SMALL_BODY_BYTES } from '../http/body-limit.ts';

/** Checked against when the username is unknown, so that a miss takes as long as a wrong password. */
const DUMMY_HASH = hashPassword('not a password of anyone');

/** `POST /api/session` signs in, `GET` says who is signed in (null: nobody), `DELETE` signs out. */
export function sessionRoutes({ db, config }: AppDeps) {
  const throttle = new SignInThrottle();
  return new Hono<AppEnv>()
    .post('/', limitBody(MAX_SMALL_BODY_BYTES), validate('json', signInSchema), async (c) => {
      const { username, password } = c.req.valid('json');
      const ip = clientAddress(c);
      const key = `${username.toLowerCase()}|${ip}`;
      const now = config.now();
      const wait = throttle.waitMs(key, now.getTime());
      if (wait > 0) {
        c.header('Retry-After', String(Math.ceil(wait / 1000)));
        throw new ApiError('too_many_requests', `too many failed sign-ins for '${username}': try again in ${Math.ceil(wait / 1000)} s`);
      }
      const account = findAccountByUsername(db, username);
      const ok = await verifyPassword(password, account?.passwordHash ?? (await DUMMY_HASH));
      if (!account || !ok || account.disabled) {
        throttle.fail(key, now.getTime());
        recordAudit(db, { accountId: account?.id ?? null, username, action: 'sign_in_failed', ip }, now);
        throw new ApiError('unauthorized', 'wrong username or password');
      }
      throttle.succeed(key);
      const opened = openSession(db, account.id, now);
      recordAudit(db, { accountId: account.id, username: account.username, action: 'sign_in', ip }, now);
      setCookie(c, SESSION_COOKIE, opened.token, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        maxAge: SESSION_MAX_MS / 1000,
        secure: new URL(c.req.url).protocol === 'https:',
      });
      const { passwordHash: _, disabled: __, ...public_ } = account;
      const body: Session = { account: public_, csrfToken: opened.csrfToken, expiresAt: opened.expiresAt };
      return c.json(body);
    })
    // Signed out is an answer, not an error: 200 with null, so that a page asking who is
    // signed in does not log a failed request on every load.
    .get('/', (c) => {
      const session = c.get('session');
      const body: Session | null = session && { account: session.account, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
      return c.json(body);
    })
    .delete('/', limitBody(MAX_SMALL_BODY_BYTES), (c) => {
      const session = c.get('session');
      if (session) {
        closeSession(db, session.token);
        recordAudit(db, { accountId: session.account.id, username: session.account.username, action: 'sign_out', ip: clientAddress(c) }, config.now());
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    });
}
