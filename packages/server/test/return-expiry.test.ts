import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLogEntry } from '../src/features/audit/audit-log-entry.entity.js';
import { authorizeReturn } from '../src/features/returns/authorize-return.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { runReturnExpiry } from '../src/features/returns/expire-returns.js';
import { createLogger } from '../src/logger.js';
import { runWorkerProcess } from '../src/worker.js';
import { ReturnAddress } from '../src/features/returns/return-address.entity.js';
import { ReturnRequest } from '../src/features/returns/return-request.entity.js';
import type { Principal } from '../src/auth/principal.js';
import { Role } from '../src/features/accounts/accounts.enums.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { arrive, organizationId } from './support/returns.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { Reference } from '@mikro-orm/core';
import { Organization } from '../src/features/accounts/organization.entity.js';
import type { EntityManager } from '@mikro-orm/knex';

// Delivered at noon in Los Angeles on 1 October; requested and authorized on day 5.
const DELIVERED_DAYS_BEFORE = 5;
const REQUESTED = new Date('2026-10-06T19:00:00Z');

describe('return expiry (scheduled job)', () => {
  let app: TestApp;
  let sellerId: string;
  let seller: Principal;

  async function authorized(categoryName: string): Promise<ReturnRequest> {
    const request = await arrive(app, sellerId, {
      requestedAt: REQUESTED,
      deliveredDaysBefore: DELIVERED_DAYS_BEFORE,
      items: [{ sku: `SKU-${categoryName}`, quantity: 1, categoryName }],
    });
    // A professional seller's in-policy request is authorized on arrival; otherwise the seller authorizes it.
    if (request.status === 'AUTHORIZED') return request;
    return authorizeReturn(
      app.orm.em.fork() as EntityManager,
      seller,
      { id: request.id, version: request.version },
      REQUESTED,
    );
  }

  const stateOf = async (id: string) => (await app.orm.em.fork().findOneOrFail(ReturnRequest, { id })).status;

  beforeAll(async () => {
    app = await startTestApp({ seeders: [DemoDataSeeder] });
    sellerId = await organizationId(app, 'Draftwood Devices');
    const em = app.orm.em.fork();
    em.persist(
      new ReturnAddress({
        organization: Reference.createFromPK(Organization, sellerId),
        name: 'Draftwood Returns',
        line1: '5 Oak Ave',
        city: 'Denver',
        region: 'CO',
        postalCode: '80202',
        country: 'US',
        isDefault: true,
      }),
    );
    await em.flush();
    seller = {
      kind: 'user',
      user: { id: 'x', email: 'draft-seller@demo.recertify.test', displayName: 'Dan', role: Role.SELLER },
      sessionId: 'x',
      role: Role.SELLER,
      organizationId: sellerId,
    };
  });
  afterAll(() => app?.stop());

  it('leaves a return alone on day 45 (the deadline) and expires it on day 46, once however many runs race', async () => {
    const request = await authorized('Phones');
    expect(request.deadline).toBe('2026-11-15');
    // 23:59 on 15 November in Los Angeles: still the deadline day.
    expect(
      await runReturnExpiry({ orm: app.orm, logger: null as never, now: () => new Date('2026-11-16T07:59:00Z') }),
    ).toBe(0);
    expect(await stateOf(request.id)).toBe('AUTHORIZED');
    const day46 = () => new Date('2026-11-16T08:00:00Z');
    const runs = await Promise.all(
      [1, 2, 3].map(() => runReturnExpiry({ orm: app.orm, logger: null as never, now: day46 })),
    );
    expect(await stateOf(request.id)).toBe('EXPIRED');
    const audits = await app.orm.em.fork().find(AuditLogEntry, { subjectId: request.id, action: 'RETURN_EXPIRED' });
    expect(audits).toHaveLength(1);
    expect(runs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
  });

  it("counts from a category's own window: Headphones (15 days) expire after day 30, not day 45", async () => {
    const request = await authorized('Headphones');
    expect(request.deadline).toBe('2026-10-31');
    // 1 November starts at 07:00 UTC in Los Angeles (still daylight time on 31 October).
    await runReturnExpiry({ orm: app.orm, logger: null as never, now: () => new Date('2026-11-01T06:59:00Z') });
    expect(await stateOf(request.id)).toBe('AUTHORIZED');
    await runReturnExpiry({ orm: app.orm, logger: null as never, now: () => new Date('2026-11-01T07:00:00Z') });
    expect(await stateOf(request.id)).toBe('EXPIRED');
  });

  it('is run by the `worker` command as well as by a server with RUN_WORKERS', async () => {
    // Its deadline, 15 November, has passed by the real clock the worker process runs on.
    const request = await authorized('Laptops');
    expect(request.deadline).toBe('2026-11-15');
    expect(await stateOf(request.id)).toBe('AUTHORIZED');
    const controller = new AbortController();
    const running = runWorkerProcess(app.config, {
      signal: controller.signal,
      logger: createLogger({ logLevel: 'silent' }),
    });
    try {
      // Web-first: wait for what the worker changes, for up to 20 s on a loaded machine.
      for (let waited = 0; (await stateOf(request.id)) !== 'EXPIRED' && waited < 20_000; waited += 100)
        await sleep(100);
    } finally {
      controller.abort();
      await running;
    }
    expect(await stateOf(request.id)).toBe('EXPIRED');
  });
});
