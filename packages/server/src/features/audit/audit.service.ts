import type { EntityManager } from '@mikro-orm/knex';
import type { Principal } from '../../auth/principal.js';
import { AuditLogEntry } from './audit-log-entry.entity.js';

/**
 * Appends an entry in the caller's unit of work, so it commits with the change it records.
 * There is no update or delete: the log is append-only.
 */
export function recordAudit(
  em: EntityManager,
  entry: {
    principal: Principal | null;
    action: string;
    subjectType: string;
    subjectId: string;
    data?: Record<string, unknown>;
    at: Date;
  },
): AuditLogEntry {
  const p = entry.principal;
  const audit = new AuditLogEntry({
    at: entry.at,
    actorId: p?.kind === 'user' ? p.user.id : p?.kind === 'apiKey' ? p.apiKey.id : null,
    actorKind: p?.kind === 'user' ? 'USER' : p?.kind === 'apiKey' ? 'API_KEY' : 'SYSTEM',
    actorName:
      p?.kind === 'user'
        ? `${p.user.displayName} (${p.role})`
        : p?.kind === 'apiKey'
          ? `API key ${p.apiKey.name}`
          : null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    data: entry.data ?? null,
  });
  em.persist(audit);
  return audit;
}

export function auditTrail(em: EntityManager, subjectType: string, subjectId: string): Promise<AuditLogEntry[]> {
  return em.find(AuditLogEntry, { subjectType, subjectId }, { orderBy: { at: 'asc', createdAt: 'asc' } });
}
