import { TEXT_LIMITS } from '@recertify/domain';
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiScope } from '../src/features/api-keys/api-key.enums.js';
import { ApiKey } from '../src/features/api-keys/api-key.entity.js';
import { Application } from '../src/features/applications/application.entity.js';
import { Organization } from '../src/features/accounts/organization.entity.js';
import { User } from '../src/features/accounts/user.entity.js';
import { Upload } from '../src/features/uploads/upload.entity.js';
import { Complaint } from '../src/features/quality/complaint.entity.js';
import { RateLimitEntry } from '../src/limits/rate-limit.entity.js';
import { buildGraphQLSchema } from '../src/graphql/schema.js';
import { DEMO_MARKETPLACE_SYSTEMS } from '../src/seeders/demo-accounts.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { submittedApplication } from './support/applications.js';
import { ADMIN_EMAIL, REVIEWER_EMAIL, SELLER_EMAIL, createKey, signedIn } from './support/principals.js';
import { startTestApp, TestClock, type GraphQLResponse, type TestApp } from './support/test-app.js';

/**
 * Property-based fuzzing of the whole API (issue 8): generated arguments, well-formed and hostile,
 * sent to EVERY query and mutation of the schema (the list comes from the schema itself, so a new
 * operation is fuzzed without touching this file) as every kind of caller. Whatever comes in:
 * - never INTERNAL_SERVER_ERROR (or an HTTP 5xx, or an error without a code);
 * - a refused mutation stores nothing: the row count of every table is unchanged;
 * - a string longer than any input may be is never accepted.
 * A fixed seed and a fixed number of runs per operation keep it reproducible and its run time
 * modest; FUZZ_RUNS and FUZZ_SEED change them (e.g. FUZZ_RUNS=500 for a long hunt).
 */

const RUNS_PER_OPERATION = Number(process.env['FUZZ_RUNS'] ?? 30);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261130);
const CALLERS = ['anonymous', 'seller', 'reviewer', 'admin', 'apiKey', 'ingestKey'] as const;
type Caller = (typeof CALLERS)[number];
/** No input may be longer than this, so no such string is ever accepted. */
const LONGEST_INPUT = Math.max(...Object.values(TEXT_LIMITS));

interface Pools {
  ids: string[];
  cursors: string[];
}

// ---------- arbitraries, from the schema's input types ----------

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  'Acme \u202Edtl',
  '\u2066isolate\u2069',
  "' or '1'='1",
  '"; drop table "user"; --',
  '%',
  '\\',
  '\ud800',
  '😀'.repeat(50),
  '2026-10-01',
  '2026-02-30',
  '0000-00-00',
  '12.34',
  '-1',
  '1e309',
  '0.001',
  '99999999999999999999999999.99',
  'NaN',
  'name@example.com',
  'QUALIFYING_PURCHASES',
];

function stringArb(pools: Pools, name: string, large: boolean): fc.Arbitrary<string> {
  const arbs: Array<fc.WeightedArbitrary<string>> = [
    { weight: 6, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...(large ? [201, 255, 4_001, LONGEST_INPUT + 1, 100_000] : [201, 255]))
        .map((n) => 'x'.repeat(n)),
    },
    { weight: 2, arbitrary: fc.emailAddress() },
    { weight: 2, arbitrary: fc.integer({ min: -100_000, max: 10_000_000 }).map((n) => (n / 100).toFixed(2)) },
  ];
  if (name === 'after' && pools.cursors.length > 0) {
    arbs.push({ weight: 8, arbitrary: fc.constantFrom(...pools.cursors) });
    arbs.push({
      weight: 8,
      arbitrary: fc
        .tuple(fc.constantFrom(...pools.cursors), fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null))))
        .map(([cursor, parts]) => {
          const [scope] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
          return Buffer.from(JSON.stringify([scope, ...parts])).toString('base64url');
        }),
    });
  }
  return fc.oneof(...arbs);
}

function idArb(pools: Pools): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...pools.ids) },
    { weight: 2, arbitrary: fc.constantFrom(...pools.ids).map((id) => id.toUpperCase()) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: fc.constantFrom('abc', '', '00000000-0000-0000-0000-000000000000', "1' or '1'='1") },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  );
}

function scalarArb(typeName: string, argName: string, pools: Pools, large: boolean): fc.Arbitrary<unknown> {
  switch (typeName) {
    case 'ID':
      return idArb(pools);
    case 'String':
      return stringArb(pools, argName, large);
    case 'Int':
      return fc.oneof(
        fc.integer({ min: -3, max: 12 }),
        fc.constantFrom(-2147483648, 2147483647, 100, 101, 3650, 3651),
        fc.integer({ min: -2147483648, max: 2147483647 }),
      );
    case 'Float':
      return fc.double({ noNaN: true });
    case 'Boolean':
      return fc.boolean();
    case 'DateTimeISO':
      return fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.constantFrom('not a date', '2026-02-30T00:00:00Z', '0000-01-01T00:00:00.000Z', '+275760-09-13T00:00:00Z'),
      );
    default:
      return fc.oneof(fc.string(), fc.integer());
  }
}

/**
 * Values for an input type: nullable positions sometimes get null, lists sometimes far too many
 * items. `large`: long strings and oversized lists may still come; not inside an oversized list
 * (250 copies of 250 copies of 100 kB would not fit in the test's memory, let alone a request).
 */
function inputArb(
  type: GraphQLInputType,
  argName: string,
  pools: Pools,
  depth = 0,
  large = true,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return innerArb(type.ofType, argName, pools, depth, large);
  return fc.oneof(
    { weight: 5, arbitrary: innerArb(type, argName, pools, depth, large) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

function innerArb(
  type: GraphQLInputType,
  argName: string,
  pools: Pools,
  depth: number,
  large: boolean,
): fc.Arbitrary<unknown> {
  if (isListType(type)) {
    const items = fc.array(inputArb(type.ofType, argName, pools, depth + 1, large), { maxLength: depth > 2 ? 1 : 4 });
    if (!large) return items;
    // Past every list's limit, cheaply: one small item many times.
    const many = inputArb(type.ofType, argName, pools, depth + 1, false).map((value) =>
      Array.from({ length: 250 }, () => value),
    );
    return fc.oneof({ weight: 8, arbitrary: items }, { weight: 1, arbitrary: many });
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    return fc.record(
      Object.fromEntries(fields.map((f) => [f.name, inputArb(f.type, f.name, pools, depth + 1, large)])),
      {
        requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
      },
    );
  }
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
  return scalarArb(type.name, argName, pools, large);
}

function argumentsArb(args: readonly GraphQLArgument[], pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(args.map((a) => [a.name, inputArb(a.type, a.name, pools)])), {
    requiredKeys: args.filter((a) => isNonNullType(a.type)).map((a) => a.name),
  });
}

// ---------- operations, from the schema ----------

interface Operation {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  document: string;
}

/** The field's leaves without required arguments: enough to run its resolvers, not its whole graph. */
function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return '';
  const leaves = isObjectType(type)
    ? Object.values(type.getFields())
        .filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type)))
        .map((f) => f.name)
    : [];
  return ` { __typename ${leaves.join(' ')} }`;
}

function operationsOf(schema: GraphQLSchema): Operation[] {
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  return roots.flatMap(([kind, root]) =>
    Object.values(root?.getFields() ?? {}).map((field) => {
      const variables = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const document =
        `${kind} Fuzz${variables ? `(${variables})` : ''} ` +
        `{ ${field.name}${args ? `(${args})` : ''}${selectionOf(field)} }`;
      return { kind, field, document };
    }),
  );
}

// ---------- helpers ----------

function longestString(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((max: number, v) => Math.max(max, longestString(v)), 0);
  if (value && typeof value === 'object') return longestString(Object.values(value));
  return 0;
}

/** For a failure message: the variables with long strings cut. */
function shown(variables: Record<string, unknown>): string {
  return JSON.stringify(variables, (_, v: unknown) =>
    typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}… (${v.length} characters)` : v,
  ).slice(0, 2000);
}

// ---------- the test ----------

describe('fuzzing every operation as every caller', () => {
  let app: TestApp;
  let tables: string[];
  const pools: Pools = { ids: [], cursors: [] };
  const credentials = {} as Record<Caller, Record<string, string>>;
  const ran = { cases: 0, operations: new Set<string>(), outcomes: new Map<string, number>() };

  async function renew(caller: Caller): Promise<void> {
    const emails: Partial<Record<Caller, string>> = {
      seller: SELLER_EMAIL,
      reviewer: REVIEWER_EMAIL,
      admin: ADMIN_EMAIL,
    };
    if (caller === 'anonymous') credentials[caller] = {};
    else if (caller === 'apiKey') {
      const seller = await signedIn(app, SELLER_EMAIL);
      const key = await createKey(
        seller,
        Object.values(ApiScope).filter(
          (s) => s !== ApiScope.PROVIDER_RETURNS && s !== ApiScope.INGEST_MARKETPLACE_DATA,
        ),
      );
      credentials[caller] = { authorization: `Bearer ${key.secret}` };
    } else if (caller === 'ingestKey') {
      // The marketplace's own systems: the only caller the quality ingestion lets through.
      const admin = await signedIn(app, ADMIN_EMAIL);
      const systems = await app.orm.em.fork().findOneOrFail(Organization, { name: DEMO_MARKETPLACE_SYSTEMS.name });
      const key = await createKey(admin, [ApiScope.INGEST_MARKETPLACE_DATA], systems.id);
      credentials[caller] = { authorization: `Bearer ${key.secret}` };
    } else {
      const client = await signedIn(app, emails[caller]!);
      credentials[caller] = { cookie: `rc_session=${client.sessionToken}` };
    }
  }

  /** Rows in every table of the model's data, in one statement. */
  async function rowCounts(): Promise<Record<string, unknown>> {
    const [row] = await app.orm.em
      .fork()
      .getConnection()
      .execute<Array<Record<string, unknown>>>(
        `select ${tables.map((t) => `(select count(*) from "${t}") as "${t}"`).join(', ')}`,
      );
    return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
  }

  beforeAll(async () => {
    app = await startTestApp({
      seeders: [DemoDataSeeder],
      now: new TestClock(new Date('2026-11-23T17:00:00.000Z')).now,
      // The query limits stay on (they are fuzzed too); the rate limits, set for people, would
      // refuse most cases before they reach the operation.
      environment: {
        RATE_LIMIT_ANONYMOUS: '1000000',
        RATE_LIMIT_SESSION: '1000000',
        RATE_LIMIT_API_KEY: '1000000',
        EMAIL_LIMIT_PER_ADDRESS: '1000000',
      },
    });
    tables = Object.values(app.orm.getMetadata().getAll())
      // The rate limiter counts every request, refused or not: bookkeeping, not stored data.
      .filter((meta) => !meta.embeddable && !meta.abstract && !meta.virtual && meta.class !== RateLimitEntry)
      .map((meta) => meta.tableName);
    for (const caller of CALLERS) await renew(caller);
    // Something in the queue, and real ids of every kind, so that arguments reach past "not found".
    const seller = await signedIn(app, SELLER_EMAIL);
    await submittedApplication(app, seller, SELLER_EMAIL, '2026-10-01', 'MX');
    const em = app.orm.em.fork();
    for (const entity of [Application, User, Organization, ApiKey, Upload, Complaint] as const) {
      const rows = await em.find(entity as typeof Application, {}, { limit: 8, fields: ['id'] });
      pools.ids.push(...rows.map((r) => r.id));
    }
    const page = await app.graphql<any>(
      '{ reviewQueue(first: 1) { pageInfo { endCursor } } }',
      {},
      credentials.reviewer,
    );
    if (page.data?.reviewQueue?.pageInfo?.endCursor) pools.cursors.push(page.data.reviewQueue.pageInfo.endCursor);
  });

  afterAll(async () => {
    const outcomes = [...ran.outcomes.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`);
    console.info(
      `fuzz (${app?.kind}): ${ran.operations.size} operations, ${ran.cases} cases, ${CALLERS.length} kinds of caller, ` +
        `seed ${SEED}; outcomes: ${outcomes.join(', ')}`,
    );
    await app?.stop();
  });

  it('fuzzes every query and mutation of the schema', async () => {
    const operations = operationsOf(await buildGraphQLSchema());
    expect(operations.length).toBeGreaterThan(20);
    for (const operation of operations) {
      const caseArb = fc.tuple(fc.constantFrom(...CALLERS), argumentsArb(operation.field.args, pools));
      // An operation without arguments needs only a few runs to meet every caller.
      const numRuns = operation.field.args.length === 0 ? CALLERS.length * 2 : RUNS_PER_OPERATION;
      await fc.assert(
        fc.asyncProperty(caseArb, async ([caller, variables]) => {
          const mutation = operation.kind === 'mutation';
          const before = mutation ? await rowCounts() : null;
          const res: GraphQLResponse = await app.graphql(operation.document, variables, credentials[caller]);
          const codes = (res.errors ?? []).map((e) => e.extensions?.['code']);
          const where = `${operation.field.name} as ${caller} with ${shown(variables)}: ${JSON.stringify(res.errors)}`;
          ran.cases++;
          ran.operations.add(operation.field.name);
          const outcome = res.errors ? String(codes[0]) : 'ok';
          ran.outcomes.set(outcome, (ran.outcomes.get(outcome) ?? 0) + 1);

          expect(res.status, where).toBeLessThan(500);
          expect(codes, where).not.toContain('INTERNAL_SERVER_ERROR');
          for (const code of codes) expect(typeof code, where).toBe('string');
          if (longestString(variables) > LONGEST_INPUT) expect(res.errors, where).toBeDefined();
          if (before && res.errors) expect(await rowCounts(), where).toEqual(before);

          if (caller !== 'anonymous' && codes.includes('UNAUTHENTICATED')) await renew(caller);
          if (operation.field.name.startsWith('signOut')) await renew(caller);
        }),
        { seed: SEED, numRuns: numRuns, endOnFailure: true },
      );
    }
    expect(ran.operations.size).toBe(operations.length);
  }, 600_000);
});
