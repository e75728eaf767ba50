import 'reflect-metadata';
import { createHash } from 'node:crypto';
import http from 'node:http';
import { loadConfig } from '../src/config.js';
import { cappedCountOf, cappedCountSql } from '../src/db/capped-count.js';
import { createOrm, type EntityManager } from '../src/db/orm.js';
import { sql } from '../src/db/sql.js';
import {
  databaseFromEnv,
  SCENARIOS,
  type FromServer,
  type BaselineScenario,
  type ScenarioName,
  type ToServer,
} from './protocol.js';
import { returnsFirstPage } from './returns-baseline.js';

/** Like the app: the session's last-seen time is written at most once a minute. */
const TOUCH_INTERVAL_MS = 60_000;

interface SessionRow {
  id: string;
  expires_at: Date | number;
  last_seen_at: Date | number;
  revoked_at: Date | number | null;
  u1__role: string;
  u1__organization_id: string | null;
  u1__deactivated_at: Date | number | null;
}

interface PageRow {
  id: string;
  status: string;
  marketplace: string;
  due_date: string | null;
  submitted_at: Date | number | null;
  failing_checks: number;
  checks_needing_review: number;
  apple_requested: boolean | number;
  o__name: string;
}

// The statements the app runs for one queue request (the benchmark prints the app's own, captured from
// its query log, beside these), with double-quoted identifiers, which both SQLite and PostgreSQL accept.
const SESSION_SQL =
  'select "s0".*, "u1"."id" as "u1__id", "u1"."created_at" as "u1__created_at", "u1"."updated_at" as "u1__updated_at", ' +
  '"u1"."email" as "u1__email", "u1"."display_name" as "u1__display_name", "u1"."role" as "u1__role", ' +
  '"u1"."organization_id" as "u1__organization_id", "u1"."failed_sign_ins" as "u1__failed_sign_ins", ' +
  '"u1"."locked_until" as "u1__locked_until", "u1"."last_sign_in_at" as "u1__last_sign_in_at", ' +
  '"u1"."deactivated_at" as "u1__deactivated_at" from "session" as "s0" inner join "user" as "u1" on "s0"."user_id" = "u1"."id" ' +
  'where "s0"."token_hash" = ? limit 1';
const TOUCH_SQL = 'update "session" set "last_seen_at" = ? where "id" = ?';

function queueWhere(scenario: ScenarioName): { sql: string; params: Array<string | boolean> } {
  const filter = SCENARIOS[scenario].filter;
  return filter
    ? {
        sql: `where ("a"."status" in ('SUBMITTED', 'IN_REVIEW')) and ("a"."marketplace" = ?) and ("a"."apple_requested" = ?)`,
        params: [filter.marketplace, filter.appleRequested],
      }
    : { sql: `where "a"."status" in ('SUBMITTED', 'IN_REVIEW')`, params: [] };
}
/** The app's cap on the queue's count: the same environment variable, read the same way. */
const COUNT_CAP = loadConfig({ REVIEW_QUEUE_COUNT_CAP: process.env['REVIEW_QUEUE_COUNT_CAP'] }).reviewQueue.countCap;
// The capped count the app runs when GraphQL reads `count` (db/capped-count.ts): at most cap + 1 rows.
const COUNT_SQL = (scenario: ScenarioName) =>
  `select ${cappedCountSql(sql(`"application" as "a" ${queueWhere(scenario).sql}`), COUNT_CAP).text} as "count"`;
// Only the columns the page shows, plus the keys, status and marketplace every row carries, with the
// seller joined: as the app.
const PAGE_SQL = (scenario: ScenarioName) =>
  'select "a"."id", "a"."status", "a"."marketplace", "a"."due_date", "a"."submitted_at", "a"."failing_checks", ' +
  '"a"."checks_needing_review", "a"."apple_requested", "o"."id" as "o__id", "o"."name" as "o__name" from "application" as "a" ' +
  'inner join "organization" as "o" on "o"."id" = "a"."organization_id" ' +
  `${queueWhere(scenario).sql} order by "a"."due_date" asc, "a"."submitted_at" asc, "a"."id" asc limit 51`;

/** The cursor's list-and-filter fingerprint, as db/pagination.ts makes it for the queue's normalized filter. */
function cursorScope(scenario: ScenarioName): string {
  const filter = SCENARIOS[scenario].filter;
  const normalized = {
    status: null,
    marketplace: filter?.marketplace ?? null,
    due: null,
    appleRequested: filter?.appleRequested ?? null,
    failedChecks: null,
  };
  return createHash('sha256')
    .update(JSON.stringify(['reviewQueue', normalized]))
    .digest('base64url')
    .slice(0, 12);
}

export const BASELINE_SQL = { session: SESSION_SQL, count: COUNT_SQL, page: PAGE_SQL };

const PAGE_SIZE = 50;

/**
 * The baseline: a plain node:http handler that runs the app's SQL for the queue request directly
 * through the same driver and pool (the ORM's knex, no entities), and answers the same JSON.
 * POST /queue/first or /queue/filtered, with the rc_session cookie.
 */
export async function serveBaseline(
  send: (message: FromServer) => void,
): Promise<(message: ToServer) => Promise<void>> {
  const database = databaseFromEnv();
  const orm = await createOrm({ database });
  const knex = (orm.em.fork() as EntityManager).getKnex();
  const sqlite = database.kind === 'sqlite';
  const rowsOf = <T>(result: unknown): T[] => (sqlite ? (result as T[]) : (result as { rows: T[] }).rows);
  const toDate = (value: Date | number | null): Date | null =>
    value === null ? null : value instanceof Date ? value : new Date(value);
  const dbDate = (date: Date) => (sqlite ? date.getTime() : date);
  const scopes = { first: cursorScope('first'), filtered: cursorScope('filtered') };

  async function handle(scenario: BaselineScenario, cookieHeader: string | undefined): Promise<[number, unknown]> {
    const token = /(?:^|;\s*)rc_session=([^;]*)/.exec(cookieHeader ?? '')?.[1];
    if (!token) return [401, { errors: [{ message: 'not signed in' }] }];
    const tokenHash = createHash('sha256').update(decodeURIComponent(token)).digest('hex');
    const [session] = rowsOf<SessionRow>(await knex.raw<unknown>(SESSION_SQL, [tokenHash]));
    const now = new Date();
    const returns = scenario === 'returns';
    if (
      !session ||
      session.revoked_at !== null ||
      toDate(session.expires_at)!.getTime() <= now.getTime() ||
      session.u1__deactivated_at !== null ||
      (returns
        ? session.u1__role !== 'SELLER' || !session.u1__organization_id
        : session.u1__role !== 'REVIEWER' && session.u1__role !== 'ADMIN')
    ) {
      return [403, { errors: [{ message: returns ? 'sellers only' : 'reviewers only' }] }];
    }
    if (now.getTime() - toDate(session.last_seen_at)!.getTime() > TOUCH_INTERVAL_MS) {
      await knex.raw(TOUCH_SQL, [dbDate(now), session.id]);
    }
    if (returns) return [200, await returnsFirstPage(knex, rowsOf, session.u1__organization_id!)];
    // The page, then its capped count (the app counts when GraphQL reads count, after the page).
    const where = queueWhere(scenario);
    const rows = rowsOf<PageRow>(await knex.raw<unknown>(PAGE_SQL(scenario), where.params));
    const counted = rowsOf<{ count: number | string }>(await knex.raw<unknown>(COUNT_SQL(scenario), where.params));
    const page = rows.slice(0, PAGE_SIZE);
    const count = cappedCountOf(counted[0]?.count, COUNT_CAP);
    const scope = scopes[scenario];
    const edges = page.map((row) => {
      const submittedAt = toDate(row.submitted_at)?.toISOString() ?? null;
      return {
        cursor: Buffer.from(JSON.stringify([scope, row.due_date, submittedAt, row.id])).toString('base64url'),
        node: {
          id: row.id,
          marketplace: row.marketplace,
          status: row.status,
          submittedAt,
          dueDate: row.due_date,
          failingChecks: row.failing_checks,
          checksNeedingReview: row.checks_needing_review,
          appleRequested: Boolean(row.apple_requested),
          seller: { name: row.o__name },
        },
      };
    });
    return [
      200,
      {
        data: {
          reviewQueue: {
            count,
            pageInfo: { endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: rows.length > PAGE_SIZE },
            edges,
          },
        },
      },
    ];
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => {
        const text = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(text);
      };
      if (req.method === 'GET' && req.url === '/health') {
        knex.raw('select 1').then(
          () => reply(200, { status: 'ok' }),
          () => reply(503, { status: 'unavailable' }),
        );
        return;
      }
      const scenario = /^\/queue\/(first|filtered|returns)$/.exec(req.url ?? '')?.[1] as BaselineScenario | undefined;
      if (req.method !== 'POST' || !scenario)
        return reply(404, { errors: [{ message: 'POST /queue/first|filtered|returns' }] });
      try {
        // Read the request like the app does (the body is the same GraphQL document; its filter is in the path).
        JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        return reply(400, { errors: [{ message: 'body is not JSON' }] });
      }
      handle(scenario, req.headers.cookie).then(
        ([status, body]) => reply(status, body),
        (error: unknown) => reply(500, { errors: [{ message: String(error) }] }),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  send({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });

  return async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await orm.close();
  };
}
