import type { EntityManager } from '@mikro-orm/knex';
import type { Principal } from '../../auth/principal.js';
import { AuditLogEntry } from './audit-log-entry.entity.js';

/**
 * Appends an entry in the caller's unit of work, so it commits with the change it records.
 * There is no update or delete: the log is append-only.
 */
export function recordAudit(em: EntityManager, entry: AuditFacts): AuditLogEntry {
  const audit = auditEntry(entry);
  em.persist(audit);
  return audit;
}

export interface AuditFacts {
  readonly principal: Principal | null;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly data?: Record<string, unknown>;
  readonly at: Date;
}

/** An entry, not yet persisted: for callers that insert many at once (`em.insertMany`) in their transaction. */
export function auditEntry(entry: AuditFacts): AuditLogEntry {
  const p = entry.principal;
  return new AuditLogEntry({
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
}

export function auditTrail(em: EntityManager, subjectType: string, subjectId: string): Promise<AuditLogEntry[]> {
  return em.find(AuditLogEntry, { subjectType, subjectId }, { orderBy: { at: 'asc', id: 'asc' } });
}
