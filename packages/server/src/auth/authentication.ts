import type { EntityManager } from '@mikro-orm/knex';
import { unauthenticated } from '../errors/app-error.js';
import { ANONYMOUS, type Principal } from './principal.js';
import { ApiKey } from '../features/api-keys/api-key.entity.js';
import { parseApiKey } from '../features/api-keys/api-key-format.js';
import { sameHash, sha256 } from '../features/accounts/secrets.js';
import { Session, sessionIsActiveAt } from '../features/accounts/session.entity.js';
import { User } from '../features/accounts/user.entity.js';
import { rowReader } from '../db/rows.js';
import { selectRows } from '../db/select-rows.js';

export const SESSION_COOKIE = 'rc_session';

/** Last-seen and last-used times are written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export interface Credentials {
  readonly sessionToken?: string | undefined;
  readonly authorization?: string | undefined;
}

/**
 * Works out who is asking. A bearer key that is wrong is an error (a third party should hear
 * about it at once); a stale session cookie just means "not signed in".
 */
export async function resolvePrincipal(em: EntityManager, credentials: Credentials, now: Date): Promise<Principal> {
  if (credentials.authorization) return principalFromApiKey(em, credentials.authorization, now);
  if (credentials.sessionToken) return principalFromSession(em, credentials.sessionToken, now);
  return ANONYMOUS;
}

async function principalFromApiKey(em: EntityManager, authorization: string, now: Date): Promise<Principal> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  const parsed = match?.[1] ? parseApiKey(match[1]) : null;
  if (!parsed) {
    throw unauthenticated('The Authorization header must be "Bearer rcf_…" with an API key from Account → API keys.');
  }
  const apiKey = await em.findOne(ApiKey, { prefix: parsed.prefix }, { populate: ['secretHash', 'organization'] });
  if (!apiKey || apiKey.revokedAt || !sameHash(apiKey.secretHash, sha256(parsed.secret))) {
    throw unauthenticated('This API key is not valid or has been revoked. Create a new one in Account → API keys.');
  }
  if (!apiKey.lastUsedAt || now.getTime() - apiKey.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await em.nativeUpdate(ApiKey, { id: apiKey.id }, { lastUsedAt: now });
    apiKey.lastUsedAt = now;
  }
  return { kind: 'apiKey', apiKey, organizationId: apiKey.organization.id, scopes: apiKey.scopes };
}

/**
 * One statement on every signed-in request: the session joined with its user, only the columns
 * the checks and the principal need, read as a plain row (no query building, no entities).
 */
async function principalFromSession(em: EntityManager, token: string, now: Date): Promise<Principal> {
  const session = rowReader(em, Session, 's', SESSION_COLUMNS, true);
  const user = rowReader(em, User, 'u', USER_COLUMNS, true);
  const [raw] = await selectRows<Record<string, unknown>>(
    em,
    `select ${session.columns}, ${user.columns}, "u"."organization_id" as "user_organization_id"` +
      ' from "session" as "s" inner join "user" as "u" on "u"."id" = "s"."user_id"' +
      ' where "s"."token_hash" = ? limit 1',
    [sha256(token)],
  );
  if (!raw) return ANONYMOUS;
  const s = session.read(raw) as Pick<Session, SessionColumn>;
  const u = user.read(raw) as Pick<User, UserColumn>;
  if (!sessionIsActiveAt(s, now) || u.deactivatedAt) return ANONYMOUS;
  if (now.getTime() - s.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await em.nativeUpdate(Session, { id: s.id }, { lastSeenAt: now });
  }
  const organizationId = raw.user_organization_id;
  return {
    kind: 'user',
    user: { id: u.id, email: u.email, displayName: u.displayName, role: u.role },
    sessionId: s.id,
    role: u.role,
    organizationId: typeof organizationId === 'string' ? organizationId : null,
  };
}

const SESSION_COLUMNS = ['id', 'expiresAt', 'lastSeenAt', 'revokedAt'] as const;
type SessionColumn = (typeof SESSION_COLUMNS)[number];
const USER_COLUMNS = ['id', 'email', 'displayName', 'role', 'deactivatedAt'] as const;
type UserColumn = (typeof USER_COLUMNS)[number];
