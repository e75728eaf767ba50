/**
 * Daily quality evaluation benchmark (issue 9): the daily job over 1,000 sellers whose offers hold
 * 2,000,000 orders over 90 days, on SQLite and PostgreSQL. Reported, never asserted.
 *
 *   node --conditions=source --import @swc-node/register/esm-register bench/evaluation.bench.ts \
 *     [--db sqlite|postgresql|both] [--sellers 1000] [--offers 10] [--orders 2000000] [--workers 2]
 *
 * Evaluation reads the daily rollups only, never raw orders, so the bench seeds the rollup rows
 * the orders would leave (one row per offer and day with orders, and the sellers' sums) instead of
 * 2,000,000 order records: the job's work is the same. Some sellers are under 98% RQS or over
 * 0.8% ODR and some offers under 95% RQS, so the run writes suppressions, standings, audit
 * entries and emails as a real day would. Then it times:
 *   1. one worker evaluating every seller (the first run of the day);
 *   2. the same again on the next day with `--workers` workers at once, each with its own
 *      connections (the claims split the sellers between them);
 *   3. a run later the same day, which finds every seller claimed.
 * Scratch databases are dropped.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { addCalendarDays, localDateOf, MARKETPLACES } from '@recertify/domain';
import type { DatabaseConfig } from '../src/config.js';
import { createOrm, migrateToLatest, type EntityManager, type Orm } from '../src/db/orm.js';
import { createScratchDatabase } from '../src/db/scratch-database.js';
import { OrganizationKind, Role } from '../src/features/accounts/accounts.enums.js';
import { runDailyQualityEvaluation } from '../src/features/quality/evaluation/daily-quality-evaluation.js';
import { createLogger } from '../src/logger.js';
import { ReferenceDataSeeder } from '../src/seeders/reference-data.seeder.js';

type Kind = DatabaseConfig['kind'];

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    sellers: { type: 'string', default: '1000' },
    offers: { type: 'string', default: '10' },
    orders: { type: 'string', default: '2000000' },
    workers: { type: 'string', default: '2' },
  },
});
const SELLERS = Number(values.sellers);
const OFFERS_PER_SELLER = Number(values.offers);
const ORDERS = Number(values.orders);
const WORKERS = Number(values.workers);
const DAYS = 90;
const ROWS_PER_STATEMENT = 500;
const NOW = new Date('2026-11-23T17:00:00.000Z');
const logger = createLogger({ logLevel: 'silent' });
/** BENCH_SQL=1 prints each statement of the runs with its time (the ORM's query log). */
const onQuery = process.env['BENCH_SQL'] ? (sql: string) => console.log(sql) : undefined;

interface Seeded {
  readonly offers: number;
  readonly offerRows: number;
  readonly sellerRows: number;
  readonly orders: number;
  readonly seconds: number;
}

async function main(): Promise<void> {
  const kinds: Kind[] = values.db === 'both' ? ['sqlite', 'postgresql'] : [values.db as Kind];
  console.log(
    `Daily evaluation: ${SELLERS} sellers x ${OFFERS_PER_SELLER} offers, ${ORDERS.toLocaleString('en')} orders over ${DAYS} days (as rollups)`,
  );
  for (const kind of kinds) await benchOne(kind);
}

async function benchOne(kind: Kind): Promise<void> {
  const scratch = await createScratchDatabase(kind, 'evaluation-bench');
  const orm = await createOrm({ database: scratch.database, logger, ...(onQuery ? { onQuery } : {}) });
  const others: Orm[] = [];
  try {
    await migrateToLatest(orm);
    await orm.getSeeder().seed(ReferenceDataSeeder);
    const seeded = await seed(orm);
    console.log(
      `\n${kind}: seeded ${seeded.offers.toLocaleString('en')} offers, ${seeded.offerRows.toLocaleString('en')} offer-day ` +
        `and ${seeded.sellerRows.toLocaleString('en')} seller-day rollup rows for ${seeded.orders.toLocaleString('en')} orders ` +
        `in ${seeded.seconds.toFixed(1)} s`,
    );
    if (kind === 'postgresql') await orm.em.getConnection().execute('analyze');

    const first = await timed(() => run(orm, NOW, 'bench-1'));
    report('one worker, first run of the day', first);

    // PostgreSQL: each worker its own connections. SQLite: one ORM (one connection, transactions in
    // turn); two connections to one file in one process deadlock (better-sqlite3 waits for a lock
    // synchronously, blocking the event loop the holder needs), whereas two processes wait in turn.
    for (let i = 1; i < WORKERS; i++) {
      others.push(kind === 'postgresql' ? await createOrm({ database: scratch.database, logger }) : orm);
    }
    const nextDay = new Date(NOW.getTime() + 86_400_000);
    const parallel = await timed(async () => {
      const results = await Promise.all([orm, ...others].map((o, i) => run(o, nextDay, `bench-${i + 1}`)));
      return results.reduce((a, b) => ({
        evaluated: a.evaluated + b.evaluated,
        skipped: a.skipped + b.skipped,
        failed: a.failed + b.failed,
      }));
    });
    report(`${WORKERS} workers at once, next day`, parallel);

    const again = await timed(() => run(orm, new Date(nextDay.getTime() + 3_600_000), 'bench-1'));
    report('a later run the same day (all claimed)', again);

    type Changes = {
      audits: number | string;
      emails: number | string;
      suppressed: number | string;
      risk: number | string;
    };
    const [changes] = await (orm.em.fork() as EntityManager).execute<Changes[]>(
      'select (select count(*) from "audit_log_entry") as "audits", (select count(*) from "outbox_email") as "emails", ' +
        `(select count(*) from "offer" where "status" = 'SUPPRESSED') as "suppressed", ` +
        `(select count(*) from "seller_quality_standing_record" where "standing" = 'AT_RISK') as "risk"`,
    );
    console.log(
      `  wrote: ${Number(changes?.suppressed)} offers suppressed, ${Number(changes?.risk)} sellers AT_RISK, ` +
        `${Number(changes?.audits)} audit entries, ${Number(changes?.emails)} emails`,
    );
  } finally {
    for (const other of others) if (other !== orm) await other.close();
    await orm.close();
    await scratch.drop();
  }
}

function run(on: Orm, at: Date, workerId: string) {
  return runDailyQualityEvaluation({ orm: on, logger, publicUrl: 'http://localhost', now: () => at, workerId });
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = process.hrtime.bigint();
  const result = await work();
  return { result, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function report(
  label: string,
  { result, seconds }: { result: { evaluated: number; skipped: number; failed: number }; seconds: number },
) {
  const perSeller = result.evaluated ? ` (${((seconds * 1000) / result.evaluated).toFixed(2)} ms per seller)` : '';
  console.log(
    `  ${label}: ${seconds.toFixed(2)} s (load average ${os.loadavg()[0]!.toFixed(2)}), evaluated ${result.evaluated}, skipped ${result.skipped}, failed ${result.failed}${perSeller}`,
  );
}

/**
 * Sellers (each with a seller account, so emails are written), their US offers and 90 days of
 * rollups. Seller i: 1 in 10 sellers misses 98% RQS, 1 in 20 is over 0.8% ODR; each seller's
 * first offer is under 95% for 1 in 8 sellers.
 */
async function seed(orm: Orm): Promise<Seeded> {
  const started = Date.now();
  const em = orm.em.fork() as EntityManager;
  const marketplace = 'US';
  const today = localDateOf(NOW, MARKETPLACES[marketplace].timeZone);
  const ordersPerOffer = Math.floor(ORDERS / (SELLERS * OFFERS_PER_SELLER));
  const organizations: unknown[][] = [];
  const users: unknown[][] = [];
  const offers: unknown[][] = [];
  const offerRows: unknown[][] = [];
  const sellerRows: unknown[][] = [];
  let orders = 0;
  const at = NOW;
  for (let s = 0; s < SELLERS; s++) {
    const sellerId = randomUUID();
    organizations.push([sellerId, at, at, OrganizationKind.SELLER, `Bench seller ${s}`]);
    users.push([
      randomUUID(),
      at,
      at,
      `bench-seller-${s}@example.com`,
      `Bench seller ${s}`,
      Role.SELLER,
      sellerId,
      'x',
      0,
    ]);
    const sellerDays = new Map<string, number[]>();
    for (let o = 0; o < OFFERS_PER_SELLER; o++) {
      const offerId = randomUUID();
      offers.push([
        offerId,
        at,
        at,
        sellerId,
        marketplace,
        `b-${s}-${o}`,
        `SKU-${s}-${o}`,
        'Renewed phone',
        'Acme',
        'Phones',
        'Renewed',
        19_999,
        'USD',
        'ACTIVE',
        1,
      ]);
      // Per mille of the offer's orders with a complaint / a defect.
      const complaintsPm = o === 0 && s % 8 === 0 ? 80 : s % 10 === 0 ? 30 : 10;
      const defectsPm = s % 20 === 0 ? 12 : 4;
      for (let d = 0; d < DAYS; d++) {
        const day = addCalendarDays(today, -d);
        const dayOrders = Math.floor(ordersPerOffer / DAYS) + (d < ordersPerOffer % DAYS ? 1 : 0);
        if (dayOrders === 0) continue;
        const offset = (d * 379 + s * 7 + o * 13) % 1000;
        const complaints = Math.floor((dayOrders * complaintsPm + offset) / 1000);
        const defects = Math.floor((dayOrders * defectsPm + ((offset * 3) % 1000)) / 1000);
        const ratings = d % 3 === 0 ? 1 : 0;
        const stars = ratings ? (s % 25 === 0 ? 3 : 4 + ((s + d) % 2)) : 0;
        offerRows.push([offerId, day, sellerId, marketplace, dayOrders, complaints, defects, ratings, stars]);
        const sum = sellerDays.get(day) ?? [0, 0, 0, 0, 0];
        sum[0]! += dayOrders;
        sum[1]! += complaints;
        sum[2]! += defects;
        sum[3]! += ratings;
        sum[4]! += stars;
        sellerDays.set(day, sum);
        orders += dayOrders;
      }
    }
    for (const [day, sum] of sellerDays) sellerRows.push([sellerId, marketplace, day, ...sum]);
  }
  await em.transactional(async (tx) => {
    const t = tx;
    await insertRows(t, 'organization', ['id', 'created_at', 'updated_at', 'kind', 'name'], organizations);
    await insertRows(
      t,
      'user',
      [
        'id',
        'created_at',
        'updated_at',
        'email',
        'display_name',
        'role',
        'organization_id',
        'password_hash',
        'failed_sign_ins',
      ],
      users,
    );
    await insertRows(
      t,
      'offer',
      [
        'id',
        'created_at',
        'updated_at',
        'seller_id',
        'marketplace',
        'external_id',
        'sku',
        'product_name',
        'brand',
        'category',
        'condition',
        'price_amount_minor',
        'price_currency',
        'status',
        'version',
      ],
      offers,
    );
    const counts = ['orders', 'orders_with_complaint', 'orders_with_defect', 'rating_count', 'rating_star_sum'];
    await insertRows(t, 'offer_daily_quality', ['offer_id', 'day', 'seller_id', 'marketplace', ...counts], offerRows);
    await insertRows(t, 'seller_daily_quality', ['seller_id', 'marketplace', 'day', ...counts], sellerRows);
  });
  return {
    offers: offers.length,
    offerRows: offerRows.length,
    sellerRows: sellerRows.length,
    orders,
    seconds: (Date.now() - started) / 1000,
  };
}

async function insertRows(em: EntityManager, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const platform = em.getPlatform();
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    await em.execute(
      `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${chunk.map(() => tuple).join(', ')}`,
      chunk.flat().map((value) => (value instanceof Date ? platform.processDateProperty(value) : value)),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
