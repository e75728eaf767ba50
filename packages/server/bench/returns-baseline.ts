import { createHash } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import { loadConfig } from '../src/config.js';
import { cappedCountOf, cappedCountSql } from '../src/db/capped-count.js';
import { sql } from '../src/db/sql.js';
import { RETURNS_PAGE_SIZE } from './protocol.js';

/**
 * The returns queue's first page for the baseline (baseline-server.ts): the app's two statements for
 * `returnRequests(first: 25)` of the signed-in seller (the page, newest first on the
 * (organization_id, requested_at, id) index, then its count capped at RETURNS_COUNT_CAP, as the
 * app's), answered as the same JSON.
 */
// The columns the app reads for the web's row (returnRowPropsFor): the page's fields and its keys.
const COLUMNS = [
  'deadline',
  'id',
  'in_policy',
  'items',
  'marketplace',
  'order_external_id',
  'reason_code',
  'requested_at',
  'rma',
  'status',
  'version',
];
const PAGE_SQL =
  `select ${COLUMNS.map((c) => `"r"."${c}"`).join(', ')} from "return_request" as "r" where "r"."organization_id" = ? ` +
  `order by "r"."requested_at" desc, "r"."id" desc limit ${RETURNS_PAGE_SIZE + 1}`;
/** The app's cap: the same environment variable, read the same way. */
const COUNT_CAP = loadConfig({ RETURNS_COUNT_CAP: process.env['RETURNS_COUNT_CAP'] }).returnsQueue.countCap;
const COUNT_SQL = `select ${
  cappedCountSql(sql('"return_request" as "r" where "r"."organization_id" = ?'), COUNT_CAP).text
} as "count"`;
export const RETURNS_BASELINE_SQL = { page: PAGE_SQL, count: COUNT_SQL };

interface Row {
  id: string;
  version: number;
  status: string;
  marketplace: string;
  order_external_id: string;
  rma: string | null;
  reason_code: string;
  in_policy: boolean | number;
  requested_at: Date | number;
  deadline: string | null;
  items: string | Array<{ sku: string; title: string | null; quantity: number }>;
}

/** The cursor's list-and-filter fingerprint, as db/pagination.ts makes it for the queue's normalized, empty filter. */
const SCOPE = createHash('sha256')
  .update(
    JSON.stringify([
      'returnRequests',
      {
        state: null,
        inPolicy: null,
        reason: null,
        marketplace: null,
        dueBefore: null,
        dueWithinWeek: false,
        search: null,
      },
      'REQUESTED_NEWEST',
    ]),
  )
  .digest('base64url')
  .slice(0, 12);

export async function returnsFirstPage(
  knex: Knex,
  rowsOf: <T>(result: unknown) => T[],
  organizationId: string,
): Promise<unknown> {
  const rows = rowsOf<Row>(await knex.raw<unknown>(PAGE_SQL, [organizationId]));
  const counted = rowsOf<{ count: number | string }>(await knex.raw<unknown>(COUNT_SQL, [organizationId]));
  const edges = rows.slice(0, RETURNS_PAGE_SIZE).map((row) => {
    const requestedAt = (
      row.requested_at instanceof Date ? row.requested_at : new Date(row.requested_at)
    ).toISOString();
    const items = typeof row.items === 'string' ? (JSON.parse(row.items) as Exclude<Row['items'], string>) : row.items;
    return {
      cursor: Buffer.from(JSON.stringify([SCOPE, requestedAt, row.id])).toString('base64url'),
      node: {
        id: row.id,
        version: row.version,
        state: row.status,
        marketplace: row.marketplace,
        orderExternalId: row.order_external_id,
        rma: row.rma,
        reason: row.reason_code,
        inPolicy: Boolean(row.in_policy),
        requestedAt,
        deadline: row.deadline,
        items: items.map((item) => ({ sku: item.sku, title: item.title, quantity: item.quantity })),
      },
    };
  });
  return {
    data: {
      returnRequests: {
        count: cappedCountOf(counted[0]?.count, COUNT_CAP),
        pageInfo: { hasNextPage: rows.length > RETURNS_PAGE_SIZE, endCursor: edges.at(-1)?.cursor ?? null },
        edges,
      },
    },
  };
}
