import { BigIntType, Embeddable, Property } from '@mikro-orm/core';
import { CURRENCY_CODES, formatMoney, toDecimalString, type CurrencyCode, type Money } from '@recertify/domain';
import { graphqlEnum } from './enums.js';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';

export const CurrencyCodeEnum = graphqlEnum(CURRENCY_CODES, {
  name: 'CurrencyCode',
  description: 'ISO 4217 code of a currency the program trades in.',
});
/** The domain's CurrencyCode; the const above is the same values as a GraphQL enum. */
export type CurrencyCodeEnum = CurrencyCode;

/** An amount of money: integer minor units (cents) and a currency. Never a float. */
@Embeddable()
@ObjectType('Money', { description: 'An amount of money in integer minor units (cents) of a currency.' })
export class MoneyValue implements Money {
  @Field(() => GraphQLSafeInt, { description: 'The amount in minor units (cents), an exact integer.' })
  @Property({ type: new BigIntType('number') })
  amountMinor: number;

  @Field(() => CurrencyCodeEnum)
  @Property({ type: 'string', length: 3 })
  currency: CurrencyCode;

  constructor(money: Money) {
    this.amountMinor = money.amountMinor;
    this.currency = money.currency;
  }
}

/** Money values also arrive as plain objects (from domain reports), so these are resolvers, not getters. */
@Resolver(() => MoneyValue)
export class MoneyResolver {
  @FieldResolver(() => String, { description: 'The amount as an exact decimal string, e.g. "50000.00".' })
  amount(@Root() money: Money): string {
    return toDecimalString(money);
  }

  @FieldResolver(() => String, { description: 'The amount for people, e.g. "50,000.00 USD".' })
  formatted(@Root() money: Money): string {
    return formatMoney(money);
  }
}
