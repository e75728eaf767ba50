import {
  ReferenceKind,
  type EntityClass,
  type EntityComparator,
  type EntityMetadata,
  type EntityProperty,
  type MetadataStorage,
  type Platform,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';

/**
 * Plain rows for read paths that list many records: only the columns asked for, converted the way
 * the ORM converts them (dates, booleans, JSON), with many-to-one relations as references that load
 * (batched by the ORM's dataloader) only if a field reads them. No entity is created per row, and
 * nothing enters the identity map except the records a field reads: a reference is made when the
 * row's relation is first read (a page of returns that shows no order makes no Order reference; it
 * was a twentieth of the returns queue's CPU per request).
 */
export interface RowReader<T> {
  /** The select list, e.g. `"a"."id", "a"."status"` (or `"o"."id" as "o__id"`, … when prefixed). */
  readonly columns: string;
  readonly read: (raw: Record<string, unknown>) => Partial<T>;
}

export function rowReader<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  alias: string,
  props: Iterable<string>,
  /** Alias each column as `<alias>__<column>`, for a joined table whose column names collide. */
  prefixed = false,
): RowReader<T> {
  const plan = readPlan(em, entity, alias, props, prefixed);
  const { meta, platform, comparator, converted, references } = plan;
  return {
    columns: plan.columns,
    read(raw) {
      const own = prefixed ? unprefixed(raw, `${alias}__`) : raw;
      const row = comparator.mapResult<T>(meta.className, own as never) as Record<string, unknown>;
      for (const prop of converted) row[prop.name] = prop.customType!.convertToJSValue(row[prop.name], platform);
      for (const prop of references) {
        const id = row[prop.name];
        if (id == null) row[prop.name] = null;
        else lazily(row, prop.name, () => em.getReference(prop.type, id as never, { wrapped: true }));
      }
      return row as Partial<T>;
    },
  };
}

/** What a reader needs besides the entity manager: the same for every request, so made once per ORM. */
interface ReadPlan<T> {
  readonly meta: EntityMetadata<T>;
  readonly platform: Platform;
  readonly comparator: EntityComparator;
  readonly columns: string;
  readonly converted: ReadonlyArray<EntityProperty<T>>;
  readonly references: ReadonlyArray<EntityProperty<T>>;
}

const MAX_PLANS = 200;
const plans = new WeakMap<MetadataStorage, Map<string, ReadPlan<object>>>();

function readPlan<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  alias: string,
  props: Iterable<string>,
  prefixed: boolean,
): ReadPlan<T> {
  const names = [...new Set(props)].sort();
  const storage = em.getMetadata();
  let byKey = plans.get(storage);
  if (!byKey) plans.set(storage, (byKey = new Map<string, ReadPlan<object>>()));
  const key = `${entity.name} ${alias} ${prefixed ? 1 : 0} ${names.join(',')}`;
  const known = byKey.get(key);
  if (known) return known as unknown as ReadPlan<T>;

  const meta = storage.get<T>(entity.name);
  const chosen: EntityProperty<T>[] = [];
  for (const name of names) {
    const prop = (meta.properties as Record<string, EntityProperty<T> | undefined>)[name];
    if (!prop?.fieldNames?.length || prop.fieldNames.length > 1) {
      throw new Error(`${entity.name}.${name} is not a single-column property`);
    }
    if (prop.kind !== ReferenceKind.SCALAR && prop.kind !== ReferenceKind.MANY_TO_ONE) {
      throw new Error(`${entity.name}.${name} is not a column`);
    }
    chosen.push(prop);
  }
  const plan: ReadPlan<T> = {
    meta,
    platform: em.getPlatform(),
    comparator: em.getComparator(),
    columns: chosen
      .map((p) => `"${alias}"."${p.fieldNames[0]}"${prefixed ? ` as "${alias}__${p.fieldNames[0]}"` : ''}`)
      .join(', '),
    converted: chosen.filter((p) => p.kind === ReferenceKind.SCALAR && p.customType),
    references: chosen.filter((p) => p.kind === ReferenceKind.MANY_TO_ONE),
  };
  // Selections vary by query; a bounded cache keeps a flood of distinct ones from growing memory.
  if (byKey.size >= MAX_PLANS) byKey.clear();
  byKey.set(key, plan as unknown as ReadPlan<object>);
  return plan;
}

/** `row[name]` is `make()`, made on first read (a write replaces it), as an own enumerable property. */
function lazily(row: Record<string, unknown>, name: string, make: () => unknown): void {
  let value: unknown;
  let made = false;
  Object.defineProperty(row, name, {
    enumerable: true,
    configurable: true,
    get() {
      if (!made) {
        value = make();
        made = true;
      }
      return value;
    },
    set(next: unknown) {
      value = next;
      made = true;
    },
  });
}

function unprefixed(raw: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const own: Record<string, unknown> = {};
  for (const key in raw) if (key.startsWith(prefix)) own[key.slice(prefix.length)] = raw[key];
  return own;
}
