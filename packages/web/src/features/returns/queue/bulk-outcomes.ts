import type { BulkAction, BulkOutcome } from './queue-types';

const DONE: Readonly<Record<BulkAction, { one: string; verb: string }>> = {
  AUTHORIZE: { one: 'authorized', verb: 'authorize' },
  CLOSE: { one: 'closed', verb: 'close' },
};

/** The outcomes by return, for the rows to show their own. */
export function outcomesById(outcomes: readonly BulkOutcome[]): ReadonlyMap<string, BulkOutcome> {
  return new Map(outcomes.map((outcome) => [outcome.returnId, outcome]));
}

/** "3 returns authorized; 1 could not be: its row says why." */
export function bulkSummary(action: BulkAction, outcomes: readonly BulkOutcome[]): string {
  const done = outcomes.filter((outcome) => outcome.ok).length;
  const refused = outcomes.length - done;
  const { one } = DONE[action];
  const returns = (n: number) => `${n} ${n === 1 ? 'return' : 'returns'}`;
  const parts: string[] = [];
  if (done > 0 || refused === 0) parts.push(`${returns(done)} ${one}`);
  if (refused > 0) {
    parts.push(
      refused === 1
        ? `${done > 0 ? '1 could not be' : `1 return could not be ${one}`}: its row says why`
        : `${done > 0 ? `${refused} could not be` : `${returns(refused)} could not be ${one}`}: each row says why`,
    );
  }
  return `${parts.join('; ')}.`;
}

/** What a row shows in its result cell. */
export function outcomeText(action: BulkAction, outcome: BulkOutcome): string {
  if (!outcome.ok) return outcome.message;
  const done = DONE[action].one.charAt(0).toUpperCase() + DONE[action].one.slice(1);
  return outcome.rma && action === 'AUTHORIZE' ? `${done} · RMA ${outcome.rma}` : done;
}
