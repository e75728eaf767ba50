import type { ServerResponse } from 'node:http';
import { stringifySetCookie, type SerializeOptions } from 'cookie';
import { SESSION_COOKIE } from '../auth/authentication.js';
import type { SessionCookie } from '../graphql/context.js';

/**
 * The session cookie of one response: HttpOnly, SameSite=Lax, on every path, Secure when the
 * deployment is served over https. Set with the session's expiry; cleared by an expiry in the past,
 * with the same attributes (a browser matches a cookie to clear by name, path and domain).
 */
export function sessionCookieOf(res: ServerResponse, secure: boolean): SessionCookie {
  const attributes: SerializeOptions = { httpOnly: true, sameSite: 'lax', secure, path: '/' };
  return {
    set: (token, expiresAt) =>
      void res.appendHeader(
        'Set-Cookie',
        stringifySetCookie(SESSION_COOKIE, token, { ...attributes, expires: expiresAt }),
      ),
    clear: () =>
      void res.appendHeader(
        'Set-Cookie',
        stringifySetCookie(SESSION_COOKIE, '', { ...attributes, expires: new Date(1) }),
      ),
  };
}
