import { Entity, Property, Unique } from '@mikro-orm/core';
import type { CurrencyCode, ExchangeRate as DomainExchangeRate } from '@recertify/domain';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { CurrencyCodeEnum } from '../../graphql/money.types.js';

/** A dated exchange rate: from validFrom on, 1 base = rate quote. The rate is a decimal string, never a float. */
@Entity()
@Unique({ properties: ['base', 'quote', 'validFrom'] })
@ObjectType({ description: 'A dated exchange rate: from validFrom on, 1 unit of base is worth rate units of quote.' })
export class ExchangeRate extends BaseEntity implements DomainExchangeRate {
  @Field(() => CurrencyCodeEnum)
  @Property({ type: 'string', length: 3 })
  base: CurrencyCode;

  @Field(() => CurrencyCodeEnum)
  @Property({ type: 'string', length: 3 })
  quote: CurrencyCode;

  @Field({ description: 'First day (YYYY-MM-DD) on which the rate is in force.' })
  @Property({ type: 'string', length: 10 })
  validFrom: string;

  // Text, not a numeric column: SQLite would store a decimal as a float.
  @Field({ description: 'Exact decimal rate, e.g. "0.7312".' })
  @Property({ type: 'string', length: 32 })
  rate: string;

  constructor(props: DomainExchangeRate) {
    super();
    this.base = props.base;
    this.quote = props.quote;
    this.validFrom = props.validFrom;
    this.rate = props.rate;
  }
}
