import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The tokens of the links in return-request emails (SPEC 6, "Email settings"): whoever holds one
 * may do one thing to one return without signing in, so a token is
 * - signed: HMAC-SHA256 over its payload with the server's link secret; changing any byte of it
 *   (the action, the return, the expiry) breaks the signature;
 * - single-purpose: the action is inside the signed payload, so an "authorize" link cannot close;
 * - expiring: the expiry is inside it too;
 * - single-use: its id is claimed in the database when it acts (return-links.service.ts).
 * Nothing about a link is stored when it is sent; a used one leaves a row.
 */

export const RETURN_LINK_ACTIONS = ['AUTHORIZE', 'CLOSE', 'REPLY'] as const;
export type ReturnLinkAction = (typeof RETURN_LINK_ACTIONS)[number];

export interface ReturnLinkClaims {
  readonly action: ReturnLinkAction;
  readonly returnId: string;
  /** The seller organization the return belongs to (the link acts on its behalf). */
  readonly sellerId: string;
  /** Random, unique per link: what the used-link row records. */
  readonly linkId: string;
  readonly expiresAt: Date;
}

/** Why a token was not accepted; the page says each in words. */
export type ReturnLinkProblem = 'MALFORMED' | 'TAMPERED' | 'EXPIRED' | 'WRONG_ACTION';

export type ReturnLinkCheck =
  | { readonly ok: true; readonly claims: ReturnLinkClaims }
  | { readonly ok: false; readonly problem: ReturnLinkProblem; readonly claims: ReturnLinkClaims | null };

/** Tokens are about 250 characters; anything much longer is refused before any work. */
export const RETURN_LINK_TOKEN_MAX_LENGTH = 512;

/** Bumped if the payload's shape ever changes; old tokens then read as MALFORMED. */
const VERSION = 1;
/** Keeps these signatures from ever being valid for another use of the same secret. */
const CONTEXT = 'recertify.return-link.v1';
const SIGNATURE_BYTES = 32;

interface Payload {
  v: number;
  a: ReturnLinkAction;
  r: string;
  s: string;
  j: string;
  e: number;
}

/** A new link id: 128 random bits. */
export function newReturnLinkId(): string {
  return randomBytes(16).toString('base64url');
}

/** The token for these claims: `<payload>.<signature>`, both base64url, safe in a URL path. */
export function signReturnLink(claims: ReturnLinkClaims, secret: Buffer): string {
  const payload: Payload = {
    v: VERSION,
    a: claims.action,
    r: claims.returnId,
    s: claims.sellerId,
    j: claims.linkId,
    e: Math.floor(claims.expiresAt.getTime() / 1000),
  };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${signature(body, secret).toString('base64url')}`;
}

/**
 * Checks a token: its signature first (nothing in an unsigned payload is believed, not even to
 * say which action it claims), then its expiry, then, when `expected` is given, that it is a link
 * for that action. `now` is compared with the expiry to the second.
 */
export function verifyReturnLink(
  token: string,
  secret: Buffer,
  now: Date,
  expected?: ReturnLinkAction,
): ReturnLinkCheck {
  const parts = token.length <= RETURN_LINK_TOKEN_MAX_LENGTH ? token.split('.') : [];
  const [body, sent] = parts;
  if (parts.length !== 2 || !body || !sent || !/^[A-Za-z0-9_-]+$/.test(body + sent)) {
    return { ok: false, problem: 'MALFORMED', claims: null };
  }
  const given = Buffer.from(sent, 'base64url');
  if (given.length !== SIGNATURE_BYTES || !timingSafeEqual(given, signature(body, secret))) {
    return { ok: false, problem: 'TAMPERED', claims: null };
  }
  const claims = readPayload(body);
  // Signed by us but unreadable: only a token of another version can be that.
  if (!claims) return { ok: false, problem: 'MALFORMED', claims: null };
  if (claims.expiresAt.getTime() <= now.getTime()) return { ok: false, problem: 'EXPIRED', claims };
  if (expected !== undefined && claims.action !== expected) return { ok: false, problem: 'WRONG_ACTION', claims };
  return { ok: true, claims };
}

function signature(body: string, secret: Buffer): Buffer {
  return createHmac('sha256', secret).update(`${CONTEXT}.${body}`).digest();
}

function readPayload(body: string): ReturnLinkClaims | null {
  let payload: Partial<Payload>;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<Payload>;
  } catch {
    return null;
  }
  const action = RETURN_LINK_ACTIONS.find((a) => a === payload.a);
  if (
    payload.v !== VERSION ||
    !action ||
    typeof payload.r !== 'string' ||
    typeof payload.s !== 'string' ||
    typeof payload.j !== 'string' ||
    typeof payload.e !== 'number' ||
    !Number.isSafeInteger(payload.e)
  ) {
    return null;
  }
  return { action, returnId: payload.r, sellerId: payload.s, linkId: payload.j, expiresAt: new Date(payload.e * 1000) };
}
