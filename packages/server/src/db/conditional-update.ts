import type { EntityClass, EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

/** One row to change: its id, what it must still be (e.g. the status and version read), and its new values. */
export interface ConditionalRowUpdate<T> {
  readonly id: string;
  readonly where: Partial<Record<keyof T & string, unknown>>;
  readonly set: Partial<Record<keyof T & string, unknown>>;
}

/** Rows per statement: 500 rows of a dozen values stay far under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const CHUNK_ROWS = 500;

/**
 * Changes many rows in one statement per chunk, each row only if it still holds what `where` says
 * (a conditional update per row, set-based), and answers the ids it changed. Every row must name
 * the same properties in `where` and in `set`. The version column, when the entity has one, is
 * bumped for each changed row, as the ORM's flush would.
 *
 *   with "v" ("v_id", "v_w0", …, "v_s0", …) as (values (?, ?, …), …)
 *   update "t" set "a" = "v"."v_s0", …, "version" = "version" + 1
 *   from "v" where "id" = "v"."v_id" and "status" = "v"."v_w0" and …
 *   returning "id"
 *
 * SQLite (3.35 and later: UPDATE … FROM and RETURNING) and PostgreSQL run the same text; on
 * PostgreSQL each value is cast to its column's type. Concurrent calls over the same rows are safe
 * on both: SQLite has one writer at a time, and PostgreSQL re-checks the condition of a row another
 * transaction changed meanwhile (that row is then not changed, and not returned). Callers pass
 * rows in a fixed order (e.g. by id), so two transactions take the row locks in the same order.
 */
export async function updateEachIfUnchanged<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  rows: ReadonlyArray<ConditionalRowUpdate<T>>,
): Promise<Set<string>> {
  const changed = new Set<string>();
  if (rows.length === 0) return changed;
  const meta = em.getMetadata().get<T>(entity.name);
  const platform = em.getPlatform();
  const postgres = platform instanceof PostgreSqlPlatform;
  const sqlite = !postgres;
  const whereProps = Object.keys(rows[0]!.where);
  const setProps = Object.keys(rows[0]!.set);
  const property = (name: string): EntityProperty<T> => {
    const prop = (meta.properties as Record<string, EntityProperty<T> | undefined>)[name];
    if (!prop || prop.fieldNames?.length !== 1) throw new Error(`${meta.className}.${name} is not a single column`);
    return prop;
  };
  const idProp = property(meta.primaryKeys[0]!);
  const where = whereProps.map(property);
  const set = setProps.map(property);
  const column = (prop: EntityProperty<T>) => `"${prop.fieldNames[0]}"`;
  const versionProp = meta.versionProperty ? property(meta.versionProperty) : null;
  const dbValue = (value: unknown): unknown => {
    if (value instanceof Date) return platform.processDateProperty(value);
    if (typeof value === 'boolean' && sqlite) return value ? 1 : 0;
    if (value !== null && typeof value === 'object' && 'id' in value) return value.id;
    return value;
  };
  const placeholder = (prop: EntityProperty<T>) => (postgres ? `cast(? as ${prop.columnTypes[0]})` : '?');
  const same = (a: unknown, b: unknown) =>
    a === b || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());

  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS);
    // A value the same in every row of the chunk is passed once; the others go in the VALUES list.
    const fixed = (pick: (row: ConditionalRowUpdate<T>) => unknown) =>
      chunk.every((row) => same(pick(row), pick(chunk[0]!)));
    const whereFixed = whereProps.map((name) => fixed((row) => row.where[name as keyof T & string]));
    const setFixed = setProps.map((name) => fixed((row) => row.set[name as keyof T & string]));
    const varying = [
      ...where.flatMap((prop, i) => (whereFixed[i] ? [] : [{ prop, name: `v_w${i}` }])),
      ...set.flatMap((prop, i) => (setFixed[i] ? [] : [{ prop, name: `v_s${i}` }])),
    ];
    const head: unknown[] = [];
    const value = (prop: EntityProperty<T>, isFixed: boolean, name: string, raw: unknown) => {
      if (!isFixed) return `"v"."${name}"`;
      head.push(dbValue(raw));
      return placeholder(prop);
    };
    const assignments = [
      ...set.map(
        (prop, i) =>
          `${column(prop)} = ${value(prop, setFixed[i]!, `v_s${i}`, chunk[0]!.set[prop.name as keyof T & string])}`,
      ),
      ...(versionProp && !setProps.includes(versionProp.name)
        ? [`${column(versionProp)} = ${column(versionProp)} + 1`]
        : []),
    ];
    const conditions = [
      `${column(idProp)} = "v"."v_id"`,
      ...where.map(
        (prop, i) =>
          `${column(prop)} = ${value(prop, whereFixed[i]!, `v_w${i}`, chunk[0]!.where[prop.name as keyof T & string])}`,
      ),
    ];
    const tuple = `(${[idProp, ...varying.map((v) => v.prop)].map(placeholder).join(', ')})`;
    const values: unknown[] = [];
    for (const row of chunk) {
      values.push(row.id);
      for (const { prop, name } of varying) {
        const source = name.startsWith('v_w') ? row.where : row.set;
        values.push(dbValue(source[prop.name as keyof T & string]));
      }
    }
    const names = ['"v_id"', ...varying.map((v) => `"${v.name}"`)];
    const text =
      `with "v" (${names.join(', ')}) as (values ${chunk.map(() => tuple).join(', ')}) ` +
      `update "${meta.tableName}" set ${assignments.join(', ')} from "v" where ${conditions.join(' and ')} ` +
      `returning ${column(idProp)} as "id"`;
    // The VALUES list comes first in the text, then the fixed values in the order they appear.
    const result = await em.execute<Array<{ id: string }>>(text, [...values, ...head], 'all');
    for (const row of result) changed.add(String(row.id));
  }
  return changed;
}
