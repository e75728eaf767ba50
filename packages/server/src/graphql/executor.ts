import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  execute,
  getNamedType,
  GraphQLError,
  isInputObjectType,
  isScalarType,
  specifiedScalarTypes,
  typeFromAST,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<never>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** Operations remembered; a flood of distinct documents clears the cache instead of growing memory. */
const MAX_OPERATIONS = 500;

/**
 * Executes operations with graphql-jit instead of graphql-js's `execute`: each document (as Apollo
 * has already parsed and validated it) is compiled once into a function that resolves its fields
 * without graphql-js's per-field work (resolve info, argument objects, paths), which was most of a
 * list page's CPU (BENCHMARKS.md). Same schema, same resolvers, same results and errors; a document
 * the first time, one graphql-jit cannot compile, and variables that do not coerce run on graphql-js.
 *
 * graphql-jit reads a field that has no resolver as a plain property, synchronously: a field whose
 * value may be a promise needs a resolver (type-graphql gives one to every field not `simple`).
 *
 * Apollo Server has no executor option; its gateway interface is the hook it offers for one: the
 * "gateway" here only hands Apollo the schema and this executor. Apollo still parses, validates,
 * runs the plugins and formats errors.
 */
export function jitExecutor(schema: GraphQLSchema): Gateway {
  // By operation: its compiled form, null when graphql-jit cannot compile it, or how often it ran
  // uncompiled. A document is compiled when it comes a second time (compiling costs more than one
  // execution; the web app and integrations send the same few documents over and over).
  const operations = new Map<string, CompiledQuery | null | number>();

  function compiledFor(
    queryHash: string,
    operationName: string | null,
    document: DocumentNode,
    operation: OperationDefinitionNode,
  ) {
    const key = `${operationName ?? ''}:${queryHash}`;
    const known = operations.get(key);
    if (typeof known === 'object') return known;
    if (operations.size >= MAX_OPERATIONS) operations.clear();
    if (known === undefined) {
      operations.set(key, 1);
      return null;
    }
    const result = coercesVariablesAsSchema(schema, operation)
      ? compileQuery(schema, document, operationName ?? undefined, { customJSONSerializer: false })
      : null;
    const query = result && isCompiledQuery(result) ? result : null;
    operations.set(key, query);
    return query;
  }

  const executor: Executor = async (request) => {
    const { document, operation, operationName, queryHash, context } = request;
    const variables = request.request.variables ?? {};
    const query = compiledFor(queryHash, operationName, document, operation);
    const result: ExecutionResult | null = query ? await query.query(undefined, context, variables) : null;
    // Not compiled (yet), or refused before any resolver ran (variables that do not coerce): graphql-js
    // answers, with its own errors (Apollo recognizes a variable's error by its node, and answers 400).
    if (!result || result.data === undefined) {
      const answer = await execute({
        schema,
        document,
        contextValue: context,
        variableValues: variables,
        operationName,
      });
      return answer as Awaited<ReturnType<Executor>>;
    }
    if (result.errors)
      return { ...result, errors: result.errors.map(asGraphQLJsError) } as Awaited<ReturnType<Executor>>;
    return result as Awaited<ReturnType<Executor>>;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    load: () => Promise.resolve({ schema, executor }),
    stop: () => Promise.resolve(),
  };
}

/**
 * An error of graphql-jit as graphql-js makes it: graphql-jit leaves `extensions` undefined when the
 * thrown error has none, where graphql-js (and Apollo, which reads `extensions.code`) has `{}`.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const standard = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  // Where in the document, as graphql-jit found it (graphql-js would derive it from the field's node).
  return Object.assign(standard, { locations: error.locations });
}

const BUILT_IN_SCALAR_NAMES = new Set(specifiedScalarTypes.map((type) => type.name));

/**
 * Whether graphql-jit would coerce this operation's variables as the schema does. It coerces a
 * variable of a built-in scalar's name (ID, String, Int, Float, Boolean) by the built-in's rules,
 * without calling the schema's `parseValue`; our `ID` replaces the built-in (graphql/id.ts: UUIDs,
 * lower-cased, a malformed one refused by name), so an operation with an ID among its variables,
 * at any depth of an input, runs on graphql-js.
 */
function coercesVariablesAsSchema(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  const seen = new Set<GraphQLNamedType>();
  const asSchema = (type: GraphQLNamedType): boolean => {
    if (seen.has(type)) return true;
    seen.add(type);
    if (isScalarType(type)) return !BUILT_IN_SCALAR_NAMES.has(type.name) || specifiedScalarTypes.includes(type);
    if (isInputObjectType(type))
      return Object.values(type.getFields()).every((field) => asSchema(getNamedType(field.type)));
    return true;
  };
  return (operation.variableDefinitions ?? []).every((definition) => {
    const type = typeFromAST(schema, definition.type);
    return !type || asSchema(getNamedType(type));
  });
}
