import { describe, expect, it } from 'vitest';
import {
  cleanDecision,
  DECISION_MESSAGE_MAX_LENGTH,
  decisionProblems,
  REJECTION_REASON_MAX_LENGTH,
  type DecisionContext,
  type DecisionDraft,
  type DecisionProblem,
} from './decision.js';

const context: DecisionContext = {
  appleRequested: true,
  criteria: [
    { criterion: 'BUSINESS_DETAILS', status: 'PASS' },
    { criterion: 'QUALIFYING_PURCHASES', status: 'FAIL' },
    { criterion: 'IMAGES', status: 'PASS' },
    { criterion: 'ODR', status: 'NEEDS_REVIEW' },
  ],
};
const allPassing: DecisionContext = {
  appleRequested: false,
  criteria: context.criteria.map((c) => ({ ...c, status: 'PASS' as const })),
};

const both = [
  { criterion: 'QUALIFYING_PURCHASES', reason: 'Invoices total 48,210 USD.' },
  { criterion: 'ODR', reason: 'No order data.' },
];

describe('decisionProblems', () => {
  it.each<[string, DecisionDraft, DecisionContext, DecisionProblem[]]>([
    // APPROVE
    ['approval needs nothing more', { decision: 'APPROVE' }, context, []],
    ['approval with Apple when asked', { decision: 'APPROVE', appleApproved: true }, context, []],
    ['approval without Apple when asked', { decision: 'APPROVE', appleApproved: false }, context, []],
    ['approval saying no to Apple when not asked', { decision: 'APPROVE', appleApproved: false }, allPassing, []],
    [
      'approval granting Apple the seller did not ask for',
      { decision: 'APPROVE', appleApproved: true },
      allPassing,
      [{ field: 'appleApproved', message: 'the seller did not ask for Apple-brand approval' }],
    ],
    ['approval ignores reasons', { decision: 'APPROVE', reasons: [{ criterion: 'X', reason: '' }] }, context, []],
    // REJECT
    ['a reason for each criterion that did not pass', { decision: 'REJECT', reasons: both }, context, []],
    [
      'a reason for a passing criterion too',
      { decision: 'REJECT', reasons: [...both, { criterion: 'IMAGES', reason: 'A different model.' }] },
      context,
      [],
    ],
    [
      'a failed criterion left without a reason',
      { decision: 'REJECT', reasons: both.slice(0, 1) },
      context,
      [{ field: 'reasons', message: 'give a reason for each failed criterion; missing: ODR' }],
    ],
    [
      'no reasons while two criteria did not pass',
      { decision: 'REJECT' },
      context,
      [{ field: 'reasons', message: 'give a reason for each failed criterion; missing: QUALIFYING_PURCHASES, ODR' }],
    ],
    [
      'no reasons while everything passed',
      { decision: 'REJECT', reasons: [] },
      allPassing,
      [{ field: 'reasons', message: 'give at least one reason' }],
    ],
    ['one reason while everything passed', { decision: 'REJECT', reasons: [both[0]!] }, allPassing, []],
    [
      'a reason of blanks only',
      { decision: 'REJECT', reasons: [both[0]!, { criterion: 'ODR', reason: ' \n ' }] },
      context,
      [{ field: 'reasons[1].reason', message: 'write what the seller must know about this check' }],
    ],
    [
      'a criterion the report does not have',
      { decision: 'REJECT', reasons: [...both, { criterion: 'VIBES', reason: 'no' }] },
      context,
      [
        {
          field: 'reasons[2].criterion',
          message: 'is not a criterion (BUSINESS_DETAILS, QUALIFYING_PURCHASES, IMAGES, ODR)',
        },
      ],
    ],
    [
      'a criterion given twice',
      { decision: 'REJECT', reasons: [...both, { criterion: 'ODR', reason: 'Again.' }] },
      context,
      [{ field: 'reasons[2].criterion', message: 'has a reason already; write one per criterion' }],
    ],
    [
      'criteria matched after trimming',
      { decision: 'REJECT', reasons: both.map((r) => ({ criterion: ` ${r.criterion} `, reason: r.reason })) },
      context,
      [],
    ],
    [
      'a reason at the length limit',
      {
        decision: 'REJECT',
        reasons: [both[0]!, { criterion: 'ODR', reason: 'x'.repeat(REJECTION_REASON_MAX_LENGTH) }],
      },
      context,
      [],
    ],
    [
      'a reason one character over the limit',
      {
        decision: 'REJECT',
        reasons: [both[0]!, { criterion: 'ODR', reason: 'x'.repeat(REJECTION_REASON_MAX_LENGTH + 1) }],
      },
      context,
      [{ field: 'reasons[1].reason', message: `must be at most ${REJECTION_REASON_MAX_LENGTH} characters` }],
    ],
    // NEEDS_INFO
    [
      'asking for information with a message',
      { decision: 'NEEDS_INFO', message: 'Upload the March invoice.' },
      context,
      [],
    ],
    [
      'asking for information without a message',
      { decision: 'NEEDS_INFO' },
      context,
      [{ field: 'message', message: 'tell the seller what to provide or fix' }],
    ],
    [
      'asking for information with blanks only',
      { decision: 'NEEDS_INFO', message: ' \n\t ' },
      context,
      [{ field: 'message', message: 'tell the seller what to provide or fix' }],
    ],
    [
      'a message at the length limit, blanks around it not counted',
      { decision: 'NEEDS_INFO', message: ` ${'x'.repeat(DECISION_MESSAGE_MAX_LENGTH)} ` },
      context,
      [],
    ],
    [
      'a message one character over the limit',
      { decision: 'NEEDS_INFO', message: 'x'.repeat(DECISION_MESSAGE_MAX_LENGTH + 1) },
      context,
      [{ field: 'message', message: `must be at most ${DECISION_MESSAGE_MAX_LENGTH} characters` }],
    ],
  ])('%s', (_case, draft, judged, expected) => {
    expect(decisionProblems(draft, judged)).toEqual(expected);
  });
});

describe('cleanDecision', () => {
  it.each<[string, DecisionDraft, boolean, object]>([
    [
      'approval keeps the Apple answer when asked',
      { decision: 'APPROVE', appleApproved: true, message: 'x' },
      true,
      { decision: 'APPROVE', appleApproved: true },
    ],
    [
      'an unanswered Apple question is a no',
      { decision: 'APPROVE' },
      true,
      { decision: 'APPROVE', appleApproved: false },
    ],
    [
      'no Apple answer when not asked',
      { decision: 'APPROVE', appleApproved: false },
      false,
      { decision: 'APPROVE', appleApproved: null },
    ],
    [
      'rejection keeps the trimmed reasons only',
      { decision: 'REJECT', reasons: [{ criterion: ' ODR ', reason: '  No data.\n' }], message: 'x' },
      true,
      { decision: 'REJECT', reasons: [{ criterion: 'ODR', reason: 'No data.' }] },
    ],
    [
      'a request for information keeps the trimmed message only',
      { decision: 'NEEDS_INFO', message: '  Upload it.  ', reasons: both },
      true,
      { decision: 'NEEDS_INFO', message: 'Upload it.' },
    ],
  ])('%s', (_case, draft, appleRequested, expected) => {
    expect(cleanDecision(draft, { appleRequested })).toEqual(expected);
  });
});
