/**
 * A count the server stopped at its cap (the API's CappedCount): exactly `value` when `atLeast` is
 * false, at least `value` when true. Shown "10,000+" then, as GitLab and GitHub show theirs.
 */
export interface CappedCount {
  readonly value: number;
  readonly atLeast: boolean;
}

/** "1,234", or "10,000+" for a count that stopped at the cap. */
export function formatCappedCount(count: CappedCount): string {
  return `${count.value.toLocaleString('en-US')}${count.atLeast ? '+' : ''}`;
}

/** "1 return", "12 returns", "10,000+ returns": the noun agrees with the count. */
export function countedNoun(count: CappedCount, one: string, many: string): string {
  return `${formatCappedCount(count)} ${count.value === 1 && !count.atLeast ? one : many}`;
}
