import { randomUUID } from 'node:crypto';
import { PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { ID } from '../graphql/id.js';

/** Id and timestamps shared by every entity; ids are UUIDs so they can be made before a flush. */
@ObjectType()
export abstract class BaseEntity {
  @Field(() => ID, { description: 'Stable unique identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => Date, { description: 'When this record was created.' })
  @Property({ type: Date })
  createdAt: Date & Opt = new Date();

  @Field(() => Date, { description: 'When this record last changed.' })
  @Property({ type: Date, onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
