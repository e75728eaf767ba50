import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { OrganizationKind } from './accounts.enums.js';

@Entity()
@ObjectType({ description: 'A seller business or a returns provider.', simpleResolvers: true })
export class Organization extends BaseEntity {
  @Field(() => OrganizationKind, { description: 'Seller or returns provider.' })
  @Property({ type: 'string', length: 16 })
  kind: OrganizationKind;

  @Field({ description: 'Legal or trading name.' })
  @Property({ type: 'string', length: 200 })
  name: string;

  constructor(props: { kind: OrganizationKind; name: string }) {
    super();
    this.kind = props.kind;
    this.name = props.name;
  }
}
