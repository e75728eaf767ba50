import type { ClassType } from 'type-graphql';
import { Field, Int, ObjectType } from 'type-graphql';
import type { CappedCountData } from '../db/capped-count.js';
import type { PageInfoData } from '../db/pagination.js';

// Plain values: graphql-js's default resolver (no type-graphql wrapper per field); see simpleResolvers in BENCHMARKS.md.
@ObjectType({ description: 'Where a page of a connection sits in the whole list.', simpleResolvers: true })
export class PageInfo implements PageInfoData {
  @Field({ description: 'More items follow this page.' }) hasNextPage!: boolean;
  @Field({ description: 'Items come before this page.' }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item; pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}

@ObjectType({
  description:
    'A count that stops at a cap so that it costs the same whatever the list holds: exactly `value` when ' +
    '`atLeast` is false; at least `value` (the cap; show it as "10,000+") when `atLeast` is true.',
  simpleResolvers: true,
})
export class CappedCount implements CappedCountData {
  @Field(() => Int, { description: 'The count, or the cap when `atLeast` is true.' }) value!: number;
  @Field({ description: 'There are more than the cap: `value` is a lower bound, not the exact count.' })
  atLeast!: boolean;
}

export type { Connection, Edge } from '../db/pagination.js';

export interface ConnectionTypeOptions {
  /**
   * The connection also answers `count`, a CappedCount, and `totalCount` is deprecated with this
   * reason (it stays exact, and its cost grows with the list).
   */
  readonly cappedCount?: { readonly totalCountDeprecation: string };
}

/** Relay connection and edge types for one node type, from one factory. */
export function createConnectionType<T extends object>(
  nodeType: ClassType<T>,
  name: string,
  options: ConnectionTypeOptions = {},
) {
  @ObjectType(`${name}Edge`, { description: `One ${name} with its cursor.`, simpleResolvers: true })
  class EdgeType {
    @Field({ description: 'Opaque position of this item; pass it as `after` to continue.' }) cursor!: string;
    @Field(() => nodeType, { description: `The ${name}.` }) node!: T;
  }

  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items of this page.', simple: true }) edges!: EdgeType[];
    @Field(() => PageInfo, { description: 'Paging information.', simple: true }) pageInfo!: PageInfo;
    // Not simple: a getter that returns a promise (the count runs only when asked for), and
    // graphql-jit reads a field without a resolver synchronously (graphql/executor.ts).
    @Field(() => Int, {
      description: 'How many items match, across all pages.',
      ...(options.cappedCount ? { deprecationReason: options.cappedCount.totalCountDeprecation } : {}),
    })
    totalCount!: number;
  }
  if (options.cappedCount) {
    // Applied by hand as the decorator would be: only the connections that ask for it have the field.
    Field(() => CappedCount, {
      description:
        'How many items match, across all pages, up to a cap; see CappedCount. Costs a count query: ask for it only when you show it.',
      // Not simple either: a getter that returns a promise, as totalCount.
    })(ConnectionType.prototype, 'count');
  }
  ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })(ConnectionType);
  return ConnectionType;
}
