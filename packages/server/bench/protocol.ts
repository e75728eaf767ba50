import type { DatabaseConfig } from '../src/config.js';

/** What the benchmark (parent) and the baseline's child process say to each other over IPC. */
export type ToServer = { type: 'stop' };
export type FromServer = { type: 'ready'; port: number } | { type: 'failed'; message: string };

/** The environment variable the baseline child reads its database from (JSON of a DatabaseConfig). */
export const DATABASE_ENV = 'BENCH_DATABASE';

/** Which baseline the child serves: the review queue's (baseline-server.ts) or the dashboard's. */
export const BASELINE_ENV = 'BENCH_BASELINE';
export type BaselineName = 'queue' | 'dashboard';

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
export type ScenarioName = keyof typeof SCENARIOS;

const SELECTION =
  'totalCount pageInfo { endCursor hasNextPage } edges { cursor node { id marketplace status submittedAt dueDate failingChecks checksNeedingReview appleRequested seller { name } } }';

export function graphqlBody(scenario: ScenarioName): string {
  const args = scenario === 'first' ? 'first: 50' : 'first: 50, filter: { marketplace: US, appleRequested: true }';
  return JSON.stringify({ query: `{ reviewQueue(${args}) { ${SELECTION} } }` });
}
