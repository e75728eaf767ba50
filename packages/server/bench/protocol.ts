import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print, visit } from 'graphql';
import type { DatabaseConfig } from '../src/config.js';

/** What the benchmark (parent) and the baseline's child process say to each other over IPC. */
export type ToServer = { type: 'stop' };
export type FromServer = { type: 'ready'; port: number } | { type: 'failed'; message: string };

/** The environment variable the baseline child reads its database from (JSON of a DatabaseConfig). */
export const DATABASE_ENV = 'BENCH_DATABASE';

/** Which baseline the child serves: the review queue's (baseline-server.ts) or the dashboard's. */
export const BASELINE_ENV = 'BENCH_BASELINE';
export type BaselineName = 'queue' | 'dashboard' | 'returns';

export function databaseFromEnv(): DatabaseConfig {
  const raw = process.env[DATABASE_ENV];
  if (!raw) throw new Error(`${DATABASE_ENV} is not set`);
  return JSON.parse(raw) as DatabaseConfig;
}

/** The two measured requests: the queue's first page, and a page filtered to US + Apple. */
export const SCENARIOS = {
  first: { label: 'first page (50)', filter: null },
  filtered: { label: 'filtered: US + Apple (50)', filter: { marketplace: 'US', appleRequested: true } },
} as const;
/** The returns queue (issue 10, `--queue returns`): the web app's first page, as its queue page asks for it. */
export const RETURNS_SCENARIOS = {
  returns: { label: 'returns queue, first page (25)' },
} as const;
export type ScenarioName = keyof typeof SCENARIOS;
/** A request the baseline answers: a review-queue scenario, or the returns queue's first page. */
export type BaselineScenario = ScenarioName | keyof typeof RETURNS_SCENARIOS;

/** The web app's page size of the returns queue (packages/web …/returns-queue-page.tsx, RETURNS_PAGE_SIZE). */
export const RETURNS_PAGE_SIZE = 25;
const RETURNS_OPERATION = fileURLToPath(
  new URL('../../web/src/features/returns/queue/returns-queue.graphql', import.meta.url),
);
/** The web app's shared fragments (e.g. PageInfoFields), which its operations spread. */
const SHARED_FRAGMENTS = fileURLToPath(new URL('../../web/src/graphql/', import.meta.url));

/**
 * The web app's ReturnsQueue operation with the fragments it spreads, taken from its .graphql file
 * (so the bench sends what the browser sends), and the first page's variables.
 */
function returnsQueueBody(): string {
  const document = parse(readFileSync(RETURNS_OPERATION, 'utf8'));
  const shared = readdirSync(SHARED_FRAGMENTS)
    .filter((file) => file.endsWith('.graphql'))
    .flatMap((file) => parse(readFileSync(path.join(SHARED_FRAGMENTS, file), 'utf8')).definitions);
  const fragments = new Map(
    [...document.definitions, ...shared]
      .filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === 'ReturnsQueue',
  );
  if (!operation) throw new Error(`no ReturnsQueue operation in ${RETURNS_OPERATION}`);
  const used = new Set<string>();
  const walk = (node: unknown) =>
    visit(node as Parameters<typeof visit>[0], {
      FragmentSpread(spread) {
        if (used.has(spread.name.value)) return;
        used.add(spread.name.value);
        const fragment = fragments.get(spread.name.value);
        if (!fragment)
          throw new Error(`no fragment ${spread.name.value} in ${RETURNS_OPERATION} or ${SHARED_FRAGMENTS}`);
        walk(fragment);
      },
    });
  walk(operation);
  const query = [operation, ...[...used].map((name) => fragments.get(name)!)].map((d) => print(d)).join('\n\n');
  return JSON.stringify({ operationName: 'ReturnsQueue', query, variables: { first: RETURNS_PAGE_SIZE, after: null } });
}
let returnsBody: string | undefined;

// As the web's review queue asks (review-queue.graphql): the capped count, not totalCount.
const SELECTION =
  'count { value atLeast } pageInfo { endCursor hasNextPage } edges { cursor node { id marketplace status submittedAt dueDate failingChecks checksNeedingReview appleRequested seller { name } } }';

export function graphqlBody(scenario: BaselineScenario): string {
  if (scenario === 'returns') return (returnsBody ??= returnsQueueBody());
  const args = scenario === 'first' ? 'first: 50' : 'first: 50, filter: { marketplace: US, appleRequested: true }';
  return JSON.stringify({ query: `{ reviewQueue(${args}) { ${SELECTION} } }` });
}
