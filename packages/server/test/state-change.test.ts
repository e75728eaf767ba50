import type { EntityManager } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationLifecycle } from '../src/features/applications/application-lifecycle.js';
import { Application } from '../src/features/applications/application.entity.js';
import { AuditLogEntry } from '../src/features/audit/audit-log-entry.entity.js';
import { auditTrail, recordAudit } from '../src/features/audit/audit.service.js';
import { OutboxEmail } from '../src/features/outbox/outbox-email.entity.js';
import { beginStateChange } from '../src/features/shared/state-change.js';
import { START } from './support/applications.js';
import { signedUpSeller } from './support/principals.js';
import { startTestApp, TestClock, type TestApp } from './support/test-app.js';

const email = (kind: string) => ({ kind, to: 'seller@example.com', subject: kind, text: `About ${kind}.` });

/*
 * The one way to change state, against a real database: two units of work that loaded the same
 * version race, and the loser is told CONFLICT with nothing of its change written (status, audit
 * entry, outbox row).
 */
describe('beginStateChange', () => {
  const clock = new TestClock();
  let app: TestApp;
  let n = 0;

  beforeAll(async () => {
    app = await startTestApp({ now: clock.now });
  });
  afterAll(() => app?.stop());

  /** A unit of work of its own, as one request has. */
  const fork = () => app.orm.em.fork() as EntityManager;

  async function draft(): Promise<string> {
    const client = await signedUpSeller(app, { email: `racer-${++n}@example.com`, organizationName: `Racer ${n} LLC` });
    const started = await client.graphql<any>(START, { m: 'US' });
    clock.advance(1000); // later entries sort after the STARTED one
    return started.data.startApplication.id as string;
  }

  async function recorded(id: string) {
    const em = fork();
    const application = await em.findOneOrFail(Application, { id });
    const audit = await em.find(AuditLogEntry, { subjectId: id }, { orderBy: { at: 'asc', id: 'asc' } });
    return { status: application.status, version: application.version, actions: audit.map((a) => a.action) };
  }

  it('commits the status, the audit entry and the emails together, and bumps the version', async () => {
    const id = await draft();
    const em = fork();
    const application = await em.findOneOrFail(Application, { id });
    const loadedVersion = application.version;
    const outboxBefore = await fork().count(OutboxEmail, { kind: 'race-winner' });
    const change = beginStateChange(em, applicationLifecycle, {
      record: application,
      expectedVersion: loadedVersion,
      event: 'WITHDRAW',
    });
    expect([change.from, change.to]).toEqual(['DRAFT', 'WITHDRAWN']);
    await change.commit({
      principal: null,
      at: clock.now(),
      audit: { action: 'WITHDRAWN', data: { why: 'test' } },
      emails: [email('race-winner')],
    });
    const after = await recorded(id);
    expect(after).toMatchObject({ status: 'WITHDRAWN', actions: ['STARTED', 'WITHDRAWN'] });
    expect(after.version).toBeGreaterThan(loadedVersion);
    expect(await fork().count(OutboxEmail, { kind: 'race-winner' })).toBe(outboxBefore + 1);
  });

  it('the loser of a race on the same version gets CONFLICT and writes nothing', async () => {
    const id = await draft();
    const first = fork();
    const second = fork();
    const mine = await first.findOneOrFail(Application, { id });
    const theirs = await second.findOneOrFail(Application, { id });
    const outboxBefore = await fork().count(OutboxEmail, { kind: 'race-loser' });

    const winner = beginStateChange(first, applicationLifecycle, {
      record: mine,
      expectedVersion: mine.version,
      event: 'WITHDRAW',
    });
    // Both pass the checks: each read the same, current version.
    const loser = beginStateChange(second, applicationLifecycle, {
      record: theirs,
      expectedVersion: theirs.version,
      event: 'SUBMIT',
    });
    await winner.commit({ principal: null, at: clock.now(), audit: { action: 'WITHDRAWN' } });
    await expect(
      loser.commit({ principal: null, at: clock.now(), audit: { action: 'SUBMITTED' }, emails: [email('race-loser')] }),
    ).rejects.toThrow(/^Someone else changed this application at the same moment; nothing was saved/);

    const after = await recorded(id);
    expect(after.status).toBe('WITHDRAWN');
    expect(after.actions).toEqual(['STARTED', 'WITHDRAWN']);
    expect(await fork().count(OutboxEmail, { kind: 'race-loser' })).toBe(outboxBefore);
  });

  it('refuses a version the client did not read, before anything changes', async () => {
    const id = await draft();
    const em = fork();
    const application = await em.findOneOrFail(Application, { id });
    expect(() =>
      beginStateChange(em, applicationLifecycle, {
        record: application,
        expectedVersion: application.version - 1,
        event: 'WITHDRAW',
      }),
    ).toThrow(/^This application changed since you loaded it \(version \d+, now \d+\)/);
    expect(application.status).toBe('DRAFT');
  });

  it('refuses a transition the lifecycle does not allow, in its words', async () => {
    const id = await draft();
    const em = fork();
    const application = await em.findOneOrFail(Application, { id });
    expect(() =>
      beginStateChange(em, applicationLifecycle, {
        record: application,
        expectedVersion: application.version,
        event: 'CLAIM',
      }),
    ).toThrow('This application is DRAFT; it is not waiting in the queue, so there is nothing to claim');
    expect(application.status).toBe('DRAFT');
  });

  it('keeps the audit trail in the order it was written when every entry has the same time', async () => {
    const id = await draft();
    const at = clock.now();
    const actions = Array.from({ length: 40 }, (_, i) => `STEP_${String(i).padStart(2, '0')}`).reverse();
    // Two entries to a unit of work, as a request that claims and decides at once writes them.
    for (let i = 0; i < actions.length; i += 2) {
      const em = fork();
      for (const action of actions.slice(i, i + 2))
        recordAudit(em, { principal: null, action, subjectType: 'Application', subjectId: id, at });
      await em.flush();
    }
    const trail = await auditTrail(fork(), 'Application', id);
    expect(trail.map((a) => a.action)).toEqual(['STARTED', ...actions]);
  });
});
