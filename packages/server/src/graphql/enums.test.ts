import {
  APPLICATION_STATUSES,
  DECISIONS,
  IMAGE_VIEWS,
  MARKETPLACE_CODES,
  REFURBISHERS,
  SELLER_TYPES,
} from '@recertify/domain';
import type { GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors/public-error.js';
import { graphqlEnum } from './enums.js';
import { buildGraphQLSchema } from './schema.js';

describe('graphqlEnum', () => {
  it('maps each value of the tuple to itself, and nothing else', () => {
    const Colour = graphqlEnum(['RED', 'GREEN'] as const, { name: 'TestColour' });
    expect(Colour).toEqual({ RED: 'RED', GREEN: 'GREEN' });
    expect(Object.isFrozen(Colour)).toBe(true);
  });
});

describe("the schema's enums are the domain's lists", () => {
  it.each([
    ['ApplicationStatus', APPLICATION_STATUSES],
    ['SellerType', SELLER_TYPES],
    ['Refurbisher', REFURBISHERS],
    ['MarketplaceCode', MARKETPLACE_CODES],
    ['ImageView', IMAGE_VIEWS],
    ['Decision', DECISIONS],
    ['ErrorCode', ERROR_CODES],
  ] as const)('%s', async (name, values) => {
    // By name, not instanceof: Vitest may load graphql twice (ESM and CommonJS).
    const type = (await buildGraphQLSchema()).getType(name);
    expect(type?.constructor.name).toBe('GraphQLEnumType');
    const emitted = (type as GraphQLEnumType).getValues().map((value) => value.value as string);
    expect([...emitted].sort()).toEqual([...values].sort());
  });
});
