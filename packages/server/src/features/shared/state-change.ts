import { OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { conflict } from '../../errors/app-error.js';
import type { Principal } from '../../auth/principal.js';
import { recordAudit } from '../audit/audit.service.js';
import { enqueueEmail, type EmailToSend } from '../outbox/outbox.service.js';

/*
 * The one way a use case changes the state of a record that has a lifecycle (applications today,
 * returns next): the record was loaded with its version; the version the client read is checked,
 * the domain's transition applied, and the new status written together with what the change was
 * judged on (a snapshot), its audit entry and its outbox emails, in one flush. A concurrent change
 * that wins the race is reported as CONFLICT and nothing is saved.
 *
 *   const change = beginStateChange(em, applicationLifecycle, { record, expectedVersion, event });
 *   ...validate (throws a typed refusal; nothing is written)...
 *   ...set the fields the use case changes...
 *   await change.commit({ principal, at, audit: { action: 'CLAIMED' } });
 */

/** A record whose state changes are guarded by an optimistic-lock version the client read. */
export interface VersionedRecord<S extends string> {
  readonly id: string;
  /** MikroORM's `@Property({ version: true })`: bumped by each flush that changes the row. */
  readonly version: number;
  status: S;
}

/** A lifecycle as the domain states it, with the words the server says it in. */
export interface Lifecycle<S extends string, E extends string> {
  /** The subject type of the audit entries, e.g. "Application". */
  readonly subjectType: string;
  /** What a person calls the record, for messages: "application". */
  readonly noun: string;
  /** Where `event` takes a record in `status`; throws the domain's refusal when it may not. */
  readonly next: (status: S, event: E) => S;
}

/** What is written with the new status, in the same flush. */
export interface StateChangeRecord {
  readonly principal: Principal | null;
  readonly at: Date;
  readonly audit: { readonly action: string; readonly data?: Record<string, unknown> };
  /** What the change was judged on (e.g. an eligibility snapshot entity), kept with it. */
  readonly snapshot?: object | null;
  /** Queued in the outbox: they commit with the change and are sent by the worker. */
  readonly emails?: readonly EmailToSend[];
}

export interface PendingStateChange<S extends string> {
  readonly from: S;
  readonly to: S;
  /** Writes the new status, the snapshot, the audit entry and the emails, and flushes. */
  commit(record: StateChangeRecord): Promise<void>;
}

/**
 * Checks that `event` may happen to `record` now and that the client read its current version;
 * throws the lifecycle's refusal or a CONFLICT before anything is written. Nothing changes until
 * `commit`, so the use case can still validate its input in between.
 */
export function beginStateChange<S extends string, E extends string>(
  em: EntityManager,
  lifecycle: Lifecycle<S, E>,
  { record, expectedVersion, event }: { record: VersionedRecord<S>; expectedVersion: number; event: E },
): PendingStateChange<S> {
  const from = record.status;
  const to = lifecycle.next(from, event);
  checkVersion(lifecycle, record, expectedVersion);
  return {
    from,
    to,
    async commit({ principal, at, audit, snapshot, emails }: StateChangeRecord): Promise<void> {
      record.status = to;
      if (snapshot) em.persist(snapshot);
      recordAudit(em, {
        principal,
        action: audit.action,
        subjectType: lifecycle.subjectType,
        subjectId: record.id,
        ...(audit.data ? { data: audit.data } : {}),
        at,
      });
      for (const email of emails ?? []) enqueueEmail(em, email, at);
      await flushOrConflict(em, lifecycle);
    },
  };
}

/** The client must have read the version it changes; otherwise it is told to reload. */
export function checkVersion(
  lifecycle: Pick<Lifecycle<string, string>, 'noun'>,
  record: Pick<VersionedRecord<string>, 'version'>,
  expectedVersion: number,
): void {
  if (record.version !== expectedVersion) {
    throw conflict(
      `This ${lifecycle.noun} changed since you loaded it (version ${expectedVersion}, now ${record.version}). ` +
        'Reload it to see what changed, then try again.',
    );
  }
}

/** Flushes; a row changed by someone else since it was loaded is a CONFLICT, with nothing saved. */
export async function flushOrConflict(
  em: EntityManager,
  lifecycle: Pick<Lifecycle<string, string>, 'noun'>,
): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError) {
      throw conflict(
        `Someone else changed this ${lifecycle.noun} at the same moment; nothing was saved. Reload it and try again.`,
      );
    }
    throw error;
  }
}
