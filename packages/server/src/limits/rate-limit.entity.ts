import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The counters of the shared rate-limit store on PostgreSQL, written only by rate-limiter-flexible
 * (src/limits/rate-limit-store.ts) with its own SQL: one row per limiter key, `points` used in the
 * current window, `expire` when the window ends (epoch milliseconds). Declared as an entity so the
 * table comes from a committed migration and the schema diff keeps it; the columns and their
 * order are the library's (it inserts `VALUES (key, points, expire)`). Embedded mode (SQLite)
 * keeps its counters in memory and leaves this table empty.
 */
@Entity({ tableName: 'rate_limit' })
export class RateLimitEntry {
  @PrimaryKey({ type: 'string', length: 255 })
  key!: string;

  @Property({ type: 'integer', default: 0 })
  points!: number;

  @Property({ type: 'bigint', nullable: true })
  expire!: string | null;
}
