import { randomUUID } from 'node:crypto';
import { PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { ID } from '../graphql/id.js';

/**
 * Id and timestamps shared by every entity; ids are UUIDs so they can be made before a flush. The
 * fields are `simple` (graphql-js's default resolver, no type-graphql wrapper): always plain values.
 */
@ObjectType()
export abstract class BaseEntity {
  @Field(() => ID, { description: 'Stable unique identifier.', simple: true })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => Date, { description: 'When this record was created.', simple: true })
  @Property({ type: Date })
  createdAt: Date & Opt = new Date();

  @Field(() => Date, { description: 'When this record last changed.', simple: true })
  @Property({ type: Date, onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
