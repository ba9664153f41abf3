// The session cookie: http-only, SameSite=Lax, never readable by page scripts.
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'hes_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** The session token the request carries, if any. A cookie that does not decode (a browser can
 *  hold anything under our name) is no session: throwing here failed every procedure, login
 *  included, so that browser could never sign in again to replace it. */
export function readSessionToken(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== SESSION_COOKIE) continue;
    const token = decodedOrUndefined(rest.join('='));
    if (token !== undefined) return token;
  }
  return undefined;
}

function decodedOrUndefined(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined; // URIError: a malformed percent-escape
  }
}

export function setSessionCookie(res: Response, token: string, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: SESSION_TTL_MS });
}

export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
}
