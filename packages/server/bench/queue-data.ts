import { randomUUID } from 'node:crypto';
import { addCalendarDays, localDateOf } from '@recertify/domain';
import type { Knex } from '@mikro-orm/knex';
import type { DatabaseConfig } from '../src/config.js';
import type { EntityManager, Orm } from '../src/db/orm.js';

/** Rows per INSERT: 38 columns x 500 rows stays under SQLite's 32,766 and PostgreSQL's 65,535 bind variables. */
const BATCH_ROWS = 500;
const DAY_MS = 86_400_000;

/** The application table's columns, in INSERT order (see the Applications migration). */
const COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'organization_id',
  'marketplace',
  'status',
  'version',
  'legal_name',
  'contact_name',
  'contact_email',
  'seller_type',
  'existing_seller',
  'refurbisher',
  'refurbisher_name',
  'inspection_attested',
  'categories',
  'brands',
  'apple_requested',
  'products_have_screen',
  'guarantee_accepted',
  'warranty_days',
  'quality_policy_accepted',
  'quality_policy_version',
  'submitted_at',
  'first_submitted_at',
  'due_date',
  'policy_version_id',
  'failing_checks',
  'checks_needing_review',
  'claimed_by_id',
  'claimed_at',
  'decided_by_id',
  'decided_at',
  'apple_approved',
  'reviewer_message',
  'rejection_reasons',
] as const;
type Column = (typeof COLUMNS)[number];
type Value = string | number | boolean | Date | null;
type Row = Record<Column, Value>;

/** Share of each status among the generated applications; the queue holds SUBMITTED and IN_REVIEW. */
export const STATUS_MIX = [
  ['SUBMITTED', 0.6],
  ['IN_REVIEW', 0.2],
  ['DRAFT', 0.08],
  ['APPROVED', 0.08],
  ['REJECTED', 0.04],
] as const;
const MARKETPLACE_MIX = [
  ['US', 0.5],
  ['CA', 0.3],
  ['MX', 0.2],
] as const;

export interface SeedReport {
  readonly rows: number;
  readonly ms: number;
  readonly statements: number;
  /** Rows in the queue (SUBMITTED or IN_REVIEW), and of those in the filtered scenario (US, Apple). */
  readonly queueRows: number;
  readonly filteredRows: number;
}

/** A small deterministic PRNG (mulberry32), so every run seeds the same spread. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: () => number, mix: ReadonlyArray<readonly [T, number]>): T {
  let r = random();
  for (const [value, share] of mix) {
    if ((r -= share) < 0) return value;
  }
  return mix[mix.length - 1]![0];
}

/**
 * Bulk-inserts `count` applications with multi-row INSERTs on the ORM's own knex (one transaction),
 * spread over the demo sellers and the marketplaces: mostly queued (SUBMITTED, IN_REVIEW) with
 * DRAFT, APPROVED and REJECTED noise, submitted over the 30 days before `now`, due 14 days later,
 * about 10% asking for Apple, some with failing or to-review checks.
 */
export async function seedApplications(
  orm: Orm,
  kind: DatabaseConfig['kind'],
  count: number,
  now: Date,
  deadline: number,
): Promise<SeedReport> {
  const started = performance.now();
  const knex = (orm.em.fork() as EntityManager).getKnex();
  const sellers = (await knex('organization').select('id', 'name').where({ kind: 'SELLER' }).orderBy('name')) as Array<{
    id: string;
    name: string;
  }>;
  if (sellers.length === 0) throw new Error('no seller organizations: seed DemoDataSeeder first');
  const reviewer = (await knex('user').first('id').where({ email: 'reviewer@demo.recertify.test' })) as
    { id: string } | undefined;
  if (!reviewer) throw new Error('no demo reviewer: seed DemoDataSeeder first');
  const marketplaces = new Map(
    (await knex<{ code: string; time_zone: string }>('marketplace').select('code', 'time_zone')).map((m) => [
      m.code,
      m.time_zone,
    ]),
  );
  const policies = new Map<string, { id: string; version: number }>();
  for (const p of (await knex('policy_version')
    .select('id', 'marketplace_code', 'version')
    .orderBy('version')) as Array<{ id: string; marketplace_code: string; version: number }>) {
    policies.set(p.marketplace_code, { id: p.id, version: p.version });
  }

  const random = prng(20261123);
  const toDb = (value: Value): Value => {
    if (kind !== 'sqlite') return value;
    // What MikroORM stores on SQLite: dates as epoch milliseconds, booleans as 0/1.
    if (value instanceof Date) return value.getTime();
    if (typeof value === 'boolean') return value ? 1 : 0;
    return value;
  };
  const makeRow = (): Row => {
    const seller = sellers[Math.floor(random() * sellers.length)]!;
    const marketplace = pick(random, MARKETPLACE_MIX);
    const status = pick(random, STATUS_MIX);
    const appleRequested = random() < 0.1;
    const submittedAt = status === 'DRAFT' ? null : new Date(now.getTime() - Math.floor(random() * 30 * DAY_MS));
    const timeZone = marketplaces.get(marketplace) ?? 'UTC';
    const dueDate = submittedAt ? addCalendarDays(localDateOf(submittedAt, timeZone), 14) : null;
    const createdAt = new Date((submittedAt ?? now).getTime() - Math.floor(random() * 3 * DAY_MS));
    const decidedAt =
      status === 'APPROVED' || status === 'REJECTED'
        ? new Date(Math.min(now.getTime(), submittedAt!.getTime() + Math.floor(random() * 10 * DAY_MS)))
        : null;
    const claimedAt =
      status === 'IN_REVIEW' || decidedAt
        ? new Date(Math.min(now.getTime(), submittedAt!.getTime() + Math.floor(random() * 3 * DAY_MS)))
        : null;
    const policy = submittedAt ? (policies.get(marketplace) ?? null) : null;
    const failingChecks = random() < 0.12 ? 1 + Math.floor(random() * 3) : 0;
    const checksNeedingReview = random() < 0.2 ? 1 + Math.floor(random() * 2) : 0;
    return {
      id: randomUUID(),
      created_at: createdAt,
      updated_at: decidedAt ?? claimedAt ?? submittedAt ?? createdAt,
      organization_id: seller.id,
      marketplace,
      status,
      version: 1 + (submittedAt ? 1 : 0) + (claimedAt ? 1 : 0) + (decidedAt ? 1 : 0),
      legal_name: `${seller.name} ${marketplace}`,
      contact_name: 'Casey Contact',
      contact_email: 'contact@seller.example',
      seller_type: 'PROFESSIONAL',
      existing_seller: random() < 0.5,
      refurbisher: 'MANUFACTURER',
      refurbisher_name: null,
      inspection_attested: true,
      categories: JSON.stringify(['Smartphones']),
      brands: JSON.stringify(appleRequested ? ['Apple', 'Samsung'] : ['Samsung']),
      apple_requested: appleRequested,
      products_have_screen: true,
      guarantee_accepted: marketplace !== 'CA',
      warranty_days: marketplace === 'CA' ? 90 : null,
      quality_policy_accepted: true,
      quality_policy_version: policy?.version ?? null,
      submitted_at: submittedAt,
      first_submitted_at: submittedAt,
      due_date: dueDate,
      policy_version_id: policy?.id ?? null,
      failing_checks: failingChecks,
      checks_needing_review: checksNeedingReview,
      claimed_by_id: claimedAt ? reviewer.id : null,
      claimed_at: claimedAt,
      decided_by_id: decidedAt ? reviewer.id : null,
      decided_at: decidedAt,
      apple_approved: status === 'APPROVED' && appleRequested ? random() < 0.7 : null,
      reviewer_message: null,
      rejection_reasons:
        status === 'REJECTED'
          ? JSON.stringify([{ criterion: 'QUALIFYING_PURCHASES', reason: 'Invoices do not reach the minimum.' }])
          : null,
    };
  };

  const quote = (name: string) => `"${name}"`;
  const rowPlaceholders = `(${COLUMNS.map(() => '?').join(', ')})`;
  let statements = 0;
  let queueRows = 0;
  let filteredRows = 0;
  await knex.transaction(async (trx) => {
    for (let done = 0; done < count; done += BATCH_ROWS) {
      if (Date.now() > deadline) throw new Error(`seeding ran past its time limit after ${done} rows`);
      const size = Math.min(BATCH_ROWS, count - done);
      const bindings: Value[] = [];
      for (let i = 0; i < size; i++) {
        const row = makeRow();
        if (row.status === 'SUBMITTED' || row.status === 'IN_REVIEW') {
          queueRows++;
          if (row.marketplace === 'US' && row.apple_requested) filteredRows++;
        }
        for (const column of COLUMNS) bindings.push(toDb(row[column]));
      }
      const sql = `insert into ${quote('application')} (${COLUMNS.map(quote).join(', ')}) values ${Array.from(
        { length: size },
        () => rowPlaceholders,
      ).join(', ')}`;
      await trx.raw(sql, bindings as Knex.RawBinding[]);
      statements++;
    }
  });
  if (kind === 'postgresql') {
    // The state autovacuum reaches a minute after a bulk load: statistics and the visibility map.
    await knex.raw('vacuum analyze "application"');
  }
  return { rows: count, ms: performance.now() - started, statements, queueRows, filteredRows };
}

/**
 * Planner statistics on PostgreSQL, where autovacuum would analyze the new rows a minute later.
 * SQLite needs nothing here: the app runs `PRAGMA optimize` when it starts (db/statistics.ts).
 */
export async function analyzePostgres(orm: Orm): Promise<void> {
  const knex = (orm.em.fork() as EntityManager).getKnex();
  await knex.raw('analyze "application"');
}
