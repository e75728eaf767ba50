import { randomFillSync } from 'node:crypto';
import type { EntityManager, Knex } from '@mikro-orm/knex';
import type { OfferDay } from '../quality-rollups.js';
import type { ImportTable } from './import-kinds.js';

/** What one batch's upsert did: rows inserted or changed (a repeat counts 0), and the offer-days to refresh. */
export interface UpsertResult {
  readonly changed: number;
  /** The (offer, day) of every inserted or changed row, as written. */
  readonly touched: OfferDay[];
}

/**
 * The id of each row of a batch whose identity (marketplace, external id) is already stored, as
 * read inside the batch's transaction; a row absent here is new.
 */
export type StoredRows = ReadonlyMap<readonly unknown[], string>;

/**
 * Writes one batch of rows into a table inside the caller's transaction: insert new external ids,
 * update changed ones (version + 1, updated_at), and leave identical ones alone, so the same file
 * twice changes nothing the second time.
 */
export interface TableWriter {
  /**
   * Per-connection settings for the run, made once before the first batch, outside any transaction
   * (some, like SQLite's temp_store, cannot change inside one). Optional.
   */
  start?(em: EntityManager): Promise<void>;
  /** The writer takes instants' file text where it can (FieldReader's `instantText`). */
  readonly instantText?: boolean;
  /** `stored`, when known, says which rows exist already (a writer may then insert or update each instead of upserting). */
  upsert(
    em: EntityManager,
    table: ImportTable,
    rows: ReadonlyArray<readonly unknown[]>,
    stored: StoredRows | null,
  ): Promise<UpsertResult>;
  /** Undoes any per-connection setting the writer made for the run (called once, at the end, success or not). */
  finish(): void;
}

/** The part of knex's client (untyped in knex's types) that hands out the driver's connections. */
export interface KnexConnectionPool {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<void>;
}

export function connectionPool(knex: Knex): KnexConnectionPool {
  return (knex as unknown as { client: KnexConnectionPool }).client;
}

/**
 * The raw driver connection of the entity manager's open transaction (better-sqlite3 Database or
 * pg Client): a transaction's knex client hands out its own connection and releases nothing.
 */
export async function transactionConnection<T>(em: EntityManager): Promise<T> {
  const trx = em.getTransactionContext<Knex.Transaction>();
  if (!trx) throw new Error('the import writes inside a transaction');
  return (await connectionPool(trx).acquireConnection()) as T;
}

/** Every column an inserted row gets, in order: ours (id, timestamps, version), the content, the insert-only constants. */
export function insertColumns(table: ImportTable): string[] {
  return ['id', 'created_at', 'updated_at', 'version', ...table.columns, ...Object.keys(table.onInsert)];
}

/**
 * A new row's id: a time-ordered UUID (version 7, RFC 9562): 48 bits of Unix milliseconds, then
 * random bits, so ids sort by millisecond and are random within one. Formatted here from a pool of
 * random bytes filled 1,024 ids at a time: uuid's v7 asks the system for 16 random bytes per id
 * (~8x the cost: 20 vs 2.5 us an id on the loaded machine) and builds a byte array per id.
 */
export function newRowId(): string {
  if (poolAt + 10 > RANDOM_POOL.length) {
    randomFillSync(RANDOM_POOL);
    poolAt = 0;
  }
  const r = RANDOM_POOL;
  const i = poolAt;
  poolAt += 10;
  const ms = Date.now();
  const high = Math.floor(ms / 0x10000);
  return (
    HEX[(high >>> 24) & 0xff]! +
    HEX[(high >>> 16) & 0xff]! +
    HEX[(high >>> 8) & 0xff]! +
    HEX[high & 0xff]! +
    '-' +
    HEX[(ms >>> 8) & 0xff]! +
    HEX[ms & 0xff]! +
    '-' +
    HEX[0x70 | (r[i]! & 0x0f)]! +
    HEX[r[i + 1]!]! +
    '-' +
    HEX[0x80 | (r[i + 2]! & 0x3f)]! +
    HEX[r[i + 3]!]! +
    '-' +
    HEX[r[i + 4]!]! +
    HEX[r[i + 5]!]! +
    HEX[r[i + 6]!]! +
    HEX[r[i + 7]!]! +
    HEX[r[i + 8]!]! +
    HEX[r[i + 9]!]!
  );
}

const RANDOM_POOL = new Uint8Array(10 * 1024);
let poolAt = RANDOM_POOL.length;
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * The values of `insertColumns` for one row; instants through `instant` (the dialect's form).
 * New rows get time-ordered UUIDs (version 7, RFC 9562): still UUIDs, but a batch's ids sort
 * together, so the primary key index is appended to instead of written at a random page per row
 * (with random v4 ids, a million-row table dirties one index page per inserted row).
 */
export function insertValues(
  table: ImportTable,
  row: readonly unknown[],
  now: unknown,
  instant: (date: Date) => unknown,
): unknown[] {
  const onInsert = Object.values(table.onInsert);
  const values = new Array<unknown>(4 + row.length + onInsert.length);
  values[0] = newRowId();
  values[1] = now;
  values[2] = now;
  values[3] = 1;
  for (let i = 0; i < row.length; i++) {
    const value = row[i];
    values[4 + i] = value instanceof Date ? instant(value) : (value ?? null);
  }
  for (let i = 0; i < onInsert.length; i++) values[4 + row.length + i] = onInsert[i];
  return values;
}

/** `do update set ... where (old) is distinct from (new)`: the content columns, a version bump and updated_at. */
export function conflictUpdate(table: ImportTable, distinct: 'is not' | 'is distinct from'): string {
  const content = table.columns.slice(2);
  const set = content.map((c) => `"${c}" = excluded."${c}"`).join(', ');
  const old = content.map((c) => `"${table.table}"."${c}"`).join(', ');
  const incoming = content.map((c) => `excluded."${c}"`).join(', ');
  return (
    `on conflict ("marketplace", "external_id") do update set ${set}, ` +
    `"version" = "${table.table}"."version" + 1, "updated_at" = excluded."updated_at" ` +
    `where (${old}) ${distinct} (${incoming})`
  );
}

/**
 * The copies an order's complaints and defects keep of it (offer, seller, order date) follow the
 * orders that moved; the rollups of both their old and new days are refreshed by the caller.
 */
export async function updateDependants(
  em: EntityManager,
  table: ImportTable,
  movedIds: readonly string[],
): Promise<void> {
  if (!table.dependants.length || !movedIds.length) return;
  for (let i = 0; i < movedIds.length; i += 500) {
    const ids = movedIds.slice(i, i + 500);
    for (const dependant of table.dependants) {
      const copy = (column: string) =>
        `"${column}" = (select "o"."${column}" from "${table.table}" "o" where "o"."id" = "${dependant}"."order_id")`;
      await em.execute(
        `update "${dependant}" set ${copy('offer_id')}, ${copy('seller_id')}, ${copy('order_date')} ` +
          `where "order_id" in (${ids.map(() => '?').join(', ')})`,
        ids,
        'run',
      );
    }
  }
}
