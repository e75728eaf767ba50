import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  GraphQLList,
  getNullableType,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { LimitsConfig } from '../config.js';

/** The query limits, as `extensions.limit` names them. */
export type QueryLimit = 'depth' | 'aliases' | 'directives' | 'cost' | 'tokens';

/** Page size a connection is assumed to return when the operation does not say (`first`). */
export const ASSUMED_PAGE_SIZE = 50;
/**
 * The largest page a connection returns: a `first` above it is refused by the field itself
 * (BAD_USER_INPUT naming `first`), so it costs no more than this here.
 */
export const LARGEST_PAGE_SIZE = 100;
/** Items a list field without paging (e.g. `marketplaces`, `invoices`) is assumed to hold. */
export const ASSUMED_LIST_SIZE = 10;

const LIMIT_WORDS: Readonly<Record<QueryLimit, string>> = {
  depth: 'nesting depth',
  aliases: 'number of aliases',
  directives: 'number of directives',
  cost: 'estimated cost',
  tokens: 'number of tokens',
};

/**
 * An operation over a query limit, answered as QUERY_TOO_COMPLEX (HTTP 400) with `limit` naming it
 * and `max` its value, before anything runs.
 */
export function queryTooComplex(limit: QueryLimit, max: number, found?: number): GraphQLError {
  const over = found === undefined ? 'is over' : `is ${found}, over`;
  return new GraphQLError(
    `The operation is too complex: its ${LIMIT_WORDS[limit]} ${over} the limit of ${max}. Ask for less in one request.`,
    { extensions: { code: 'QUERY_TOO_COMPLEX', limit, max, http: { status: 400 } } },
  );
}

/** Marks a validation error that is a query limit, so the error formatter answers QUERY_TOO_COMPLEX. */
class QueryLimitValidationError extends GraphQLError {}

function foundIn(message: string): number | undefined {
  const match = /found (\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** Reports the library's refusal as ours (it would throw, which Apollo answers as a 500). */
function reportAs(limit: QueryLimit, max: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const ours = queryTooComplex(limit, max, foundIn(error.message));
    context?.reportError(new QueryLimitValidationError(ours.message, { extensions: ours.extensions }));
  };
}

/**
 * Validation rules for depth, aliases and directives (GraphQL Armor). Apollo caches a validated
 * document, so each distinct operation is checked once.
 */
export function queryLimitRules(query: LimitsConfig['query']): ValidationRule[] {
  const common = { exposeLimits: true, propagateOnRejection: false } as const;
  return [
    // Fragments add no level: the web app's operations are built from them.
    maxDepthRule({
      ...common,
      flattenFragments: true,
      n: query.maxDepth,
      onReject: [reportAs('depth', query.maxDepth)],
    }),
    maxAliasesRule({ ...common, n: query.maxAliases, onReject: [reportAs('aliases', query.maxAliases)] }),
    maxDirectivesRule({ ...common, n: query.maxDirectives, onReject: [reportAs('directives', query.maxDirectives)] }),
  ];
}

/**
 * Each field costs 1; a list field costs its items' selection times how many it returns: `first`
 * (or ASSUMED_PAGE_SIZE) for a paged field, the items counted already for a connection's `edges`,
 * ASSUMED_LIST_SIZE for any other list of objects. Introspection is free (its own switch guards it).
 */
const listSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0;
  const paged = field.args.find((arg) => arg.name === 'first');
  if (paged) {
    const first: unknown = args['first'];
    const asked =
      typeof first === 'number' && first > 0 ? first : ((paged.defaultValue as number) ?? ASSUMED_PAGE_SIZE);
    const size = Math.min(asked, LARGEST_PAGE_SIZE);
    return 1 + size * childComplexity;
  }
  const isList = getNullableType(field.type) instanceof GraphQLList;
  if (!isList || childComplexity === 0) return 1 + childComplexity;
  if (type.name.endsWith('Connection')) return 1 + childComplexity;
  return 1 + ASSUMED_LIST_SIZE * childComplexity;
};

/** The estimated cost of one operation with its variables (`@Field({ complexity })` overrides a field's). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    ...(operationName ? { operationName } : {}),
    estimators: [fieldExtensionsEstimator(), listSizeEstimator],
  });
}

/** Costs remembered per parsed document (distinct variables and operation names), oldest forgotten first. */
const COSTS_PER_DOCUMENT = 32;

/**
 * Refuses an operation whose estimated cost is over the limit, once its variables are known
 * (graphql-query-complexity; GraphQL Armor's cost limit does not see type-graphql's complexities).
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  // Apollo hands the same parsed document to every request with the same query text: its costs,
  // by operation and variables, are remembered with it (a few per document) instead of walked again.
  const known = new WeakMap<DocumentNode, Map<string, number>>();
  const costOf = (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, name?: string) => {
    const key = JSON.stringify([name ?? null, variables]);
    let costs = known.get(document);
    const remembered = costs?.get(key);
    if (remembered !== undefined) return remembered;
    const cost = operationCost(schema, document, variables, name);
    if (!costs) known.set(document, (costs = new Map<string, number>()));
    if (costs.size >= COSTS_PER_DOCUMENT) costs.delete(costs.keys().next().value!);
    costs.set(key, cost);
    return cost;
  };
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ schema, document, request, operationName }) => {
          let cost: number;
          try {
            cost = costOf(schema, document, request.variables ?? {}, operationName ?? undefined);
          } catch (error) {
            // More nodes than the library walks (10,000): over any sensible cost.
            if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
              throw queryTooComplex('cost', maxCost);
            }
            // Variables that do not fit the operation: execution refuses it before any resolver runs.
            if (error instanceof GraphQLError) return Promise.resolve();
            throw error;
          }
          if (cost > maxCost) throw queryTooComplex('cost', maxCost, cost);
          return Promise.resolve();
        },
      }),
  };
}

/**
 * The QUERY_TOO_COMPLEX refusal behind an error Apollo reports as a validation or parse failure
 * (a limit of the validation rules above, or the parser's token limit); null for any other error.
 */
export function queryLimitRefusalOf(
  error: unknown,
): { message: string; extensions: { code: 'QUERY_TOO_COMPLEX'; limit: QueryLimit; max: number } } | null {
  if (!(error instanceof GraphQLError)) return null;
  const original = error.originalError;
  if (original instanceof QueryLimitValidationError) {
    const { limit, max } = original.extensions as { limit: QueryLimit; max: number };
    return { message: original.message, extensions: { code: 'QUERY_TOO_COMPLEX', limit, max } };
  }
  // graphql-js's parser: "Syntax Error: Document contains more that 5000 tokens. Parsing aborted." (sic)
  const tokens = /Document contains more tha[nt] (\d+) tokens/.exec(error.message);
  if (tokens) {
    const max = Number(tokens[1]);
    return {
      message: queryTooComplex('tokens', max).message,
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max },
    };
  }
  return null;
}
