import { createHash } from 'node:crypto';
import { badInput } from '../errors/app-error.js';
import { sql, type Sql } from './sql.js';

/**
 * Keyset pagination for every connection: a page continues strictly after the last row of the
 * previous one in an ordered tuple of columns, so a page costs the same wherever it sits in the list
 * and rows added or removed meanwhile are neither skipped nor repeated.
 */

/** Where a page sits in the whole list (the GraphQL `PageInfo`). */
export interface PageInfoData {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/**
 * A Relay connection. `totalCount` is a getter: the count runs only when a client selects the
 * field (graphql-js reads it, and awaits the promise), and at most once.
 */
export interface Connection<T> {
  readonly edges: Edge<T>[];
  readonly pageInfo: PageInfoData;
  readonly totalCount: Promise<number> | number;
}

/** How one key of the order travels in a cursor, and how it is checked when it comes back. */
export type CursorKeyType =
  /** Any non-empty string (codes). */
  | 'string'
  /** A UUID (ids): PostgreSQL refuses to compare a uuid column with anything else. */
  | 'uuid'
  /** A calendar day, YYYY-MM-DD. */
  | 'day'
  /** An instant, as an ISO 8601 string in the cursor and a Date in the query. */
  | 'timestamp'
  /** A whole number (a figure such as basis points), as a number in the query. */
  | 'integer';

export interface CursorKey<Row> {
  /** The column it sorts on, as the page's SQL names it (e.g. `"a"."due_date"`). Never null in the list. */
  readonly column: string;
  readonly type: CursorKeyType;
  readonly of: (row: Row) => string | number | Date | null | undefined;
}

export interface KeysetOptions<Row> {
  /** The order, ascending, ending with a unique key so that no two rows tie. */
  readonly keys: readonly CursorKey<Row>[];
  /** The list and its filter (JSON-serializable): a cursor only continues the list it came from. */
  readonly scope: unknown;
  readonly first: number;
  readonly after?: string | null;
  /** Every key descending instead (newest first): one direction for the whole tuple, so a row comparison still works. */
  readonly descending?: boolean;
}

export interface Keyset<Row> {
  /** `(k1, k2, …) > (?, ?, …)` after the cursor (`<` when descending); `null` on the first page. */
  readonly after: Sql | null;
  /** `k1 asc, k2 asc, …` (or `desc`). */
  readonly orderBy: string;
  /** One more row than the page, to know whether another page follows. */
  readonly limit: number;
  /** Cuts the fetched rows to the page, with the cursors and page info. */
  page<Node>(rows: readonly Row[], toNode: (row: Row) => Node, count: () => Promise<number>): Connection<Node>;
}

const NOT_A_CURSOR = 'is not a cursor from this list; start again without it';
const OTHER_FILTER = 'is a cursor from another filter of this list; start again without it';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const MAX_STRING = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Keyset paging over `keys`: the condition, order and limit of a page's query, and the page from its rows. */
export function keyset<Row>(options: KeysetOptions<Row>): Keyset<Row> {
  const { keys, first } = options;
  const scope = scopeOf(options.scope);
  const values = options.after ? decodeCursor(options.after, scope, keys) : null;
  const columns = keys.map((k) => k.column).join(', ');
  const [comparison, direction] = options.descending ? ['<', 'desc'] : ['>', 'asc'];
  return {
    after: values ? sql(`(${columns}) ${comparison} (${values.map(() => '?').join(', ')})`, values) : null,
    orderBy: keys.map((k) => `${k.column} ${direction}`).join(', '),
    limit: first + 1,
    page(rows, toNode, count) {
      const edges = rows.slice(0, first).map((row) => ({ cursor: encodeCursor(scope, keys, row), node: toNode(row) }));
      let counted: Promise<number> | undefined;
      return {
        edges,
        pageInfo: {
          hasNextPage: rows.length > first,
          hasPreviousPage: Boolean(options.after),
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
        get totalCount() {
          return (counted ??= count());
        },
      };
    },
  };
}

/** A short fingerprint of the list and filter; not a secret, only a guard against mixing lists. */
function scopeOf(scope: unknown): string {
  const text = JSON.stringify(scope);
  let fingerprint = scopes.get(text);
  if (fingerprint === undefined) {
    fingerprint = createHash('sha256').update(text).digest('base64url').slice(0, 12);
    // Lists and filters are few; a bounded memo spares a hash per page without growing with odd filters.
    if (scopes.size >= MAX_SCOPES) scopes.clear();
    scopes.set(text, fingerprint);
  }
  return fingerprint;
}

const MAX_SCOPES = 1000;
const scopes = new Map<string, string>();

function encodeCursor<Row>(scope: string, keys: readonly CursorKey<Row>[], row: Row): string {
  const values = keys.map((key) => {
    const value = key.of(row);
    if (value == null) throw new Error(`cursor key ${key.column} is null; keyset keys must not be`);
    return value instanceof Date ? value.toISOString() : value;
  });
  return Buffer.from(JSON.stringify([scope, ...values])).toString('base64url');
}

/** The key values of a cursor, checked one by one; BAD_USER_INPUT on `after` otherwise, never a 500. */
function decodeCursor<Row>(
  cursor: string,
  scope: string,
  keys: readonly CursorKey<Row>[],
): Array<string | number | Date> {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput([{ field: 'after', message: NOT_A_CURSOR }]);
  }
  if (!Array.isArray(parts) || parts.length !== keys.length + 1 || typeof parts[0] !== 'string') {
    throw badInput([{ field: 'after', message: NOT_A_CURSOR }]);
  }
  if (parts[0] !== scope) throw badInput([{ field: 'after', message: OTHER_FILTER }]);
  return keys.map((key, i) => {
    const value = parseKey(key.type, parts[i + 1]);
    if (value === null) throw badInput([{ field: 'after', message: NOT_A_CURSOR }]);
    return value;
  });
}

function parseKey(type: CursorKeyType, value: unknown): string | number | Date | null {
  if (type === 'integer') return Number.isSafeInteger(value) ? (value as number) : null;
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_STRING) return null;
  if (type === 'string') return value;
  if (type === 'uuid') return UUID.test(value) ? value : null;
  if (type === 'day') {
    if (!DAY.test(value)) return null;
    const date = new Date(`${value}T00:00:00.000Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : null;
  }
  if (!INSTANT.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
