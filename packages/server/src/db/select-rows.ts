import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { preparedStatement, type SqliteDatabase } from './sqlite-statements.js';

/**
 * Runs a read statement (`?` parameters) as a prepared statement, for the statements every request
 * runs (the session lookup, a queue's page and its count). `em.execute` writes each parameter into
 * the SQL text as a literal, so PostgreSQL parses and plans every statement afresh and SQLite
 * compiles a new one each time; here the text stays the same, and the database keeps it:
 * - PostgreSQL: a named prepared statement per text on each pooled connection (node-postgres
 *   prepares it on first use on that connection, then only binds and executes);
 * - SQLite: the compiled statement, kept per connection (sqlite-statements.ts).
 * Measured: about 70 µs of Node CPU less per statement on PostgreSQL (37 instead of 109 µs for the
 * session lookup) and 15 µs on SQLite (BENCHMARKS.md).
 *
 * Same rows as `em.execute(text, params)`, with the parameters converted as the ORM converts them
 * (dates, booleans, JSON). Inside a transaction (the statement must see its writes), or with a
 * parameter the ORM would expand (a list for `in (?)`), it is `em.execute`. Statements are logged
 * as the ORM logs them (tests count them), and knex's `query` event is emitted as knex emits it
 * (the statement with `?` and its values), for whoever listens.
 */
export async function selectRows<T = Record<string, unknown>>(
  em: EntityManager,
  text: string,
  params: readonly unknown[] = [],
): Promise<T[]> {
  if (em.getTransactionContext() || !params.every(isBindable)) return em.execute<T[]>(text, [...params]);
  const connection = em.getConnection() as unknown as OrmConnection;
  const client = connection.getKnex().client as KnexClient;
  const run = (): Promise<T[]> =>
    client.driverName === 'pg'
      ? postgresRows<T>(client, em, text, params)
      : client.driverName === 'better-sqlite3'
        ? sqliteRows<T>(client, text, params)
        : em.execute<T[]>(text, [...params]);
  if (!connection.logger.isEnabled('query')) return run();
  return connection.executeQuery(em.getPlatform().formatQuery(text, [...params]), run, { query: text, params });
}

/** What of the ORM's connection and knex's client this uses (both public at run time). */
interface OrmConnection {
  getKnex(): { client: unknown };
  readonly logger: { isEnabled(namespace: string): boolean };
  executeQuery<R>(query: string, run: () => Promise<R>, context: object): Promise<R>;
}

interface KnexClient {
  readonly driverName: string;
  emit(event: 'query', query: { method: 'raw'; sql: string; bindings: unknown[] }): boolean;
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** A list or a record is written out by the ORM (`in (?)` with a list): left to it. */
function isBindable(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    typeof value !== 'object' ||
    value instanceof Date ||
    Buffer.isBuffer(value)
  );
}

/** Texts remembered (PostgreSQL's names); SQLite's statements are kept per connection by sqlite-statements.ts. */
const MAX_STATEMENTS = 1000;

interface PostgresStatement {
  readonly name: string;
  readonly text: string;
}

const postgresStatements = new Map<string, PostgresStatement | null>();

/** `?` to `$1`, `$2`, …, and a name from the text; null when the text has `?` that are not parameters. */
function postgresStatement(text: string, parameters: number): PostgresStatement | null {
  const known = postgresStatements.get(text);
  if (known !== undefined) return known;
  if (postgresStatements.size >= MAX_STATEMENTS) postgresStatements.clear();
  let n = 0;
  let quote: string | null = null;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
      out += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      out += c;
    } else if (c === '?') {
      // `??` (an identifier) and `\?` (a literal question mark) are the ORM's: leave the text to it.
      if (text[i + 1] === '?' || text[i - 1] === '\\') return remember(text, null);
      out += `$${++n}`;
    } else out += c;
  }
  if (n !== parameters) return remember(text, null);
  const name = `rc_${createHash('sha1').update(out).digest('hex').slice(0, 20)}`;
  return remember(text, { name, text: out });
}

function remember(text: string, statement: PostgresStatement | null): PostgresStatement | null {
  postgresStatements.set(text, statement);
  return statement;
}

async function postgresRows<T>(
  client: KnexClient,
  em: EntityManager,
  text: string,
  params: readonly unknown[],
): Promise<T[]> {
  const statement = postgresStatement(text, params.length);
  if (!statement) return em.execute<T[]>(text, [...params]);
  const platform = em.getPlatform() as unknown as { formatDate(date: Date): string };
  // As the ORM writes them: a date in the configured zone (UTC), anything else as it is.
  const values = params.map((p) => (p instanceof Date ? platform.formatDate(p) : (p ?? null)));
  const connection = (await client.acquireConnection()) as PgClient;
  try {
    client.emit('query', { method: 'raw', sql: text, bindings: values });
    const result = await connection.query({ name: statement.name, text: statement.text, values });
    return result.rows as T[];
  } finally {
    await client.releaseConnection(connection);
  }
}

async function sqliteRows<T>(client: KnexClient, text: string, params: readonly unknown[]): Promise<T[]> {
  // As the ORM writes them: a date as its milliseconds, a boolean as 1 or 0.
  const values = params.map((p) =>
    p instanceof Date ? p.getTime() : typeof p === 'boolean' ? (p ? 1 : 0) : p === undefined ? null : p,
  );
  const connection = (await client.acquireConnection()) as SqliteDatabase;
  try {
    client.emit('query', { method: 'raw', sql: text, bindings: values });
    const statement = preparedStatement(connection, text);
    if (!statement.reader) throw new Error('selectRows runs statements that return rows only');
    return statement.all(values) as T[];
  } finally {
    await client.releaseConnection(connection);
  }
}
