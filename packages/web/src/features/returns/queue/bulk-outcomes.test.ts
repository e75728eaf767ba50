import { describe, expect, it } from 'vitest';
import { bulkSummary, outcomeText, outcomesById } from './bulk-outcomes';
import type { BulkOutcome } from './queue-types';

const ok = (returnId: string, rma: string | null = 'RMA-1'): BulkOutcome => ({
  returnId,
  ok: true,
  state: 'AUTHORIZED',
  rma,
});
const refused = (returnId: string): BulkOutcome => ({
  returnId,
  ok: false,
  code: 'INVALID_TRANSITION',
  message: 'This return is CLOSED; it can no longer be authorized.',
});

describe('bulkSummary', () => {
  it.each<[string, BulkOutcome[], string]>([
    ['all authorized', [ok('a'), ok('b')], '2 returns authorized.'],
    ['one authorized', [ok('a')], '1 return authorized.'],
    [
      'one refused of three',
      [ok('a'), ok('b'), refused('c')],
      '2 returns authorized; 1 could not be: its row says why.',
    ],
    [
      'two refused of three',
      [ok('a'), refused('b'), refused('c')],
      '1 return authorized; 2 could not be: each row says why.',
    ],
    ['all refused', [refused('b'), refused('c')], '2 returns could not be authorized: each row says why.'],
    ['the one refused', [refused('b')], '1 return could not be authorized: its row says why.'],
  ])('%s', (_case, outcomes, expected) => {
    expect(bulkSummary('AUTHORIZE', outcomes)).toBe(expected);
  });

  it('speaks of closing for a bulk close', () => {
    expect(bulkSummary('CLOSE', [ok('a', null), refused('b')])).toBe(
      '1 return closed; 1 could not be: its row says why.',
    );
  });
});

describe('outcomeText', () => {
  it('shows the RMA of an authorized return, and the refusal of a refused one', () => {
    expect(outcomeText('AUTHORIZE', ok('a', '7KQ2M-9XD4P'))).toBe('Authorized · RMA 7KQ2M-9XD4P');
    expect(outcomeText('CLOSE', ok('a'))).toBe('Closed');
    expect(outcomeText('AUTHORIZE', refused('b'))).toBe('This return is CLOSED; it can no longer be authorized.');
  });

  it('finds each row its outcome', () => {
    expect(outcomesById([ok('a'), refused('b')]).get('b')?.ok).toBe(false);
  });
});
