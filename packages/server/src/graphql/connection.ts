import type { ClassType } from 'type-graphql';
import { Field, Int, ObjectType } from 'type-graphql';
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

export type { Connection, Edge } from '../db/pagination.js';

/** Relay connection and edge types for one node type, from one factory. */
export function createConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} with its cursor.`, simpleResolvers: true })
  class EdgeType {
    @Field({ description: 'Opaque position of this item; pass it as `after` to continue.' }) cursor!: string;
    @Field(() => nodeType, { description: `The ${name}.` }) node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items of this page.', simple: true }) edges!: EdgeType[];
    @Field(() => PageInfo, { description: 'Paging information.', simple: true }) pageInfo!: PageInfo;
    // Not simple: a getter that returns a promise (the count runs only when asked for), and
    // graphql-jit reads a field without a resolver synchronously (graphql/executor.ts).
    @Field(() => Int, { description: 'How many items match, across all pages.' }) totalCount!: number;
  }
  return ConnectionType;
}
