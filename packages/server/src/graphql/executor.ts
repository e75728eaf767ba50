import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  execute,
  getNamedType,
  GraphQLError,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  specifiedScalarTypes,
  typeFromAST,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLScalarType,
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
 * the first time, one graphql-jit cannot compile, variables that do not coerce, and ids graphql-jit
 * would read otherwise than the schema (see variablesCheck) run on graphql-js.
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
  const operations = new Map<string, Compiled | null | number>();

  function compiledFor(
    queryHash: string,
    operationName: string | null,
    document: DocumentNode,
    operation: OperationDefinitionNode,
  ): Compiled | null {
    const key = `${operationName ?? ''}:${queryHash}`;
    const known = operations.get(key);
    if (typeof known === 'object') return known;
    if (operations.size >= MAX_OPERATIONS) operations.clear();
    if (known === undefined) {
      operations.set(key, 1);
      return null;
    }
    const accepts = variablesCheck(schema, operation);
    const result = accepts
      ? compileQuery(schema, document, operationName ?? undefined, { customJSONSerializer: false })
      : null;
    const compiled = accepts && result && isCompiledQuery(result) ? { query: result, accepts } : null;
    operations.set(key, compiled);
    return compiled;
  }

  const executor: Executor = async (request) => {
    const { document, operation, operationName, queryHash, context } = request;
    const variables = request.request.variables ?? {};
    const compiled = compiledFor(queryHash, operationName, document, operation);
    const result: ExecutionResult | null =
      compiled && compiled.accepts(variables) ? await compiled.query.query(undefined, context, variables) : null;
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

/** A compiled operation, and whether graphql-jit reads a request's variables as the schema would. */
interface Compiled {
  readonly query: CompiledQuery;
  readonly accepts: VariablesCheck;
}

type VariablesCheck = (variables: Record<string, unknown>) => boolean;

const BUILT_IN_SCALAR_NAMES = new Set(specifiedScalarTypes.map((type) => type.name));
const ALWAYS: VariablesCheck = () => true;

/** A scalar of the schema that takes a built-in's name (our ID, graphql/id.ts) without being the built-in. */
function replacesBuiltIn(type: GraphQLNamedType): type is GraphQLScalarType {
  return isScalarType(type) && BUILT_IN_SCALAR_NAMES.has(type.name) && !specifiedScalarTypes.includes(type);
}

/**
 * Whether graphql-jit coerces this operation's variables as the schema does, per request; null when
 * it never can. graphql-jit coerces a variable of a built-in scalar's name (ID, String, Int, Float,
 * Boolean) by the built-in's rules, without calling the schema's `parseValue`. Our `ID` replaces the
 * built-in (graphql/id.ts: UUIDs, lower-cased, a malformed one kept for the argument check to refuse
 * by name): for a string the schema's `parseValue` returns unchanged (a lower-case UUID) both give
 * that same string, so a request whose ids, at any depth of its variables, are all such strings (or
 * null) runs compiled; any other id (upper case, malformed, a number) runs on graphql-js as before.
 * An ID variable with a default, or another replaced built-in, never runs compiled.
 */
export function variablesCheck(schema: GraphQLSchema, operation: OperationDefinitionNode): VariablesCheck | null {
  const seen = new Map<GraphQLNamedType, boolean | null>();
  /** Whether a replaced built-in can be reached from this type; null if one other than ID can. */
  const holdsId = (type: GraphQLNamedType): boolean | null => {
    const known = seen.get(type);
    if (known !== undefined) return known;
    seen.set(type, true); // a recursive input type reaching itself: checked, to be safe
    let found: boolean | null = false;
    if (replacesBuiltIn(type)) found = type.name === 'ID' ? true : null;
    else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        const inner = holdsId(getNamedType(field.type));
        if (inner === null) return null;
        found ||= inner;
      }
    }
    seen.set(type, found);
    return found;
  };
  const checked: Array<{ name: string; type: GraphQLInputType }> = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!type) continue;
    const holds = holdsId(getNamedType(type));
    if (holds === null || (holds && definition.defaultValue)) return null;
    if (holds) checked.push({ name: definition.variable.name.value, type });
  }
  if (checked.length === 0) return ALWAYS;
  return (variables) => checked.every(({ name, type }) => idsAsSchema(type, variables[name]));
}

/** Every ID in `value` (a variable of `type`) a string the schema's ID parses to itself. */
function idsAsSchema(type: GraphQLInputType, value: unknown): boolean {
  if (value == null) return true;
  if (isNonNullType(type)) return idsAsSchema(type.ofType, value);
  if (isListType(type)) {
    const item = type.ofType;
    return Array.isArray(value) ? value.every((v) => idsAsSchema(item, v)) : idsAsSchema(item, value);
  }
  if (isInputObjectType(type)) {
    // Not an object: both refuse it, graphql-jit before any resolver runs (then graphql-js answers).
    if (typeof value !== 'object') return true;
    return Object.values(type.getFields()).every((field) =>
      idsAsSchema(field.type, (value as Record<string, unknown>)[field.name]),
    );
  }
  if (!replacesBuiltIn(type)) return true;
  if (typeof value !== 'string') return false;
  try {
    return type.parseValue(value) === value;
  } catch {
    return false;
  }
}
