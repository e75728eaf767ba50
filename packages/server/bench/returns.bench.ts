/**
 * Returns benchmark (issue 10), in process on a scratch database:
 * - bulk authorize of 1,000 requests in one call (bulkAuthorizeReturns), then the same call again;
 * - the returns queue's first page (50 rows, newest first, with its capped count) among 100,000 returns of
 *   one seller, through the service (row reader, keyset, count) beside the same two SQL statements
 *   run bare on the same connection: the service's overhead per page.
 *
 *   pnpm --filter @recertify/server bench:returns --db both
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { DatabaseConfig } from '../src/config.js';
import type { Principal } from '../src/auth/principal.js';
import { loadConfig } from '../src/config.js';
import { cappedCountOf, cappedCountSql } from '../src/db/capped-count.js';
import { createOrm, migrateToLatest, type EntityManager, type Orm } from '../src/db/orm.js';
import { sql } from '../src/db/sql.js';
import { createScratchDatabase } from '../src/db/scratch-database.js';
import { OrganizationKind, Role } from '../src/features/accounts/accounts.enums.js';
import { Organization } from '../src/features/accounts/organization.entity.js';
import { bulkAuthorizeReturns, bulkCloseReturns } from '../src/features/returns/bulk-returns.js';
import { ReturnAddress } from '../src/features/returns/return-address.entity.js';
import { ReturnQueueService } from '../src/features/returns/return-queue.service.js';
import { createLogger } from '../src/logger.js';
import { ReferenceDataSeeder } from '../src/seeders/reference-data.seeder.js';
import { Reference } from '@mikro-orm/core';

type Kind = DatabaseConfig['kind'];
const { values } = parseArgs({
  options: { db: { type: 'string', default: 'both' }, returns: { type: 'string', default: '100000' } },
});
const QUEUE_ROWS = Number(values.returns);
const BULK = 1000;
const PAGES = 200;
const NOW = new Date('2026-11-23T17:00:00.000Z');
const logger = createLogger({ logLevel: 'silent' });
/** The app's cap on the queue's counts (RETURNS_COUNT_CAP). */
const COUNT_CAP = loadConfig({ RETURNS_COUNT_CAP: process.env['RETURNS_COUNT_CAP'] }).returnsQueue.countCap;

async function main(): Promise<void> {
  const kinds: Kind[] = values.db === 'both' ? ['sqlite', 'postgresql'] : [values.db as Kind];
  for (const kind of kinds) await benchOne(kind);
}

async function benchOne(kind: Kind): Promise<void> {
  const scratch = await createScratchDatabase(kind, 'returns-bench');
  const orm = await createOrm({ database: scratch.database, logger });
  try {
    await migrateToLatest(orm);
    await orm.getSeeder().seed(ReferenceDataSeeder);
    const em = orm.em.fork() as EntityManager;
    const seller = new Organization({ kind: OrganizationKind.SELLER, name: 'Bench seller' });
    const queueSeller = new Organization({ kind: OrganizationKind.SELLER, name: 'Bench queue seller' });
    em.persist([seller, queueSeller]);
    em.persist(
      new ReturnAddress({
        organization: Reference.create(seller),
        name: 'Bench returns',
        line1: '1 Bench St',
        city: 'Seattle',
        region: 'WA',
        postalCode: '98101',
        country: 'US',
        isDefault: true,
      }),
    );
    await em.flush();

    const bulkIds = await insertRequests(orm, seller.id, BULK);
    const principal = sellerOf(seller.id);
    // A running server has its code warm: a small bulk call of other requests first (not timed).
    const warmIds = await insertRequests(orm, seller.id, 50);
    await bulkAuthorizeReturns(orm.em.fork() as EntityManager, principal, warmIds, NOW);
    await bulkCloseReturns(orm.em.fork() as EntityManager, principal, { ids: warmIds, reason: 'DECLINED' }, NOW);
    const first = await timed(() => bulkAuthorizeReturns(orm.em.fork() as EntityManager, principal, bulkIds, NOW));
    const again = await timed(() => bulkAuthorizeReturns(orm.em.fork() as EntityManager, principal, bulkIds, NOW));
    const authorized = first.result.filter((r) => r.error === null).length;
    const closeIds = await insertRequests(orm, seller.id, BULK);
    const close = await timed(() =>
      bulkCloseReturns(orm.em.fork() as EntityManager, principal, { ids: closeIds, reason: 'DECLINED' }, NOW),
    );
    const closed = close.result.filter((r) => r.error === null).length;
    const took = (t: { seconds: number; cpuSeconds: number }) => `${ms(t.seconds)} (CPU ${ms(t.cpuSeconds)})`;
    console.log(
      `${kind}: bulk authorize of ${BULK} requests in one call: ${took(first)}, ${authorized} authorized; ` +
        `the same call again: ${took(again)}; bulk close of ${BULK}: ${took(close)}, ${closed} closed; ` +
        `load average ${os.loadavg()[0]!.toFixed(1)}`,
    );

    const seeded = await timed(() => insertRequests(orm, queueSeller.id, QUEUE_ROWS));
    await orm.em.getConnection().execute('analyze');
    console.log(`${kind}: ${QUEUE_ROWS.toLocaleString('en')} returns inserted in ${seeded.seconds.toFixed(1)} s`);
    const queuePrincipal = sellerOf(queueSeller.id);
    const service = async () => {
      const page = await new ReturnQueueService(orm.em.fork() as EntityManager, () => NOW, COUNT_CAP).list(
        queuePrincipal,
        { first: 50 },
      );
      return (await page.count).value + page.edges.length;
    };
    const bare = async () => {
      const fork = orm.em.fork() as EntityManager;
      const rows = await fork.execute<unknown[]>(
        'select * from "return_request" as "r" where "r"."organization_id" = ? order by "r"."requested_at" desc, "r"."id" desc limit 51',
        [queueSeller.id],
      );
      const count = cappedCountSql(sql('"return_request" as "r" where "r"."organization_id" = ?'), COUNT_CAP);
      const [counted] = await fork.execute<Array<{ count: number }>>(`select ${count.text} as "count"`, [
        queueSeller.id,
      ]);
      return rows.length + cappedCountOf(counted?.count, COUNT_CAP).value;
    };
    for (let i = 0; i < 20; i++) await Promise.all([service(), bare()]);
    const times = { service: [] as number[], bare: [] as number[] };
    for (let i = 0; i < PAGES; i++) {
      // Interleaved, so both see the same machine.
      times.service.push((await timed(service)).seconds);
      times.bare.push((await timed(bare)).seconds);
    }
    const line = (label: string, t: number[]) => `${label} p50 ${ms(pct(t, 50))} p95 ${ms(pct(t, 95))}`;
    console.log(
      `${kind}: queue first page (50 + count capped at ${COUNT_CAP}) of ${QUEUE_ROWS.toLocaleString('en')}: ${line('service', times.service)}; ` +
        `${line('bare SQL', times.bare)}; ratio of means ${(mean(times.service) / mean(times.bare)).toFixed(2)}x`,
    );
  } finally {
    await orm.close();
    await scratch.drop();
  }
}

function sellerOf(organizationId: string): Principal {
  return {
    kind: 'user',
    user: { id: randomUUID(), email: 'bench@example.com', displayName: 'Bench', role: Role.SELLER },
    sessionId: randomUUID(),
    role: Role.SELLER,
    organizationId,
  };
}

/** `count` in-policy REQUESTED returns of a seller, inserted in chunks (as the marketplace would have sent them). */
async function insertRequests(orm: Orm, organizationId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  const chunk = 500;
  for (let start = 0; start < count; start += chunk) {
    const em = orm.em.fork() as EntityManager;
    const rows = [];
    for (let i = start; i < Math.min(count, start + chunk); i++) {
      const id = randomUUID();
      ids.push(id);
      const requestedAt = new Date(NOW.getTime() - (i % 20) * 86_400_000 - i * 1000);
      rows.push({
        id,
        createdAt: NOW,
        updatedAt: NOW,
        organization: organizationId,
        marketplace: 'US',
        externalId: `B-${id}`,
        orderExternalId: `O-${i}`,
        orderDeliveredAt: new Date(requestedAt.getTime() - 3 * 86_400_000),
        items: [{ sku: `SKU-${i % 50}`, quantity: 1, categoryName: 'Phones', title: null }],
        reasonCode: 'DEFECTIVE',
        buyerComment: null,
        buyerName: null,
        buyerEmail: `buyer${i}@example.com`,
        requestedAt,
        status: 'REQUESTED',
        version: 1,
        inPolicy: true,
        outOfPolicyReason: null,
        policyExplanation: 'In policy.',
        returnWindowDays: 30,
        lastDayToRequest: '2026-12-10',
        authorizationMode: 'MANUAL',
        authorizationReason: 'INDIVIDUAL_MANUAL',
        authorizationExplanation: 'Waiting for your review.',
        labelKind: 'UNPAID',
        rmaGenerated: false,
      });
    }
    await em.insertMany('ReturnRequest', rows);
  }
  return ids;
}

/** Wall time, and this process's CPU time (user + system: the app's and, on SQLite, the database's). */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; cpuSeconds: number }> {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return {
    result,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}
const ms = (seconds: number) => `${(seconds * 1000).toFixed(1)} ms`;
const mean = (t: number[]) => t.reduce((a, b) => a + b, 0) / t.length;
function pct(t: number[], p: number): number {
  const sorted = [...t].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
