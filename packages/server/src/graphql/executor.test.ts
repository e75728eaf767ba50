import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { variablesCheck } from './executor.js';
import { buildGraphQLSchema } from './schema.js';

const ID = '0b9f3c52-1d7e-4c0a-9a51-2f0e6f1f4c3d';
const operation = (source: string) => parse(source).definitions[0] as OperationDefinitionNode;

/**
 * Which requests run compiled (graphql-jit): it coerces a variable named ID by the built-in's rules,
 * where the schema's ID parses UUIDs (lower-cased, a malformed one kept for the argument check).
 */
describe('variablesCheck: graphql-jit only where it reads the variables as the schema does', () => {
  it('an operation without ids always runs compiled', async () => {
    const schema = await buildGraphQLSchema();
    const check = variablesCheck(schema, operation('query($first: Int) { reviewQueue(first: $first) { totalCount } }'));
    expect(check?.({ first: 'fifty' })).toBe(true);
  });

  it('an ID variable: a lower-case UUID or none runs compiled; any id the schema reads otherwise does not', async () => {
    const schema = await buildGraphQLSchema();
    const check = variablesCheck(
      schema,
      operation(
        'query($sellerId: ID, $marketplace: MarketplaceCode!) { qualityDashboard(sellerId: $sellerId, marketplace: $marketplace) { asOf } }',
      ),
    )!;
    expect(check({ sellerId: ID, marketplace: 'US' })).toBe(true);
    expect(check({ sellerId: null, marketplace: 'US' })).toBe(true);
    expect(check({ marketplace: 'US' })).toBe(true);
    for (const sellerId of [ID.toUpperCase(), 'not-an-id', '', 42, true, { id: ID }, [ID]]) {
      expect(check({ sellerId, marketplace: 'US' }), JSON.stringify(sellerId)).toBe(false);
    }
  });

  it('ids in lists and input objects are checked at any depth', async () => {
    const schema = await buildGraphQLSchema();
    const list = variablesCheck(
      schema,
      operation('mutation($ids: [ID!]!) { bulkAuthorizeReturns(ids: $ids) { __typename } }'),
    )!;
    expect(list({ ids: [ID, ID] })).toBe(true);
    expect(list({ ids: [ID, 'nope'] })).toBe(false);
    expect(list({ ids: ID.toUpperCase() })).toBe(false);
    const input = variablesCheck(
      schema,
      operation('mutation($input: EvaluateSellerQualityInput!) { evaluateSellerQuality(input: $input) { standing } }'),
    )!;
    expect(input({ input: { sellerId: ID, marketplace: 'US' } })).toBe(true);
    expect(input({ input: { marketplace: 'US' } })).toBe(true);
    expect(input({ input: { sellerId: 'nope', marketplace: 'US' } })).toBe(false);
  });

  it('an ID variable with a default never runs compiled (the default is read by the schema at compile time)', async () => {
    const schema = await buildGraphQLSchema();
    const check = variablesCheck(
      schema,
      operation(`query($sellerId: ID = "${ID}") { qualityDashboard(sellerId: $sellerId, marketplace: US) { asOf } }`),
    );
    expect(check).toBeNull();
  });
});
