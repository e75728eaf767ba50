import { ReferenceKind, type EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

/** Rows per INSERT: a dozen columns x 500 rows stays under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const CHUNK_ROWS = 500;

/**
 * Inserts new entities of one class with multi-row INSERTs in the caller's transaction, without
 * entering the unit of work: for set-based writes of many rows (a bulk action's audit entries and
 * emails), where the ORM's own insertMany spends more on each entity than the database does. Every
 * single-column property is written as the ORM would write it (dates, booleans, JSON, references).
 */
export async function insertEntities<T extends object>(em: EntityManager, entities: readonly T[]): Promise<void> {
  if (entities.length === 0) return;
  const meta = em.getMetadata().get<T>(entities[0]!.constructor.name);
  const platform = em.getPlatform();
  const sqlite = !(platform instanceof PostgreSqlPlatform);
  const props = meta.props.filter(
    (p): p is EntityProperty<T> =>
      p.persist !== false &&
      (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE) &&
      p.fieldNames?.length === 1,
  );
  const dbValue = (prop: EntityProperty<T>, value: unknown): unknown => {
    if (value === undefined || value === null) return null;
    if (prop.kind === ReferenceKind.MANY_TO_ONE)
      return typeof value === 'object' ? (value as { id: unknown }).id : value;
    if (value instanceof Date) return platform.processDateProperty(value);
    if (prop.customType) return prop.customType.convertToDatabaseValue(value, platform, { mode: 'query' });
    if (typeof value === 'boolean' && sqlite) return value ? 1 : 0;
    return value;
  };
  const columns = props.map((p) => `"${p.fieldNames[0]}"`).join(', ');
  const tuple = `(${props.map(() => '?').join(', ')})`;
  for (let start = 0; start < entities.length; start += CHUNK_ROWS) {
    const chunk = entities.slice(start, start + CHUNK_ROWS);
    const params: unknown[] = [];
    for (const entity of chunk) for (const prop of props) params.push(dbValue(prop, entity[prop.name]));
    await em.execute(
      `insert into "${meta.tableName}" (${columns}) values ${chunk.map(() => tuple).join(', ')}`,
      params,
      'run',
    );
  }
}
