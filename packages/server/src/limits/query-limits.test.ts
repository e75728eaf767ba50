import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import {
  Kind,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  typeFromAST,
  validate,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type NonNullTypeNode,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { buildGraphQLSchema } from '../graphql/schema.js';
import {
  ASSUMED_LIST_SIZE,
  ASSUMED_PAGE_SIZE,
  LARGEST_PAGE_SIZE,
  operationCost,
  queryLimitRules,
} from './query-limits.js';

const defaults = loadConfig({}).limits.query;
const webSource = fileURLToPath(new URL('../../../web/src', import.meta.url));

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGraphQLSchema();
});

/** Every operation the web app sends, each with the fragments of the whole app (codegen's view). */
function webOperations(): Array<{ name: string; source: string; document: DocumentNode }> {
  const files = readdirSync(webSource, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => readFileSync(path.join(webSource, file), 'utf8'));
  const definitions: DefinitionNode[] = files.flatMap((text) => parse(text).definitions);
  const fragments = definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  return definitions.flatMap((d) => {
    if (d.kind !== Kind.OPERATION_DEFINITION) return [];
    const used = fragments.filter((f) => files.some((text) => text.includes(`...${f.name.value}`)));
    // Costs do not depend on input values: required variables become optional so none need inventing.
    const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [d, ...used] };
    return [{ name: d.name?.value ?? '(anonymous)', source: files.find((t) => t.includes(d.name!.value))!, document }];
  });
}

/** Values for an operation's required variables (costs do not depend on them, but computing one needs them). */
function sampleVariables(document: DocumentNode): Record<string, unknown> {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
  return Object.fromEntries(
    (operation.variableDefinitions ?? [])
      .filter((v) => v.type.kind === Kind.NON_NULL_TYPE)
      .map((v) => [v.variable.name.value, sampleOf(typeFromAST(schema, v.type as NonNullTypeNode)!)]),
  );
}

const SCALAR_SAMPLES = ['x', 1, '2026-01-01', '2026-01-01T00:00:00.000Z', '1.00', 4.5, 0.01, true];

function sampleOf(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleOf(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, sampleOf(f.type)]),
    );
  }
  return SCALAR_SAMPLES.find((value) => {
    try {
      return type.parseValue(value) !== undefined;
    } catch {
      return false;
    }
  });
}

const cost = (query: string, variables: Record<string, unknown> = {}) => operationCost(schema, parse(query), variables);
const limitErrors = (query: string, limits = defaults) =>
  validate(schema, parse(query), queryLimitRules(limits)).map((e) => e.extensions);

describe('query limits', () => {
  it('let every operation of the web app through at their defaults', () => {
    const operations = webOperations();
    expect(operations.length).toBeGreaterThan(20);
    for (const { name, source, document } of operations) {
      expect(validate(schema, document, queryLimitRules(defaults)), name).toEqual([]);
      const variables = { ...sampleVariables(document), first: 100 };
      expect(operationCost(schema, document, variables), name).toBeLessThanOrEqual(defaults.maxCost);
      expect(() => parse(source, { maxTokens: defaults.maxTokens }), name).not.toThrow();
    }
  });

  it('refuse one past each limit, naming it and its value', () => {
    const limits = { ...defaults, maxDepth: 3, maxAliases: 2, maxDirectives: 2 };
    // viewer > user > organization > id: four levels.
    const deep = '{ viewer { user { organization { id } } } }';
    expect(limitErrors(deep, { ...limits, maxDepth: 4 })).toEqual([]);
    expect(limitErrors(deep, limits)).toEqual([
      expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 3 }),
    ]);
    expect(limitErrors('{ a: appInfo { embedded } b: appInfo { embedded } }', limits)).toEqual([]);
    expect(limitErrors('{ a: appInfo { embedded } b: appInfo { embedded } c: appInfo { embedded } }', limits)).toEqual([
      expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: 2 }),
    ]);
    const skip = '@skip(if: false)';
    expect(limitErrors(`{ appInfo { embedded ${skip} } viewer ${skip} { __typename } }`, limits)).toEqual([]);
    expect(limitErrors(`{ appInfo ${skip} { embedded ${skip} } viewer ${skip} { __typename } }`, limits)).toEqual([
      expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'directives', max: 2 }),
    ]);
  });

  it('cost lists by their size: `first` for pages, an assumed size for other lists', () => {
    // One field of one object: 1 + 1.
    expect(cost('{ appInfo { embedded } }')).toBe(2);
    // A list without paging: its selection times the assumed size.
    expect(cost('{ marketplaces { code } }')).toBe(1 + ASSUMED_LIST_SIZE * 1);
    expect(cost('{ marketplaces { code policyVersions { id } } }')).toBe(
      1 + ASSUMED_LIST_SIZE * (1 + 1 + ASSUMED_LIST_SIZE * 1),
    );
    // A page: its selection times `first` (edges are the page, not another list).
    const page = (first: string) => `{ reviewQueue${first} { edges { node { id } } } }`;
    expect(cost(page('(first: 10)'))).toBe(1 + 10 * (1 + (1 + 1)));
    expect(cost(page(''))).toBe(1 + ASSUMED_PAGE_SIZE * (1 + (1 + 1)));
    expect(cost('query($n: Int) { reviewQueue(first: $n) { edges { node { id } } } }', { n: 100 })).toBe(1 + 100 * 3);
    // A page larger than any connection returns is refused by the field, naming `first`: it costs a largest page here.
    expect(cost(page('(first: 2147483647)'))).toBe(1 + LARGEST_PAGE_SIZE * 3);
    // Aliases add up: the thousand-alias attack costs a thousand times one.
    const one = cost('{ marketplaces { policyVersions { id } } }');
    const many = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: marketplaces { policyVersions { id } }`).join(' ')} }`;
    expect(cost(many)).toBe(1000 * one);
    expect(cost(many)).toBeGreaterThan(defaults.maxCost);
    // Introspection is not counted (it has its own switch).
    expect(cost('{ __schema { types { name fields { name } } } }')).toBe(0);
  });
});
