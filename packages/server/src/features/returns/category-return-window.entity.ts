import { Entity, Property, Unique } from '@mikro-orm/core';
import type { MarketplaceCode } from '@recertify/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { MarketplaceCodeEnum } from '../marketplaces/marketplace.enums.js';

/**
 * A category's own return window in a marketplace (admin-managed, SPEC 6: "30 days unless the
 * category says otherwise"). Items of other categories get the policy version's default.
 */
@Entity()
@Unique({ properties: ['marketplace', 'categoryName'] })
@ObjectType({ description: "A category's own return window in a marketplace." })
export class CategoryReturnWindow extends BaseEntity {
  @Field(() => MarketplaceCodeEnum, { description: 'The marketplace.' })
  @Property({ type: 'string', length: 2 })
  marketplace: MarketplaceCode;

  @Field({ description: 'The category, as order items name it.' })
  @Property({ type: 'string', length: 100 })
  categoryName: string;

  @Field(() => Int, { description: 'Days after delivery a return may be requested.' })
  @Property({ type: 'integer' })
  days: number;

  constructor(props: { marketplace: MarketplaceCode; categoryName: string; days: number }) {
    super();
    this.marketplace = props.marketplace;
    this.categoryName = props.categoryName;
    this.days = props.days;
  }
}
