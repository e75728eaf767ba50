import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../src/config.js';
import { createOrm, migrateToLatest, type EntityManager, type Orm } from '../src/db/orm.js';
import { createScratchDatabase, type ScratchDatabase } from '../src/db/scratch-database.js';
import { OrganizationKind } from '../src/features/accounts/accounts.enums.js';
import { Organization } from '../src/features/accounts/organization.entity.js';
import { openImportConnection } from '../src/db/sql-only-orm.js';
import { runImportCommand } from '../src/features/quality/import/import-command.js';
import { importQualityFile } from '../src/features/quality/import/import-file.js';
import { refreshQualityRollups } from '../src/features/quality/quality-rollups.js';
import { ReferenceDataSeeder } from '../src/seeders/reference-data.seeder.js';
import { testDatabaseKind } from './support/test-app.js';

/*
 * The bulk import command (SPEC 5) on real files and a real database: upserts on external id,
 * rejects named by line, field and rule, whole batches only, rollups right afterwards.
 */

const serverDir = fileURLToPath(new URL('..', import.meta.url));
let scratch: ScratchDatabase;
let orm: Orm;
let dir: string;
let sellerId: string;

beforeAll(async () => {
  scratch = await createScratchDatabase(testDatabaseKind(), 'import');
  orm = await createOrm({ database: scratch.database });
  await migrateToLatest(orm);
  await orm.getSeeder().seed(ReferenceDataSeeder);
  const em = orm.em.fork();
  const seller = new Organization({ kind: OrganizationKind.SELLER, name: 'Import seller' });
  await em.persistAndFlush(seller);
  sellerId = seller.id;
  dir = mkdtempSync(path.join(tmpdir(), 'recertify-import-'));
});

afterAll(async () => {
  await orm.close();
  await scratch.drop();
  rmSync(dir, { recursive: true, force: true });
});

function em(): EntityManager {
  return orm.em.fork() as EntityManager;
}

function file(name: string, content: string): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}

const ndjson = (records: ReadonlyArray<Record<string, unknown>>) =>
  records.map((r) => JSON.stringify(r)).join('\n') + '\n';

function csv(columns: readonly string[], records: ReadonlyArray<Record<string, unknown>>): string {
  const cell = (value: unknown) => {
    const text = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(','), ...records.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runImportCommand(args, (work) => work(orm), {
    out: (text) => (out += `${text}\n`),
    err: (text) => (err += `${text}\n`),
    cwd: dir,
  });
  return { code, out, err };
}

/** Every row of a table, ordered, without the columns that differ between two databases' runs (id, timestamps). */
async function rows(table: string, except: readonly string[] = ['id', 'created_at', 'updated_at']): Promise<unknown[]> {
  const all = await em().execute<Array<Record<string, unknown>>>(
    `select * from "${table}" order by "marketplace", "external_id"`,
  );
  return all.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !except.includes(key))));
}

async function offerRollups(): Promise<unknown[]> {
  return em().execute(
    `select "f"."external_id" as "offer", "q"."day", "q"."orders", "q"."orders_with_complaint" as "complained", ` +
      `"q"."orders_with_defect" as "defective", "q"."rating_count" as "ratings", "q"."rating_star_sum" as "stars" ` +
      `from "offer_daily_quality" "q" join "offer" "f" on "f"."id" = "q"."offer_id" order by "f"."external_id", "q"."day"`,
  );
}

async function count(table: string): Promise<number> {
  const [row] = await em().execute<Array<{ n: string | number }>>(`select count(*) as "n" from "${table}"`);
  return Number(row!.n);
}

const OFFER_COLUMNS = [
  'marketplace',
  'external_id',
  'seller_id',
  'sku',
  'product_name',
  'brand',
  'category',
  'condition',
  'price_amount_minor',
  'price_currency',
];
const ORDER_COLUMNS = [
  'marketplace',
  'external_id',
  'offer_external_id',
  'buyer_reference',
  'quantity',
  'ordered_at',
  'shipped_at',
  'delivered_at',
];

const offers = () => [
  {
    marketplace: 'US',
    external_id: 'OF-1',
    seller_id: sellerId,
    sku: 'PHONE-1',
    product_name: 'Renewed phone, "like new"',
    brand: 'Acme',
    category: 'Phones',
    condition: 'Renewed Premium',
    price_amount_minor: 19999,
    price_currency: 'USD',
  },
  {
    marketplace: 'US',
    external_id: 'OF-2',
    seller_id: sellerId,
    sku: 'TABLET-1',
    product_name: 'Renewed tablet',
    brand: 'Acme',
    category: 'Tablets',
    condition: 'Renewed',
    price_amount_minor: 29999,
    price_currency: 'USD',
  },
];

// US orders on 2026-11-01 and 2026-11-02 (America/New_York): 02:00Z on the 2nd is still the 1st there.
const orders = [
  {
    marketplace: 'US',
    external_id: 'OR-1',
    offer_external_id: 'OF-1',
    buyer_reference: 'b1',
    quantity: 1,
    ordered_at: '2026-11-01T15:00:00Z',
    shipped_at: '2026-11-02T10:00:00Z',
    delivered_at: '2026-11-04T10:00:00Z',
  },
  {
    marketplace: 'US',
    external_id: 'OR-2',
    offer_external_id: 'OF-1',
    buyer_reference: 'b2',
    quantity: 2,
    ordered_at: '2026-11-02T02:00:00Z',
  },
  {
    marketplace: 'US',
    external_id: 'OR-3',
    offer_external_id: 'OF-1',
    buyer_reference: 'b3',
    quantity: 1,
    ordered_at: '2026-11-02T15:00:00-05:00',
  },
  {
    marketplace: 'US',
    external_id: 'OR-4',
    offer_external_id: 'OF-2',
    buyer_reference: 'b4',
    quantity: 1,
    ordered_at: '2026-11-02T16:00:00Z',
    shipped_at: '2026-11-02T18:00:00Z',
  },
];

describe('quality import', () => {
  it('imports offers and orders from CSV, and the same file again changes nothing', async () => {
    const offersFile = file('offers.csv', csv(OFFER_COLUMNS, offers()));
    expect(await run(['offers', 'offers.csv'])).toMatchObject({ code: 0 });
    const first = await run(['orders', file('orders.csv', csv(ORDER_COLUMNS, orders))]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Imported 4 of 4 orders records .* \(4 new or changed, 0 already identical\)/);

    const offersBefore = await rows('offer', []);
    const ordersBefore = await rows('marketplace_order', []);
    expect(await run(['offers', offersFile])).toMatchObject({ code: 0 });
    const again = await run(['orders', 'orders.csv']);
    expect(again.out).toMatch(/\(0 new or changed, 4 already identical\)/);
    expect(await rows('offer', [])).toEqual(offersBefore);
    expect(await rows('marketplace_order', [])).toEqual(ordersBefore);

    const or2 = (ordersBefore as Array<Record<string, unknown>>).find((o) => o['external_id'] === 'OR-2')!;
    expect(or2).toMatchObject({ order_date: '2026-11-01', quantity: 2, version: 1, shipped_at: null });
    expect(await offerRollups()).toEqual([
      { offer: 'OF-1', day: '2026-11-01', orders: 2, complained: 0, defective: 0, ratings: 0, stars: 0 },
      { offer: 'OF-1', day: '2026-11-02', orders: 1, complained: 0, defective: 0, ratings: 0, stars: 0 },
      { offer: 'OF-2', day: '2026-11-02', orders: 1, complained: 0, defective: 0, ratings: 0, stars: 0 },
    ]);
  });

  it('gives the same data from NDJSON as from CSV: importing the NDJSON of the same records changes nothing', async () => {
    const before = await rows('marketplace_order', []);
    const summary = await importQualityFile(orm, { kind: 'orders', file: file('orders.ndjson', ndjson(orders)) });
    expect(summary).toMatchObject({ records: 4, imported: 4, changed: 0, rejected: 0 });
    expect(await rows('marketplace_order', [])).toEqual(before);
  });

  it('imports complaints, defects and ratings, and keeps the rollups right when an order moves', async () => {
    const complaints = [
      {
        marketplace: 'US',
        external_id: 'CO-1',
        order_external_id: 'OR-1',
        source: 'EMAIL',
        category: 'BATTERY',
        filed_at: '2026-11-20T10:00:00Z',
        note: 'dies, fast',
      },
      {
        marketplace: 'US',
        external_id: 'CO-2',
        order_external_id: 'OR-1',
        source: 'PRODUCT_REVIEW',
        category: 'OTHER',
        filed_at: '2026-11-21T10:00:00Z',
      },
      {
        marketplace: 'US',
        external_id: 'CO-3',
        order_external_id: 'OR-4',
        source: 'SELLER_FEEDBACK',
        category: 'WRONG_ITEM',
        filed_at: '2026-11-21T10:00:00Z',
      },
    ];
    expect(await run(['complaints', file('complaints.ndjson', ndjson(complaints))])).toMatchObject({ code: 0 });
    const defects = [
      {
        marketplace: 'US',
        external_id: 'DE-1',
        order_external_id: 'OR-3',
        kind: 'CHARGEBACK',
        reported_at: '2026-11-10T10:00:00Z',
      },
    ];
    expect(
      await run([
        'order-defects',
        file('defects.csv', csv(['marketplace', 'external_id', 'order_external_id', 'kind', 'reported_at'], defects)),
      ]),
    ).toMatchObject({ code: 0 });
    const ratings = [
      {
        marketplace: 'US',
        external_id: 'RA-1',
        offer_external_id: 'OF-1',
        order_external_id: 'OR-1',
        stars: 4,
        rated_at: '2026-11-05T10:00:00Z',
      },
      { marketplace: 'US', external_id: 'RA-2', offer_external_id: 'OF-1', stars: 1, rated_at: '2026-11-05T12:00:00Z' },
    ];
    expect(await run(['ratings', file('ratings.ndjson', ndjson(ratings))])).toMatchObject({ code: 0 });
    expect(await offerRollups()).toEqual([
      { offer: 'OF-1', day: '2026-11-01', orders: 2, complained: 1, defective: 0, ratings: 0, stars: 0 },
      { offer: 'OF-1', day: '2026-11-02', orders: 1, complained: 0, defective: 1, ratings: 0, stars: 0 },
      { offer: 'OF-1', day: '2026-11-05', orders: 0, complained: 0, defective: 0, ratings: 2, stars: 5 },
      { offer: 'OF-2', day: '2026-11-02', orders: 1, complained: 1, defective: 0, ratings: 0, stars: 0 },
    ]);

    // OR-1 moves to OF-2 on 2026-11-03: its complaints follow it, and both offer-days are recomputed.
    const moved = orders.map((o) =>
      o.external_id === 'OR-1'
        ? { ...o, offer_external_id: 'OF-2', ordered_at: '2026-11-03T15:00:00Z', shipped_at: '2026-11-03T16:00:00Z' }
        : o,
    );
    const summary = await importQualityFile(orm, { kind: 'orders', file: file('orders-moved.ndjson', ndjson(moved)) });
    expect(summary).toMatchObject({ imported: 4, changed: 1 });
    expect(
      await rows('complaint', [
        'id',
        'created_at',
        'updated_at',
        'order_id',
        'offer_id',
        'seller_id',
        'marketplace',
        'source',
        'category',
        'filed_at',
        'note',
        'invalidated_at',
        'invalidated_by_id',
        'invalidation_reason',
        'version',
      ]),
    ).toEqual([
      { external_id: 'CO-1', order_date: '2026-11-03' },
      { external_id: 'CO-2', order_date: '2026-11-03' },
      { external_id: 'CO-3', order_date: '2026-11-02' },
    ]);
    expect(await offerRollups()).toEqual([
      { offer: 'OF-1', day: '2026-11-01', orders: 1, complained: 0, defective: 0, ratings: 0, stars: 0 },
      { offer: 'OF-1', day: '2026-11-02', orders: 1, complained: 0, defective: 1, ratings: 0, stars: 0 },
      { offer: 'OF-1', day: '2026-11-05', orders: 0, complained: 0, defective: 0, ratings: 2, stars: 5 },
      { offer: 'OF-2', day: '2026-11-02', orders: 1, complained: 1, defective: 0, ratings: 0, stars: 0 },
      { offer: 'OF-2', day: '2026-11-03', orders: 1, complained: 1, defective: 0, ratings: 0, stars: 0 },
    ]);
    const [order] = await em().execute<Array<{ version: number }>>(
      `select "version" from "marketplace_order" where "external_id" = 'OR-1'`,
    );
    expect(order!.version).toBe(2);
  });

  it('keeps the rollups equal to a recompute from the raw rows over batches of new, repeated, changed and invalidated records', async () => {
    // The bulk writer adds what inserted rows bring (PostgreSQL) and recomputes the offer-days of
    // changed ones: both must give what refreshing every offer from the raw rows gives.
    const order = (n: number, offer: string, orderedAt: string) => ({
      marketplace: 'US',
      external_id: `OR-${n}`,
      offer_external_id: offer,
      buyer_reference: `b${n}`,
      quantity: 1,
      ordered_at: orderedAt,
    });
    const newOrders = [
      order(10, 'OF-1', '2026-11-10T15:00:00Z'),
      order(11, 'OF-1', '2026-11-10T16:00:00Z'),
      order(12, 'OF-2', '2026-11-10T17:00:00Z'),
      order(13, 'OF-2', '2026-11-11T15:00:00Z'),
      order(14, 'OF-1', '2026-11-11T15:00:00Z'),
    ];
    expect(
      await importQualityFile(orm, {
        kind: 'orders',
        file: file('more-orders.ndjson', ndjson(newOrders)),
        batchSize: 2,
      }),
    ).toMatchObject({ imported: 5, changed: 5, rejected: 0 });
    // Two complaints on OR-10 in one batch, one on OR-11 and one on OR-12 in the next.
    const first = [
      complaint(10, 10, 'EMAIL', 'BATTERY'),
      complaint(11, 10, 'EMAIL', 'OTHER'),
      complaint(12, 11, 'PRODUCT_REVIEW', 'WRONG_ITEM'),
      complaint(13, 12, 'SELLER_FEEDBACK', 'NOT_WORKING'),
    ];
    expect(
      await importQualityFile(orm, {
        kind: 'complaints',
        file: file('more-complaints.ndjson', ndjson(first)),
        batchSize: 2,
      }),
    ).toMatchObject({ imported: 4, changed: 4, rejected: 0 });
    // CO-12 invalidated, as a reviewer does (invalidate-complaint.ts): OR-11 no longer counts.
    await invalidateComplaint('CO-12');
    // Then: CO-10 again unchanged, CO-11 changed (source), a new one on OR-11 (its only other
    // complaint invalidated: it counts again), a new one on OR-10 (already counted), a new one on
    // OR-13, and new orders beside a changed one (OR-14 moves to OF-2).
    const second = [
      complaint(10, 10, 'EMAIL', 'BATTERY'),
      complaint(11, 10, 'CUSTOMER_SERVICE_CALL', 'OTHER'),
      complaint(14, 11, 'EMAIL', 'COSMETIC_DAMAGE'),
      complaint(15, 10, 'PRODUCT_REVIEW', 'BATTERY'),
      complaint(16, 13, 'EMAIL', 'MISSING_ACCESSORIES'),
    ];
    expect(
      await importQualityFile(orm, {
        kind: 'complaints',
        file: file('more-complaints-2.ndjson', ndjson(second)),
        batchSize: 2,
      }),
    ).toMatchObject({ imported: 5, changed: 4, rejected: 0 });
    const moreOrders = [order(15, 'OF-2', '2026-11-11T18:00:00Z'), { ...newOrders[4]!, offer_external_id: 'OF-2' }];
    expect(
      await importQualityFile(orm, { kind: 'orders', file: file('even-more-orders.ndjson', ndjson(moreOrders)) }),
    ).toMatchObject({ imported: 2, changed: 2, rejected: 0 });

    await expectRollupsAsRecomputed();
    const day10 = (await offerRollups()).filter((r) => (r as { day: string }).day === '2026-11-10');
    expect(day10).toEqual([
      { offer: 'OF-1', day: '2026-11-10', orders: 2, complained: 2, defective: 0, ratings: 0, stars: 0 },
      { offer: 'OF-2', day: '2026-11-10', orders: 1, complained: 1, defective: 0, ratings: 0, stars: 0 },
    ]);
    const tally = await complaintTally('OF-1', '2026-11-10', ['email', 'customer_service_call', 'battery', 'other']);
    // OR-10: CO-10 (EMAIL, BATTERY), CO-11 (CUSTOMER_SERVICE_CALL, OTHER), CO-15 (PRODUCT_REVIEW,
    // BATTERY); OR-11: CO-14 (EMAIL, COSMETIC_DAMAGE); CO-12 invalidated.
    expect(tally).toEqual({ email: 2, customer_service_call: 1, battery: 2, other: 1 });
  });

  it('counts an order once when one batch brings it its first complaints and another order its second', async () => {
    // SQLite adds what a batch's new complaints bring (as PostgreSQL does): an order counts as one
    // with a complaint only when it had no valid complaint before the batch, and once per batch.
    const order = (n: number) => ({
      marketplace: 'US',
      external_id: `OR-${n}`,
      offer_external_id: 'OF-1',
      buyer_reference: `b${n}`,
      quantity: 1,
      ordered_at: '2026-11-12T15:00:00Z',
    });
    await importQualityFile(orm, { kind: 'orders', file: file('orders-20.ndjson', ndjson([20, 21, 22].map(order))) });
    // OR-21 already has a valid complaint, OR-22 only an invalidated one.
    await importQualityFile(orm, {
      kind: 'complaints',
      file: file('co-20.ndjson', ndjson([complaint(20, 21), complaint(25, 22)])),
    });
    await invalidateComplaint('CO-25');
    const day12 = async () => (await offerRollups()).filter((r) => (r as { day: string }).day === '2026-11-12');
    expect(await day12()).toEqual([
      { offer: 'OF-1', day: '2026-11-12', orders: 3, complained: 1, defective: 0, ratings: 0, stars: 0 },
    ]);
    // One batch: two new complaints on OR-20, a second on OR-21, a new one on OR-22, CO-20 again.
    const batch = [
      complaint(21, 20, 'EMAIL', 'BATTERY'),
      complaint(22, 20, 'PRODUCT_REVIEW', 'BATTERY'),
      complaint(23, 21),
      complaint(26, 22, 'SELLER_FEEDBACK', 'WRONG_ITEM'),
      complaint(20, 21),
    ];
    expect(
      await importQualityFile(orm, { kind: 'complaints', file: file('co-21.ndjson', ndjson(batch)) }),
    ).toMatchObject({ imported: 5, changed: 4, rejected: 0 });
    expect(await day12()).toEqual([
      { offer: 'OF-1', day: '2026-11-12', orders: 3, complained: 3, defective: 0, ratings: 0, stars: 0 },
    ]);
    expect(await complaintTally('OF-1', '2026-11-12', ['email', 'product_review', 'battery', 'other'])).toEqual({
      email: 3,
      product_review: 1,
      battery: 2,
      other: 2,
    });
    await expectRollupsAsRecomputed();
  });

  it("writes the same rows and rollups through the command's own connection (SQLite: without MikroORM) over batches", async () => {
    // The CLI imports through openImportConnection: on SQLite better-sqlite3 behind the few
    // entity-manager calls the import makes (sqlite-import-connection.ts), not the app's ORM.
    const connection = await openImportConnection(scratch.database);
    try {
      const order = (n: number, offer: string) => ({
        marketplace: 'US',
        external_id: `OR-${n}`,
        offer_external_id: offer,
        buyer_reference: `b${n}`,
        quantity: 1,
        ordered_at: '2026-11-13T15:00:00Z',
      });
      expect(
        await importQualityFile(connection, {
          kind: 'orders',
          file: file('orders-30.ndjson', ndjson([order(30, 'OF-1'), order(31, 'OF-1'), order(32, 'OF-2')])),
          batchSize: 2,
        }),
      ).toMatchObject({ imported: 3, changed: 3, rejected: 0 });
      // New complaints over three batches of two (OR-30 twice across batches), one on an unknown order.
      const first = [
        complaint(30, 30, 'EMAIL', 'BATTERY'),
        complaint(31, 31),
        complaint(32, 30, 'PRODUCT_REVIEW', 'BATTERY'),
        complaint(33, 32, 'SELLER_FEEDBACK', 'WRONG_ITEM'),
        complaint(34, 99_999),
      ];
      expect(
        await importQualityFile(connection, {
          kind: 'complaints',
          file: file('co-30.ndjson', ndjson(first)),
          batchSize: 2,
          rejectsPath: path.join(dir, 'co-30.rejects.csv'),
        }),
      ).toMatchObject({ records: 5, imported: 4, changed: 4, rejected: 1, batches: 3 });
      expect(readFileSync(path.join(dir, 'co-30.rejects.csv'), 'utf8')).toMatch(/^5,[^,]+,UNKNOWN_ORDER,/m);
      await invalidateComplaint('CO-31');
      // Again: one unchanged, one changed (the recompute), a new one on OR-31 (counts again), and
      // OR-32 moving to OF-1 (its complaint follows it).
      await importQualityFile(connection, {
        kind: 'complaints',
        file: file('co-31.ndjson', ndjson([first[0]!, complaint(32, 30, 'EMAIL', 'OTHER'), complaint(35, 31)])),
        batchSize: 2,
      });
      await importQualityFile(connection, {
        kind: 'orders',
        file: file('orders-31.ndjson', ndjson([order(32, 'OF-1')])),
      });
    } finally {
      await connection.close();
    }
    await expectRollupsAsRecomputed();
    const day13 = (await offerRollups()).filter((r) => (r as { day: string }).day === '2026-11-13');
    expect(day13).toEqual([
      { offer: 'OF-1', day: '2026-11-13', orders: 3, complained: 3, defective: 0, ratings: 0, stars: 0 },
    ]);
    expect(await complaintTally('OF-1', '2026-11-13', ['email', 'product_review', 'battery', 'other'])).toEqual({
      email: 3,
      product_review: 0,
      battery: 1,
      other: 2,
    });
    // Stored as through the app's ORM (instants on SQLite as epoch milliseconds): CO-35 as CO-20.
    const stored = await em().execute<Array<Record<string, unknown>>>(
      `select "external_id", "source", "category", "filed_at", "note", "invalidated_at", "version" from "complaint" ` +
        `where "external_id" in ('CO-20', 'CO-35') order by "external_id"`,
    );
    expect(stored).toHaveLength(2);
    expect({ ...stored[1], external_id: 'CO-20' }).toEqual(stored[0]);
  });

  it('imports the good rows of a file with bad ones and names each bad row by line, field and rule', async () => {
    const lines = [
      JSON.stringify({
        marketplace: 'US',
        external_id: 'BAD-OK-1',
        offer_external_id: 'OF-2',
        buyer_reference: 'b',
        quantity: 1,
        ordered_at: '2026-11-06T10:00:00Z',
      }),
      JSON.stringify({
        marketplace: 'US',
        external_id: 'BAD-1',
        offer_external_id: 'NO-SUCH-OFFER',
        buyer_reference: 'b',
        quantity: 1,
        ordered_at: '2026-11-06T10:00:00Z',
      }),
      JSON.stringify({
        marketplace: 'US',
        external_id: 'BAD-2',
        offer_external_id: 'OF-2',
        buyer_reference: 'b',
        quantity: -1,
        ordered_at: '2026-11-06T10:00:00Z',
      }),
      JSON.stringify({
        marketplace: 'US',
        external_id: 'BAD-3',
        offer_external_id: 'OF-2',
        buyer_reference: 'b',
        quantity: 1,
        ordered_at: '2026-11-31T10:00:00Z',
      }),
      JSON.stringify({
        marketplace: 'US',
        external_id: 'BAD-4',
        offer_external_id: 'OF-2',
        buyer_reference: 'b',
        quantity: 1,
        ordered_at: '2026-11-06T10:00:00Z',
        delivered_at: '2026-11-05T10:00:00Z',
      }),
      JSON.stringify({
        marketplace: 'US',
        external_id: 'BAD-5',
        offer_external_id: 'OF-2',
        quantity: 1,
        ordered_at: '2026-11-06T10:00:00Z',
      }),
      '{"marketplace": "US", "external_id": ',
      JSON.stringify({
        marketplace: 'US',
        external_id: 'BAD-OK-2',
        offer_external_id: 'OF-2',
        buyer_reference: 'b',
        quantity: 3,
        ordered_at: '2026-11-06T11:00:00Z',
      }),
    ];
    const bad = file('bad-orders.ndjson', lines.join('\n') + '\n');
    const result = await run(['orders', bad, '--batch-size', '3']);
    expect(result.code).toBe(2);
    expect(result.out).toMatch(/Imported 2 of 7 orders records/);
    expect(result.out).toMatch(/6 line\(s\) were rejected.*bad-orders\.ndjson\.rejects\.csv/);
    const rejects = readFileSync(`${bad}.rejects.csv`, 'utf8').trim().split('\n');
    expect(rejects.map((line) => line.split(',').slice(0, 3).join(','))).toEqual([
      'line,field,rule',
      '2,offer_external_id,UNKNOWN_OFFER',
      '3,quantity,QUANTITY_NOT_POSITIVE',
      '4,ordered_at,BAD_DATE',
      '5,delivered_at,BEFORE_ORDERED',
      '6,buyer_reference,MISSING_COLUMN',
      '7,*,MALFORMED_LINE',
    ]);
    const imported = await em().execute<Array<{ external_id: string }>>(
      `select "external_id" from "marketplace_order" where "external_id" like 'BAD-%' order by "external_id"`,
    );
    expect(imported.map((r) => r.external_id)).toEqual(['BAD-OK-1', 'BAD-OK-2']);

    const stars = file(
      'bad-ratings.csv',
      csv(
        ['marketplace', 'external_id', 'offer_external_id', 'stars', 'rated_at'],
        [
          {
            marketplace: 'US',
            external_id: 'RA-6',
            offer_external_id: 'OF-1',
            stars: 6,
            rated_at: '2026-11-05T10:00:00Z',
          },
          {
            marketplace: 'US',
            external_id: 'RA-0',
            offer_external_id: 'OF-1',
            stars: 0,
            rated_at: '2026-11-05T10:00:00Z',
          },
        ],
      ),
    );
    const rated = await run(['ratings', stars, '--rejects', 'ratings-rejects.csv']);
    expect(rated.code).toBe(2);
    expect(readFileSync(path.join(dir, 'ratings-rejects.csv'), 'utf8')).toBe(
      'line,field,rule,message\n' +
        '2,stars,STARS_OUT_OF_RANGE,stars must be a whole number of stars from 1 to 5; got 6\n' +
        '3,stars,STARS_OUT_OF_RANGE,stars must be a whole number of stars from 1 to 5; got 0\n',
    );
    expect(await count('product_rating')).toBe(2);

    // An external id is for life: a complaint sent again naming another order is refused, the row stays.
    const moved = file(
      'moved-complaint.ndjson',
      ndjson([
        {
          marketplace: 'US',
          external_id: 'CO-3',
          order_external_id: 'OR-2',
          source: 'SELLER_FEEDBACK',
          category: 'WRONG_ITEM',
          filed_at: '2026-11-21T10:00:00Z',
        },
        {
          marketplace: 'US',
          external_id: 'CO-9',
          order_external_id: 'OR-2',
          source: 'EMAIL',
          category: 'OTHER',
          filed_at: '2026-11-01T10:00:00Z',
        },
      ]),
    );
    expect((await run(['complaints', moved])).code).toBe(2);
    expect(
      readFileSync(`${moved}.rejects.csv`, 'utf8')
        .split('\n')
        .slice(1, 3)
        .map((l) => l.split(',').slice(0, 3).join(',')),
    ).toEqual(['1,order_external_id,CHANGED_OWNER', '2,filed_at,BEFORE_ORDERED']);
  });

  it('refuses a CSV whose header lacks a column, an unknown kind and a missing file, with exit code 1 and nothing imported', async () => {
    const before = await count('marketplace_order');
    const noHeader = await run([
      'orders',
      file(
        'no-quantity.csv',
        csv(
          ORDER_COLUMNS.filter((c) => c !== 'quantity'),
          orders,
        ),
      ),
    ]);
    expect(noHeader).toMatchObject({ code: 1, err: expect.stringMatching(/lacks the column\(s\) quantity/) });
    expect(await run(['parcels', 'x.csv'])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/kind must be one of/),
    });
    expect(await run(['orders', 'missing.csv'])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/cannot read .*missing\.csv/),
    });
    expect(await run(['orders', file('orders.txt', '')])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/--format/),
    });
    expect(await count('marketplace_order')).toBe(before);
  });

  // A commit per batch, and whole batches gathered into transactions of ~40 ms (several batches of 100 each).
  it.each([['0'], ['40']])(
    'leaves whole batches when the process is killed part-way (commit interval %s ms), and a re-run finishes the job exactly',
    async (commitInterval) => {
      const total = 20_000;
      const records = Array.from({ length: total }, (_, i) => ({
        marketplace: 'US',
        external_id: `KILL-${commitInterval}-${String(i).padStart(6, '0')}`,
        offer_external_id: i % 2 ? 'OF-1' : 'OF-2',
        buyer_reference: `buyer-${i}`,
        quantity: 1 + (i % 3),
        ordered_at: new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString(),
      }));
      const big = file(`kill-${commitInterval}.ndjson`, ndjson(records));
      const killed = () => countLike(`KILL-${commitInterval}-%`);
      const child = spawnImport(
        ['orders', big, '--batch-size', '100', '--commit-interval', commitInterval, '--no-progress'],
        scratch.database,
      );
      let seen = 0;
      while (seen === 0) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        seen = await killed();
      }
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const left = await killed();
      expect(left % 100).toBe(0);
      expect(left).toBeLessThan(total);

      const rerun = await run(['orders', big]);
      expect(rerun.code).toBe(0);
      const kills = await em().execute<Array<{ external_id: string; quantity: number }>>(
        `select "external_id", "quantity" from "marketplace_order" where "external_id" like 'KILL-${commitInterval}-%' order by "external_id"`,
      );
      expect(kills).toEqual(records.map((r) => ({ external_id: r.external_id, quantity: r.quantity })));
      const [sums] = await em().execute<Array<{ n: string | number }>>(
        `select sum("orders") as "n" from "offer_daily_quality"`,
      );
      expect(Number(sums!.n)).toBe(await count('marketplace_order'));
    },
    180_000,
  );

  it('runs as the real CLI: exit code 2 and the summary when rows are rejected', async () => {
    const mixed = file(
      'cli.csv',
      csv(ORDER_COLUMNS, [
        {
          marketplace: 'US',
          external_id: 'CLI-1',
          offer_external_id: 'OF-1',
          buyer_reference: 'b',
          quantity: 1,
          ordered_at: '2026-11-07T10:00:00Z',
        },
        {
          marketplace: 'US',
          external_id: 'CLI-2',
          offer_external_id: 'OF-1',
          buyer_reference: 'b',
          quantity: 0,
          ordered_at: '2026-11-07T10:00:00Z',
        },
      ]),
    );
    const child = spawnImport(['orders', mixed], scratch.database);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(out).toMatch(/Imported 1 of 2 orders records/);
    expect(readFileSync(`${mixed}.rejects.csv`, 'utf8')).toMatch(/^3,quantity,QUANTITY_NOT_POSITIVE,/m);
  }, 120_000);
});

/** A US complaint CO-<n> on order OR-<orderNumber>, filed 2026-11-20. */
function complaint(n: number, orderNumber: number, source = 'EMAIL', category = 'OTHER') {
  return {
    marketplace: 'US',
    external_id: `CO-${n}`,
    order_external_id: `OR-${orderNumber}`,
    source,
    category,
    filed_at: '2026-11-20T10:00:00Z',
  };
}

/** As a reviewer invalidates a complaint (invalidate-complaint.ts): the row, then its offer-day's rollups. */
async function invalidateComplaint(externalId: string): Promise<void> {
  await em().transactional(async (tx) => {
    const [row] = await tx.execute<Array<{ offer_id: string; order_date: string }>>(
      `select "offer_id", "order_date" from "complaint" where "external_id" = ?`,
      [externalId],
    );
    await tx.execute(
      `update "complaint" set "invalidated_at" = ?, "invalidation_reason" = 'duplicate' where "external_id" = ?`,
      [testDatabaseKind() === 'sqlite' ? Date.now() : new Date(), externalId],
    );
    await refreshQualityRollups(tx, { offerDays: [{ offerId: row!.offer_id, day: row!.order_date }] });
  });
}

/** Every rollup row as written equals what recomputing every offer from the raw rows gives. */
async function expectRollupsAsRecomputed(): Promise<void> {
  const allRollups = async () => ({
    offers: await em().execute(`select * from "offer_daily_quality" order by "offer_id", "day"`),
    sellers: await em().execute(`select * from "seller_daily_quality" order by "seller_id", "marketplace", "day"`),
  });
  const written = await allRollups();
  const offerIds = (await em().execute<Array<{ id: string }>>(`select "id" from "offer"`)).map((o) => o.id);
  await em().transactional((fork) => refreshQualityRollups(fork, { offerIds }));
  expect(written).toEqual(await allRollups());
}

/** An offer-day's complaint tally: the complaints_<name> columns asked for, by name. */
async function complaintTally(offer: string, day: string, names: readonly string[]): Promise<Record<string, number>> {
  const [tally] = await em().execute<Array<Record<string, number>>>(
    `select ${names.map((n) => `"q"."complaints_${n}" as "${n}"`).join(', ')} from "offer_daily_quality" "q" ` +
      `join "offer" "f" on "f"."id" = "q"."offer_id" where "f"."external_id" = ? and "q"."day" = ?`,
    [offer, day],
  );
  return tally!;
}

async function countLike(externalIds: string): Promise<number> {
  const [row] = await em().execute<Array<{ n: string | number }>>(
    `select count(*) as "n" from "marketplace_order" where "external_id" like ?`,
    [externalIds],
  );
  return Number(row!.n);
}

function spawnImport(args: string[], database: DatabaseConfig) {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'test' };
  if (database.kind === 'postgresql') env['DATABASE_URL'] = database.url;
  else {
    delete env['DATABASE_URL'];
    env['DATA_DIR'] = path.dirname(database.file);
  }
  delete env['INIT_CWD'];
  return spawn(
    process.execPath,
    ['--conditions=source', '--import', '@swc-node/register/esm-register', 'src/cli.ts', 'import', ...args],
    { cwd: serverDir, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}
