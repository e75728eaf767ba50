import type { EntityManager } from '@mikro-orm/knex';
import { unauthenticated } from '../errors/app-error.js';
import { ANONYMOUS, type Principal } from './principal.js';
import { ApiKey } from '../features/api-keys/api-key.entity.js';
import { parseApiKey } from '../features/api-keys/api-key-format.js';
import { sameHash, sha256 } from '../features/accounts/secrets.js';
import { Session } from '../features/accounts/session.entity.js';

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

async function principalFromSession(em: EntityManager, token: string, now: Date): Promise<Principal> {
  const session = await em.findOne(Session, { tokenHash: sha256(token) }, { populate: ['user'] });
  if (!session || !session.isActiveAt(now)) return ANONYMOUS;
  const user = session.user.getEntity();
  if (user.deactivatedAt) return ANONYMOUS;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await em.nativeUpdate(Session, { id: session.id }, { lastSeenAt: now });
  }
  return {
    kind: 'user',
    user,
    session,
    role: user.role,
    organizationId: user.organization?.id ?? null,
  };
}
