import type { EntityManager } from '@mikro-orm/knex';
import { isPostgreSqlPlatform } from '../../../db/cjs-modules.js';
import type { IsoDate } from '@recertify/domain';
import type { ImportTable } from './import-kinds.js';
import { LocalDates } from './import-values.js';
import { preparedStatement, type SqliteDatabase } from '../../../db/sqlite-statements.js';
import { transactionConnection } from './table-writer.js';

export interface OfferReference {
  readonly id: string;
  readonly sellerId: string;
}

export interface OrderReference {
  readonly id: string;
  readonly offerId: string;
  readonly sellerId: string;
  readonly orderDate: IsoDate;
  readonly orderedAt: Date;
}

/** A row of the table being written that has one of the batch's external ids: its id and the columns asked for. */
export type ExistingRow = Readonly<Record<string, unknown>> & { readonly id: string };

/** Keys per `in (...)` list: far under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const KEYS_PER_QUERY = 500;
/** Remembered lookups per kind before the memory is dropped (the import's memory stays flat). */
const MAX_REMEMBERED = 200_000;

/**
 * What import rows refer to, looked up once per batch for the keys not seen before. Offers are
 * remembered for the rest of the run (an orders file names the same few thousand offers a million
 * times); orders are not: complaints, defects and ratings each name an order of their own nearly
 * always, so remembering them only kept up to MAX_REMEMBERED references alive for the collector to
 * mark. Records of the kind being imported are never remembered, so nothing here goes stale.
 */
export class QualityReferences {
  private em: EntityManager | null = null;
  private readonly knownOffers = new Map<string, OfferReference | null>();
  private readonly dates = new LocalDates();

  constructor(private readonly timeZones: ReadonlyMap<string, string>) {}

  /** Marketplaces and their zones, read once per run. */
  static async load(em: EntityManager): Promise<QualityReferences> {
    const rows = await em.execute<Array<{ code: string; time_zone: string }>>(
      'select "code", "time_zone" from "marketplace"',
    );
    return new QualityReferences(new Map(rows.map((row) => [row.code, row.time_zone])));
  }

  /** The entity manager of the batch being written (its transaction). */
  use(em: EntityManager): void {
    this.em = em;
  }

  hasMarketplace(code: string): boolean {
    return this.timeZones.has(code);
  }

  /** The instant's date in the marketplace's zone (an order date, a rating date). */
  localDate(instant: Date, marketplace: string): IsoDate {
    return this.dates.of(instant, this.timeZones.get(marketplace)!);
  }

  async offers(keys: ReadonlyArray<readonly [string, string]>): Promise<Map<string, OfferReference | null>> {
    return this.lookUp(keys, this.knownOffers, async (marketplace, ids) => {
      const rows = await this.byExternalIds<{ id: string; external_id: string; seller_id: string }>(
        '"id", "external_id", "seller_id"',
        'offer',
        marketplace,
        ids,
      );
      return rows.map((row) => [row.external_id, { id: row.id, sellerId: row.seller_id }] as const);
    });
  }

  async orders(keys: ReadonlyArray<readonly [string, string]>): Promise<Map<string, OrderReference | null>> {
    return this.lookUp(keys, null, async (marketplace, ids) => {
      const rows = await this.byExternalIds<{
        id: string;
        external_id: string;
        offer_id: string;
        seller_id: string;
        order_date: string;
        ordered_at: Date | number | string;
      }>(
        '"id", "external_id", "offer_id", "seller_id", "order_date", "ordered_at"',
        'marketplace_order',
        marketplace,
        ids,
      );
      return rows.map(
        (row) =>
          [
            row.external_id,
            {
              id: row.id,
              offerId: row.offer_id,
              sellerId: row.seller_id,
              orderDate: row.order_date,
              orderedAt: instantOf(row.ordered_at),
            },
          ] as const,
      );
    });
  }

  /** The ids among these that are seller organizations. */
  async sellers(ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const wanted = [...new Set(ids)].filter((id) => UUID.test(id));
    for (let i = 0; i < wanted.length; i += KEYS_PER_QUERY) {
      const slice = wanted.slice(i, i + KEYS_PER_QUERY);
      const rows = await this.manager().execute<Array<{ id: string }>>(
        `select "id" from "organization" where "kind" = 'SELLER' and "id" in (${marks(slice)})`,
        slice,
      );
      for (const row of rows) found.add(row.id);
    }
    return found;
  }

  /** Which offer (external id) holds each seller's SKU in a marketplace today: key seller, marketplace, SKU. */
  async skuOwners(
    offers: ReadonlyArray<{ sellerId: string; marketplace: string; sku: string }>,
  ): Promise<Map<string, string>> {
    const owners = new Map<string, string>();
    const bySellerMarket = new Map<string, Set<string>>();
    for (const o of offers) {
      if (!UUID.test(o.sellerId)) continue;
      const key = `${o.sellerId}\u0000${o.marketplace}`;
      let skus = bySellerMarket.get(key);
      if (!skus) bySellerMarket.set(key, (skus = new Set()));
      skus.add(o.sku);
    }
    for (const [key, skuSet] of bySellerMarket) {
      const [sellerId, marketplace] = key.split('\u0000') as [string, string];
      const skus = [...skuSet];
      for (let i = 0; i < skus.length; i += KEYS_PER_QUERY) {
        const slice = skus.slice(i, i + KEYS_PER_QUERY);
        const rows = await this.manager().execute<Array<{ sku: string; external_id: string }>>(
          `select "sku", "external_id" from "offer" where "seller_id" = ? and "marketplace" = ? and "sku" in (${marks(slice)})`,
          [sellerId, marketplace, ...slice],
        );
        for (const row of rows) owners.set(`${key}\u0000${row.sku}`, row.external_id);
      }
    }
    return owners;
  }

  /**
   * The rows of `table` that already hold these records' identities (marketplace, external id),
   * with their owner and rollup columns: one statement per batch on PostgreSQL (the keys as one
   * JSON parameter), `in (values ...)` lists on SQLite (in-process, so many small statements cost little).
   */
  async existing(table: ImportTable, keys: ReadonlyArray<readonly unknown[]>): Promise<Map<string, ExistingRow>> {
    const columns = [
      'id',
      'marketplace',
      'external_id',
      ...new Set([
        ...table.owner.map((o) => o.column),
        ...(table.rollup ? [table.rollup.offer, table.rollup.day] : []),
      ]),
    ];
    const select = columns.map((c) => `"t"."${c}"`).join(', ');
    const found = new Map<string, ExistingRow>();
    const em = this.manager();
    const add = (rows: ExistingRow[]) => {
      for (const row of rows) found.set(`${row['marketplace'] as string}\u0000${row['external_id'] as string}`, row);
    };
    if (isPostgreSqlPlatform(em.getPlatform())) {
      const json = JSON.stringify(keys.map((k) => ({ m: k[0], e: k[1] })));
      add(
        await em.execute<ExistingRow[]>(
          `select ${select} from "${table.table}" "t" join json_to_recordset(?::json) as "k"("m" text, "e" text) ` +
            `on "t"."marketplace" = "k"."m" and "t"."external_id" = "k"."e"`,
          [json],
        ),
      );
      return found;
    }
    // SQLite runs in-process: one prepared single-key lookup per row on the unique index costs less
    // than building, preparing and running `in (values ...)` lists of 500 keys (knex prepares each anew).
    const db = await transactionConnection<SqliteDatabase>(em);
    const statement = preparedStatement(
      db,
      `select ${select} from "${table.table}" "t" where "t"."marketplace" = ? and "t"."external_id" = ?`,
    );
    const key: unknown[] = [null, null];
    for (const k of keys) {
      key[0] = k[0];
      key[1] = k[1];
      const row = statement.get(key) as ExistingRow | undefined;
      if (row) found.set(`${row['marketplace'] as string}\u0000${row['external_id'] as string}`, row);
    }
    return found;
  }

  /**
   * The rows of a table with these external ids in one marketplace. On PostgreSQL the ids come as
   * one JSON parameter joined to the table: a probe of the (marketplace, external_id) key per id,
   * whatever the table's statistics say. (An `in (...)` list of 500 ids, planned without statistics
   * on a table grown to 1,000,000 rows by the import, scanned the key's index for the marketplace
   * and filtered every row: ~1 s a statement, 20 a batch of complaints. BENCHMARKS.md, Import.)
   */
  private async byExternalIds<R>(
    columns: string,
    table: string,
    marketplace: string,
    ids: readonly string[],
  ): Promise<R[]> {
    const em = this.manager();
    if (isPostgreSqlPlatform(em.getPlatform())) {
      return em.execute<R[]>(
        `select ${columns.replace(/"(\w+)"/g, '"t"."$1"')} from json_array_elements_text(?::json) as "k" ("e") ` +
          `join "${table}" "t" on "t"."marketplace" = ? and "t"."external_id" = "k"."e"`,
        [JSON.stringify(ids), marketplace],
      );
    }
    // SQLite: one prepared single-key lookup per id, as existing() does: knex prepared every
    // `in (...)` list of 500 ids anew and built its rows through its own layers (BENCHMARKS.md).
    const db = await transactionConnection<SqliteDatabase>(em);
    const statement = preparedStatement(
      db,
      `select ${columns} from "${table}" where "marketplace" = ? and "external_id" = ?`,
    );
    const rows: R[] = [];
    const key: unknown[] = [marketplace, null];
    for (const id of ids) {
      key[1] = id;
      const row = statement.get(key);
      if (row) rows.push(row as R);
    }
    return rows;
  }

  private manager(): EntityManager {
    if (!this.em) throw new Error('QualityReferences.use(em) first');
    return this.em;
  }

  private async lookUp<T>(
    keys: ReadonlyArray<readonly [string, string]>,
    known: Map<string, T | null> | null,
    query: (marketplace: string, externalIds: string[]) => Promise<ReadonlyArray<readonly [string, T]>>,
  ): Promise<Map<string, T | null>> {
    const result = new Map<string, T | null>();
    const missing = new Map<string, Set<string>>();
    for (const [marketplace, externalId] of keys) {
      const key = `${marketplace}\u0000${externalId}`;
      if (result.has(key)) continue;
      const hit = known?.get(key);
      if (hit !== undefined) {
        result.set(key, hit);
        continue;
      }
      result.set(key, null);
      let ids = missing.get(marketplace);
      if (!ids) missing.set(marketplace, (ids = new Set()));
      ids.add(externalId);
    }
    // PostgreSQL takes a batch's ids as one parameter; SQLite's lists stay under its parameter limit.
    const perQuery = isPostgreSqlPlatform(this.manager().getPlatform()) ? MAX_REMEMBERED : KEYS_PER_QUERY;
    for (const [marketplace, idSet] of missing) {
      const ids = [...idSet];
      for (let i = 0; i < ids.length; i += perQuery) {
        for (const [externalId, value] of await query(marketplace, ids.slice(i, i + perQuery))) {
          result.set(`${marketplace}\u0000${externalId}`, value);
        }
      }
    }
    if (!known) return result;
    if (known.size > MAX_REMEMBERED) known.clear();
    for (const [key, value] of result) known.set(key, value);
    return result;
  }
}

/** SQLite keeps instants as epoch milliseconds (MikroORM's mapping); PostgreSQL's driver gives a Date or text. */
function instantOf(value: Date | number | string): Date {
  if (value instanceof Date) return value;
  return new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function marks(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}
