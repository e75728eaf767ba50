import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import type { Marketplace } from './marketplace.entity.js';

@Entity()
@Unique({ properties: ['marketplace', 'date'] })
@ObjectType({ description: 'A marketplace holiday: not a business day for review deadlines.' })
export class Holiday extends BaseEntity {
  @ManyToOne('Marketplace', { ref: true })
  marketplace: Ref<Marketplace>;

  @Field({ description: 'The local calendar date, YYYY-MM-DD.' })
  @Property({ type: 'string', length: 10 })
  date: string;

  @Field()
  @Property({ type: 'string' })
  name: string;

  constructor(props: { marketplace: Ref<Marketplace>; date: string; name: string }) {
    super();
    this.marketplace = props.marketplace;
    this.date = props.date;
    this.name = props.name;
  }
}
