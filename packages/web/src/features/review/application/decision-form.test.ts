import { CombinedGraphQLErrors } from '@apollo/client/errors';
import {
  DECISION_MESSAGE_MAX_LENGTH,
  decisionProblems,
  REJECTION_REASON_MAX_LENGTH,
  type DecisionContext,
} from '@recertify/domain';
import { describe, expect, it } from 'vitest';
import {
  decideInput,
  decisionContext,
  decisionLabels,
  decisionProblemOf,
  draftProblems,
  listedReasonDrafts,
  reasonField,
  rejectionReasonsInput,
  type DecisionDraft,
  type JudgedCriterion,
  type ReasonDraft,
} from './decision-form';

const criteria: JudgedCriterion[] = [
  { criterion: 'BUSINESS_DETAILS', status: 'PASS', summary: 'complete' },
  { criterion: 'QUALIFYING_PURCHASES', status: 'FAIL', summary: 'qualifying purchases 48,210.00 of 50,000.00 USD' },
  { criterion: 'IMAGES', status: 'PASS', summary: '9 images' },
  { criterion: 'ODR', status: 'NEEDS_REVIEW', summary: 'order data not available' },
];

const application = { id: 'app-1', version: 7, appleRequested: true };

const written = (drafts: ReasonDraft[], ...reasons: string[]): ReasonDraft[] =>
  drafts.map((draft, i) => ({ ...draft, reason: reasons[i] ?? '' }));

const draft = (change: Partial<DecisionDraft>): DecisionDraft => ({
  decision: 'APPROVE',
  appleApproved: false,
  reasons: [],
  message: '',
  ...change,
});

const badInput = (...fields: { field: string; message: string }[]) =>
  new CombinedGraphQLErrors({
    errors: [
      {
        message: fields.map((f) => `${f.field}: ${f.message}`).join('; '),
        extensions: { code: 'BAD_USER_INPUT', fields },
      },
    ],
  });

describe('listedReasonDrafts', () => {
  it('lists a reason for each criterion that failed or needs review, in the order of the checks', () => {
    expect(listedReasonDrafts(criteria)).toEqual([
      {
        criterion: 'QUALIFYING_PURCHASES',
        status: 'FAIL',
        summary: 'qualifying purchases 48,210.00 of 50,000.00 USD',
        reason: '',
        listed: true,
      },
      { criterion: 'ODR', status: 'NEEDS_REVIEW', summary: 'order data not available', reason: '', listed: true },
    ]);
  });

  it('lists nothing when every check passes', () => {
    expect(listedReasonDrafts(criteria.filter((c) => c.status === 'PASS'))).toEqual([]);
  });
});

describe('rejection reasons: form to input', () => {
  it('sends one trimmed reason per criterion, in the form order', () => {
    const reasons = written(listedReasonDrafts(criteria), '  Invoices total 48,210 USD.  ', 'No order data.\n');
    expect(rejectionReasonsInput(reasons)).toEqual([
      { criterion: 'QUALIFYING_PURCHASES', reason: 'Invoices total 48,210 USD.' },
      { criterion: 'ODR', reason: 'No order data.' },
    ]);
  });

  it('names each reason field by criterion, with its label', () => {
    expect(reasonField('ODR')).toBe('reason.ODR');
    expect(decisionLabels(listedReasonDrafts(criteria))).toEqual({
      appleApproved: 'Apple-brand approved',
      message: 'Message to the seller',
      'reason.QUALIFYING_PURCHASES': 'Reason: Qualifying purchases',
      'reason.ODR': 'Reason: Order defect rate',
    });
  });
});

describe('decideInput', () => {
  const reasons = written(listedReasonDrafts(criteria), 'Too little.', 'Unknown.');

  it.each<[string, DecisionDraft, { appleRequested: boolean }, object]>([
    [
      'approves with the Apple answer when Apple was requested',
      draft({ appleApproved: true, reasons, message: 'ignored' }),
      { appleRequested: true },
      { id: 'app-1', version: 7, decision: 'APPROVE', appleApproved: true },
    ],
    [
      'approves without Apple, said explicitly',
      draft({ appleApproved: false }),
      { appleRequested: true },
      { id: 'app-1', version: 7, decision: 'APPROVE', appleApproved: false },
    ],
    [
      'sends no Apple answer when Apple was not requested',
      draft({ appleApproved: true }),
      { appleRequested: false },
      { id: 'app-1', version: 7, decision: 'APPROVE' },
    ],
    [
      'rejects with the reasons only',
      draft({ decision: 'REJECT', appleApproved: true, reasons, message: 'ignored' }),
      { appleRequested: true },
      {
        id: 'app-1',
        version: 7,
        decision: 'REJECT',
        reasons: [
          { criterion: 'QUALIFYING_PURCHASES', reason: 'Too little.' },
          { criterion: 'ODR', reason: 'Unknown.' },
        ],
      },
    ],
    [
      'asks for information with the trimmed message only',
      draft({ decision: 'NEEDS_INFO', reasons, message: '  Upload the March invoice.  ' }),
      { appleRequested: true },
      { id: 'app-1', version: 7, decision: 'NEEDS_INFO', message: 'Upload the March invoice.' },
    ],
  ])('%s', (_case, form, { appleRequested }, expected) => {
    expect(decideInput({ ...application, appleRequested }, form)).toEqual(expected);
  });
});

describe('draftProblems: the domain decision rule, said at the fields of the form', () => {
  const listed = listedReasonDrafts(criteria);
  const judged = { appleRequested: true, criteria };
  const allPassing = { appleRequested: false, criteria: criteria.filter((c) => c.status === 'PASS') };

  it.each<[string, DecisionDraft, DecisionContext, object[]]>([
    ['approval needs nothing more', draft({}), judged, []],
    [
      'approval cannot grant Apple the seller did not ask for',
      draft({ appleApproved: true }),
      allPassing,
      [{ field: 'appleApproved', message: 'the seller did not ask for Apple-brand approval' }],
    ],
    [
      'every listed reason must be written',
      draft({ decision: 'REJECT', reasons: written(listed, 'Too little.', '   ') }),
      judged,
      [{ field: 'reason.ODR', message: 'write what the seller must know about this check' }],
    ],
    ['all reasons written', draft({ decision: 'REJECT', reasons: written(listed, 'a', 'b') }), judged, []],
    [
      'a rejection with nothing failed needs a reason added',
      draft({ decision: 'REJECT', reasons: [] }),
      allPassing,
      [{ field: 'reasons', message: 'give at least one reason' }],
    ],
    [
      'a failed criterion without its reason box is named in the alert',
      draft({ decision: 'REJECT', reasons: written(listed.slice(0, 1), 'Too little.') }),
      judged,
      [{ field: 'reasons', message: 'give a reason for each failed criterion; missing: ODR' }],
    ],
    [
      'asking for information needs a message',
      draft({ decision: 'NEEDS_INFO', message: ' \n ' }),
      judged,
      [{ field: 'message', message: 'tell the seller what to provide or fix' }],
    ],
    [
      'a message over the limit',
      draft({ decision: 'NEEDS_INFO', message: 'x'.repeat(DECISION_MESSAGE_MAX_LENGTH + 1) }),
      judged,
      [{ field: 'message', message: `must be at most ${DECISION_MESSAGE_MAX_LENGTH} characters` }],
    ],
  ])('%s', (_case, form, context, expected) => {
    expect(draftProblems(form, context)).toEqual(expected);
  });

  it('finds what the server finds for the same decision, field for field', () => {
    const forms = [
      draft({ appleApproved: true }),
      draft({ decision: 'REJECT', reasons: written(listed, '', 'x'.repeat(REJECTION_REASON_MAX_LENGTH + 1)) }),
      draft({ decision: 'NEEDS_INFO' }),
    ];
    for (const form of forms) {
      const sent = decideInput(application, form);
      const server = decisionProblems({ ...sent, reasons: rejectionReasonsInput(form.reasons) }, allPassing);
      expect(draftProblems(form, allPassing).map((p) => p.message)).toEqual(server.map((p) => p.message));
    }
  });

  it('reads the context from the application the reviewer sees', () => {
    expect(decisionContext({ appleRequested: true, eligibility: { criteria } })).toEqual(judged);
  });
});

describe('decisionProblemOf: server refusals back to the form', () => {
  const reasons = written(listedReasonDrafts(criteria), 'Too little.', ' ');
  const sent = rejectionReasonsInput(reasons);
  const labels = decisionLabels(reasons);

  it('puts a reason refused by position under the field of its criterion', () => {
    const problem = decisionProblemOf(
      badInput({ field: 'reasons[1].reason', message: 'must say what is wrong' }),
      sent,
      labels,
    );
    expect(problem.fields).toEqual({ 'reason.ODR': 'Must say what is wrong' });
    expect(problem.summary).toBe('Check this field: Reason: Order defect rate.');
  });

  it('says a criterion missing from the form in the alert, as the server words it', () => {
    const problem = decisionProblemOf(
      badInput({ field: 'reasons', message: 'give a reason for each failed criterion; missing: IMAGES' }),
      sent,
      labels,
    );
    expect(problem.fields).toEqual({});
    expect(problem.summary).toBe('Give a reason for each failed criterion; missing: IMAGES.');
  });

  it('marks the message and the Apple box', () => {
    const problem = decisionProblemOf(
      badInput(
        { field: 'message', message: 'tell the seller what to provide or fix' },
        { field: 'appleApproved', message: 'the seller did not ask for Apple-brand approval' },
      ),
      [],
      labels,
    );
    expect(problem.fields).toEqual({
      message: 'Tell the seller what to provide or fix',
      appleApproved: 'The seller did not ask for Apple-brand approval',
    });
  });

  it('gives a conflict its own words and code', () => {
    const conflict = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'Rita Reviewer claimed this application at 2026-03-02T10:00:00.000Z; it is theirs to decide.',
          extensions: { code: 'CONFLICT' },
        },
      ],
    });
    expect(decisionProblemOf(conflict, sent, labels)).toEqual({
      fields: {},
      summary: 'Rita Reviewer claimed this application at 2026-03-02T10:00:00.000Z; it is theirs to decide.',
      code: 'CONFLICT',
    });
  });
});
