import { formatBps, formatHundredths } from '@recertify/domain';
import { Field, Int, ObjectType } from 'type-graphql';

// Plain values (a getter for the text): graphql-js's default resolver, no type-graphql wrapper per field.
@ObjectType({ description: 'An exact percentage, held as integer basis points (1 bp = 0.01%).', simpleResolvers: true })
export class Percentage {
  @Field(() => Int, { description: 'Basis points: 80 means 0.80%.' })
  basisPoints: number;

  constructor(basisPoints: number) {
    this.basisPoints = basisPoints;
  }

  @Field({ description: 'For people, e.g. "0.80%".' })
  get formatted(): string {
    return formatBps(this.basisPoints);
  }
}

@ObjectType({ description: 'A star rating held exactly in hundredths of a star.', simpleResolvers: true })
export class StarRating {
  @Field(() => Int, { description: 'Hundredths of a star: 370 means 3.70 stars.' })
  hundredths: number;

  constructor(hundredths: number) {
    this.hundredths = hundredths;
  }

  @Field({ description: 'For people, e.g. "3.70".' })
  get formatted(): string {
    return formatHundredths(this.hundredths);
  }
}
